"""API keys (``service/security.py``): a bearer key on every route but the probes, kept as SHA-256 only and
compared in constant time; 401 problems with ``WWW-Authenticate``; no server without keys unless
``--insecure-no-auth``; the docs off unless enabled; keys never in the logs."""

from __future__ import annotations

import gc
import hashlib
import logging
import os

import pytest
from conftest import handwritten_tickets
from pydantic import SecretStr
from serving import AUTH, KEY, payload, serve
from typer.testing import CliRunner

from service.app import create_app
from service.security import ApiKeyAuth, key_matches
from triage.cli import app as cli
from triage.cli.serve import DEFAULT_WORKERS, METRICS_DIR
from triage.errors import TriageError
from triage.settings import Settings


@pytest.fixture(scope="module")
def anonymous(model_dir):
    with serve(Settings(model_dir=model_dir), anonymous=True) as client:
        yield client


def api_routes(app) -> list[tuple[str, str]]:
    paths = app.openapi()["paths"]
    return sorted((method.upper(), path) for path, ops in paths.items() if path.startswith("/v1/") for method in ops)


def test_every_api_route_is_401_without_a_key(anonymous):
    # Helpdesk webhooks are the exception: the vendor's signature or shared secret authenticates them
    # (tests/service/test_feedback_and_webhook_routes.py).
    routes = [(method, path) for method, path in api_routes(anonymous.app) if not path.startswith("/v1/webhooks/")]
    assert ("POST", "/v1/triage") in routes and ("POST", "/v1/feedback") in routes and len(routes) >= 9

    for method, path in [*routes, ("GET", "/v1/unknown"), ("GET", "/")]:
        response = anonymous.request(method, path, json={"id": "T-1", "body": "x"})

        assert response.status_code == 401, (method, path)
        assert response.headers["www-authenticate"] == 'Bearer realm="triage"'
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json() == {
            "type": "urn:triage:problem:unauthorized",
            "title": "Unauthorized",
            "status": 401,
            "detail": "an API key is required: Authorization: Bearer <key>",
        }


@pytest.mark.parametrize(
    "header", [f"Bearer {KEY}x", f"Bearer {KEY[:-1]}", "Bearer  ", f"Basic {KEY}", KEY, f"Token {KEY}"]
)
def test_a_wrong_key_or_scheme_is_401(anonymous, header):
    response = anonymous.post("/v1/triage", json={"id": "T-1", "body": "x"}, headers={"Authorization": header})

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith('Bearer realm="triage"')


def test_the_probes_answer_without_a_key(anonymous):
    assert anonymous.get("/healthz").status_code == 200
    assert anonymous.get("/readyz").status_code == 200


def test_the_key_opens_the_api_and_the_scheme_is_case_insensitive(anonymous):
    ticket = payload(handwritten_tickets()[:1])["tickets"][0]

    ok = anonymous.post("/v1/triage", json=ticket, headers=AUTH)
    lower = anonymous.post("/v1/triage", json=ticket, headers={"Authorization": f"bearer {KEY}"})

    assert ok.status_code == lower.status_code == 200, ok.text


def test_keys_from_the_environment_list_and_from_a_file(model_dir, tmp_path, monkeypatch):
    keys_file = tmp_path / "keys"
    keys_file.write_text("# plugin keys, one a line\nfile-key-1\n\n  file-key-2  \n", encoding="utf-8")
    monkeypatch.setenv("TRIAGE_API_KEYS", " env-key-1, env-key-2 ,")
    monkeypatch.setenv("TRIAGE_API_KEYS_FILE", str(keys_file))
    settings = Settings(model_dir=model_dir)

    with serve(settings, anonymous=True) as client:
        answers = {
            key: client.get("/v1/model", headers={"Authorization": f"Bearer {key}"}).status_code
            for key in ("env-key-1", "env-key-2", "file-key-1", "file-key-2", "# plugin keys, one a line", KEY)
        }

    assert answers == {
        "env-key-1": 200,
        "env-key-2": 200,
        "file-key-1": 200,
        "file-key-2": 200,
        "# plugin keys, one a line": 401,
        KEY: 401,
    }


def test_only_digests_are_kept_and_the_settings_hide_the_keys(model_dir):
    settings = Settings(model_dir=model_dir, api_keys=SecretStr("s3cret-key"))
    app = create_app(settings)

    stack = app.build_middleware_stack()
    auth = stack
    while not isinstance(auth, ApiKeyAuth):
        auth = auth.app
    assert auth.digests == frozenset({hashlib.sha256(b"s3cret-key").digest()})
    assert "s3cret-key" not in repr(settings) and "s3cret-key" not in str(settings.model_dump())


def test_a_key_matches_only_itself():
    digests = frozenset(hashlib.sha256(key.encode()).digest() for key in ("alpha", "beta"))

    assert key_matches("alpha", digests) and key_matches("beta", digests)
    assert not key_matches("gamma", digests) and not key_matches("alph", digests)
    assert not key_matches("alpha", frozenset())


def test_an_unreadable_keys_file_is_one_line(tmp_path):
    with pytest.raises(TriageError, match=r"keys: cannot read the API keys file \(FileNotFoundError\)$"):
        Settings(api_keys_file=tmp_path / "keys").api_key_digests()


def test_no_key_and_no_opt_out_refuses_to_start(model_dir, monkeypatch):
    monkeypatch.delenv("TRIAGE_API_KEYS", raising=False)
    monkeypatch.delenv("TRIAGE_API_KEYS_FILE", raising=False)

    with pytest.raises(TriageError, match="no API key configured") as refused:
        create_app(Settings(model_dir=model_dir))

    assert "\n" not in str(refused.value) and "--insecure-no-auth" in str(refused.value)


def test_insecure_no_auth_serves_without_keys_and_says_so_loudly(model_dir, caplog):
    with caplog.at_level(logging.WARNING, logger="service"):
        client = serve(Settings(model_dir=model_dir, insecure_no_auth=True), anonymous=True)

    assert any(r.levelno == logging.WARNING and "AUTHENTICATION IS DISABLED" in r.getMessage() for r in caplog.records)
    with client:
        assert client.get("/v1/model").status_code == 200


def test_the_docs_are_off_unless_enabled_and_then_need_no_key(model_dir):
    with serve(Settings(model_dir=model_dir)) as keyed:
        closed = [keyed.get(path).status_code for path in ("/docs", "/redoc", "/openapi.json")]
    with serve(Settings(model_dir=model_dir, docs_enabled=True), anonymous=True) as open_docs:
        opened = [open_docs.get(path).status_code for path in ("/docs", "/redoc", "/openapi.json")]
        still_closed = open_docs.get("/v1/model").status_code

    assert closed == [404, 404, 404]
    assert opened == [200, 200, 200]
    assert still_closed == 401


def test_keys_never_reach_the_logs(anonymous, caplog):
    with caplog.at_level(logging.DEBUG):
        anonymous.get("/v1/model", headers=AUTH)
        anonymous.get("/v1/model", headers={"Authorization": "Bearer wrong-key-in-the-logs?"})

    logged = " ".join(f"{record.getMessage()} {getattr(record, 'fields', '')}" for record in caplog.records)
    assert caplog.records and KEY not in logged and "wrong-key-in-the-logs" not in logged


@pytest.fixture
def serve_env(monkeypatch, model_dir):
    """`triage serve` sets these for the service; monkeypatch restores them after the test. What would be
    served is recorded instead: each uvicorn server's config, and how many workers were forked."""
    for name in ("TRIAGE_MODEL_DIR", "TRIAGE_POLICY_FILE", "TRIAGE_INSECURE_NO_AUTH", "TRIAGE_WORKERS", METRICS_DIR):
        monkeypatch.setenv(name, "unset")
        monkeypatch.delenv(name)
    monkeypatch.delenv("TRIAGE_API_KEYS", raising=False)
    monkeypatch.delenv("TRIAGE_API_KEYS_FILE", raising=False)
    monkeypatch.setattr("logging.config.dictConfig", lambda config: None)  # the test session's logging stays
    runs: list[dict] = []
    monkeypatch.setattr("uvicorn.Server.run", lambda server, sockets=None: runs.append({"config": server.config}))
    monkeypatch.setattr("service.app.run_workers", lambda workers, serve: runs.append({"workers": workers}))
    yield runs
    gc.unfreeze()  # the model was loaded as a server loads it, heap frozen


def test_triage_serve_refuses_to_start_without_a_key(serve_env, model_dir):
    result = CliRunner().invoke(cli, ["serve", "--model", str(model_dir)])

    assert isinstance(result.exception, TriageError) and "no API key configured" in str(result.exception)
    assert serve_env == []


def test_triage_serve_insecure_no_auth_and_keys(serve_env, model_dir, monkeypatch, tmp_path):
    insecure = CliRunner().invoke(cli, ["serve", "--model", str(model_dir), "--insecure-no-auth", "--workers", "1"])
    assert insecure.exit_code == 0, insecure.output
    monkeypatch.delenv("TRIAGE_INSECURE_NO_AUTH")
    keys_file = tmp_path / "keys"
    keys_file.write_text("k\n")
    monkeypatch.setenv("TRIAGE_API_KEYS_FILE", str(keys_file))
    keyed = CliRunner().invoke(cli, ["serve", "--model", str(model_dir), "--port", "0"])
    assert keyed.exit_code == 0, keyed.output

    first, second = serve_env
    config = first["config"]
    assert config.app.state.holder.current is not None  # loaded once, before serving
    assert config.access_log is False and config.timeout_keep_alive == 5 and config.port == 8000
    assert config.log_config["formatters"]["json"]["()"] == "service.logs.JsonFormatter"
    # One process runs uvicorn's own server (above); by default two are forked, one per core.
    assert min(2, os.cpu_count() or 1) == DEFAULT_WORKERS
    if DEFAULT_WORKERS > 1:
        assert second == {"workers": DEFAULT_WORKERS}
    else:  # a one-core machine serves in one process
        assert "config" in second
