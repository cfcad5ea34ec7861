"""Runtime settings: one object, read from the environment (``TRIAGE_*``) once and passed where it is needed.

Every place that used to read ``os.environ`` on its own takes a :class:`Settings` instead, so a test or a
caller sets a value in one place, and ``triage settings`` (or the API's startup log) shows what applies.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPOSITORY_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """What a deployment may change without touching code. Environment variables: ``TRIAGE_<FIELD>``, except
    the MLflow URI, which also answers to MLflow's own ``MLFLOW_TRACKING_URI``."""

    model_config = SettingsConfigDict(env_prefix="TRIAGE_", frozen=True, extra="ignore")

    model_dir: Path = Field(Path("models/default"), description="The model directory to serve.")
    # None: the configuration the model was trained with (kept in its directory).
    policy_file: Path | None = Field(None, description="Escalation configuration applied over the model.")
    shared_data: Path = Field(
        REPOSITORY_ROOT.parent / "shared" / "data", description="The public data sets, read in place."
    )
    mlflow_tracking_uri: str = Field(
        "sqlite:///mlflow.db",
        validation_alias=AliasChoices("TRIAGE_MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_URI"),
        description="MLflow tracking store (the file store is refused by MLflow 3).",
    )
    max_tickets_per_request: int = Field(1000, ge=1, description="Tickets one API request may carry.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once (tests build their own ``Settings`` instead)."""
    return Settings()
