"""Runtime settings: one object, read from the environment (``TRIAGE_*``) once and passed where it is needed.

Every place that used to read ``os.environ`` on its own takes a :class:`Settings` instead, so a test or a
caller sets a value in one place. The service reads them once at start (``get_settings``); library
functions that take an optional ``Settings`` read the environment when called without one.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from triage.errors import TriageError

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
    # API security and limits (docs/api.md). Keys are secrets: never printed by `triage settings` or logged.
    api_keys: SecretStr | None = Field(None, description="API keys (bearer tokens), comma-separated.")
    api_keys_file: Path | None = Field(None, description="A file of API keys, one per line (# comments).")
    insecure_no_auth: bool = Field(False, description="Serve without API keys (refused unless set).")
    docs_enabled: bool = Field(False, description="Serve /docs, /redoc and /openapi.json, without a key.")
    # A URL, which may carry a password: a secret. SQLite (WAL, synchronous=FULL) or postgresql+psycopg://...
    feedback_url: SecretStr | None = Field(
        SecretStr("sqlite:///feedback.db"), description="The feedback store (docs/feedback.md); empty: none."
    )
    max_body_bytes: int = Field(1024 * 1024, ge=1, description="Largest request body accepted (413 above).")
    body_timeout_s: float = Field(10.0, gt=0, description="Time a client has to send a whole body (408).")
    keep_alive_timeout_s: int = Field(5, ge=1, description="Idle keep-alive connections are closed after it.")
    # The managers' risk report over the API (GET /v1/reports/risk) reads the tickets scored lately, in memory.
    report_retention_hours: float = Field(72.0, gt=0, description="How long a scored ticket stays in the report.")
    report_max_tickets: int = Field(10_000, ge=1, description="Most tickets the report keeps (oldest go first).")
    report_max_characters: int = Field(
        50_000_000, ge=1, description="Most characters of ticket text the report keeps in memory (oldest go first)."
    )

    def api_key_digests(self) -> frozenset[bytes]:
        """The SHA-256 of every configured key (the service keeps these, never the keys); raises
        :class:`~triage.errors.TriageError` in one line for an unreadable keys file."""
        keys: list[str] = []
        if self.api_keys is not None:
            keys += self.api_keys.get_secret_value().split(",")
        if self.api_keys_file is not None:
            try:
                text = self.api_keys_file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise TriageError(
                    f"{self.api_keys_file}: cannot read the API keys file ({type(error).__name__})"
                ) from None
            keys += [line for line in text.splitlines() if not line.lstrip().startswith("#")]
        return frozenset(hashlib.sha256(key.encode()).digest() for key in (k.strip() for k in keys) if key)

    def required_api_key_digests(self) -> frozenset[bytes]:
        """The digests; none is an error in one line unless ``insecure_no_auth`` (an open server is never the
        default): the service and ``triage serve`` both refuse to start."""
        digests = self.api_key_digests()
        if not digests and not self.insecure_no_auth:
            raise TriageError(
                "no API key configured: set TRIAGE_API_KEYS or TRIAGE_API_KEYS_FILE, "
                "or pass --insecure-no-auth (TRIAGE_INSECURE_NO_AUTH=true) to serve without authentication"
            )
        return digests


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once (tests build their own ``Settings`` instead)."""
    return Settings()
