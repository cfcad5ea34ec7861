"""Runtime settings: one object, read from the environment (``TRIAGE_*``) once and passed where it is needed.

Every place that used to read ``os.environ`` on its own takes a :class:`Settings` instead, so a test or a
caller sets a value in one place. The service reads them once at start (``get_settings``); library
functions that take an optional ``Settings`` read the environment when called without one.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from triage.adapters.jira import CUSTOM_FIELD_TARGETS
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

    # Helpdesk webhooks (docs/helpdesks/): each vendor's signing or shared secret, never printed or logged.
    # Without one, that vendor's route refuses every delivery (503): no deployment accepts unsigned webhooks
    # by accident.
    webhook_secret_zendesk: SecretStr | None = Field(None, description="Zendesk's webhook signing secret.")
    webhook_secret_freshdesk: SecretStr | None = Field(
        None, description="The shared secret Freshdesk's rule sends in X-Triage-Secret."
    )
    webhook_secret_jira: SecretStr | None = Field(
        None, description="Jira's webhook secret (X-Hub-Signature), or the X-Triage-Secret of automation rules."
    )
    # NoDecode: the validator below parses the JSON, so a bad value is one line, not pydantic-settings' traceback.
    webhook_jira_fields: Annotated[dict[str, str], NoDecode] = Field(
        default_factory=dict,
        description='Jira custom fields, JSON: contract field → field id ({"plan": "customfield_10061"}).',
    )

    @field_validator("webhook_jira_fields", mode="before")
    @classmethod
    def _jira_field_map(cls, value: Any) -> Any:
        """The map from JSON text (the environment) or a dict; anything else raises TriageError (not a
        ValueError: it passes through pydantic unwrapped, so ``triage serve`` refuses to start in one line)."""
        name = "TRIAGE_WEBHOOK_JIRA_FIELDS"
        if isinstance(value, str):
            if not value.strip():
                return {}
            try:
                value = json.loads(value)
            except ValueError as error:
                raise TriageError(f"{name} is not JSON: {error}") from None
        if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
            raise TriageError(f'{name} must be a JSON object of field ids, e.g. {{"plan": "customfield_10061"}}')
        unknown = sorted(set(value) - CUSTOM_FIELD_TARGETS)
        if unknown:
            raise TriageError(f"{name}: unknown contract fields {unknown}; known: {sorted(CUSTOM_FIELD_TARGETS)}")
        return value

    def webhook_secret(self, vendor: str) -> str | None:
        """``vendor``'s webhook secret (``TRIAGE_WEBHOOK_SECRET_<VENDOR>``); None if unset or blank."""
        secret = getattr(self, f"webhook_secret_{vendor}", None)
        value = secret.get_secret_value().strip() if isinstance(secret, SecretStr) else ""
        return value or None

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
