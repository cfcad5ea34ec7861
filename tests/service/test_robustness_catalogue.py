"""Every case of the robustness catalogue (``robustness_cases.py``) against the app in process: the expected
status and problem message, never a 500. ``benchmarks/robustness.py`` sends the same catalogue to a real
server over HTTP and times it."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from robustness_cases import (
    BODY_TIMEOUT_S,
    CASES,
    Case,
    ClientTransport,
    Outcome,
    Request,
    detail_of,
    failures,
    run_case,
    server_environment,
)
from serving import KEY
from starlette.types import Message
from test_limits import CAP, Server, read_response

from service.app import create_app
from service.jsonbody import strict_loads
from triage.settings import Settings


class InProcess(ClientTransport):
    """:class:`robustness_cases.Transport` over Starlette's TestClient (and the ASGI app itself for a slow
    body, which the TestClient cannot send)."""

    def __init__(self, client: TestClient, app: FastAPI, policy_file: Path, model_dir: Path) -> None:
        super().__init__(client, policy_file, model_dir)
        self.app = app

    def send_slow(self, request: Request) -> Outcome:
        return asyncio.run(self._slow(request))

    async def _slow(self, request: Request) -> Outcome:
        body = request.body or b""
        headers = {**self.headers(request), "Content-Length": str(len(body))}
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": request.method,
            "scheme": "http",
            "path": request.path,
            "raw_path": request.path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(name.lower().encode(), value.encode()) for name, value in headers.items()],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        parts: list[Message] = [{"type": "http.request", "body": body[: len(body) // 10], "more_body": True}]
        sent: list[Message] = []

        async def receive() -> Message:
            if parts:
                return parts.pop()
            await asyncio.sleep(BODY_TIMEOUT_S * 10)  # the rest never comes in time
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            sent.append(message)

        start = time.perf_counter()
        await self.app(scope, receive, send)
        seconds = time.perf_counter() - start
        head = next(message for message in sent if message["type"] == "http.response.start")
        content_type = dict(head["headers"]).get(b"content-type", b"").decode()
        body_out = b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body")
        return Outcome(head["status"], content_type, detail_of(content_type, body_out), seconds)


@pytest.fixture(scope="module")
def transport(model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcess]:
    folder = tmp_path_factory.mktemp("robustness")
    served = Path(shutil.copytree(model_dir, folder / "model"))  # the reload cases break its files for a moment
    policy_file = Path(shutil.copy(model_dir / "escalation.yaml", folder / "policy.yaml"))
    environment = server_environment(policy_file, f"sqlite:///{folder / 'feedback.db'}")
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environment.items():
            patch.setenv(name, value)
        app = create_app(Settings(model_dir=served))
        with TestClient(app, raise_server_exceptions=False) as client:
            yield InProcess(client, app, policy_file, served)


def test_the_catalogue_has_at_least_40_cases_with_unique_names():
    names = [case.name for case in CASES]

    assert len(set(names)) == len(names) >= 40


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_bad_input_gets_its_status_and_problem_message(transport: InProcess, case: Case):
    outcome = run_case(transport, case)

    assert failures(case, outcome) == []


def test_a_failed_expectation_is_reported():
    """The judge itself: a 500, a wrong status, a plain-text body and a missing fragment are all caught."""
    case = CASES[0]

    assert failures(case, Outcome(401, "application/problem+json", "an API key is required: ...", 0.01)) == []
    assert len(failures(case, Outcome(500, "text/plain", "Internal Server Error", 0.01))) == 4


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"[" * 2_000 + b"]" * 2_000, "nests too deep"),
        (b'{"n": ' + b"1" * 4_301 + b"}", "Exceeds the limit (4300 digits)"),
        (b'{"a": 1, "b": 2, "a": 3}', 'duplicate key "a"'),
        (b'{"a": "\\uD800 upper-case escape"}', "lone surrogate"),
    ],
)
def test_strict_json_refuses_what_pythons_parser_gives_up_on_as_a_decode_error(body, message):
    """RecursionError and the integer-digits ValueError used to escape as a bare 400 (FastAPI's answer to an
    unexpected parse error); now they are JSON errors like any other, answered 422 by the routes."""
    with pytest.raises(json.JSONDecodeError, match=re.escape(message)):
        strict_loads(body)


def test_strict_json_keeps_what_is_valid():
    assert strict_loads(b'{"a": "\\ud83d\\ude00", "b": "\\\\ud800 is text"}') == {"a": "😀", "b": "\\ud800 is text"}


def test_a_refused_body_closes_the_connection_instead_of_being_read(tmp_path):
    """After a 413 uvicorn would otherwise read (and h11 parse, on the event loop) the rest of the body: 50 MB
    held /healthz up by 72 ms in benchmarks/robustness.py, 9 ms once the connection is closed."""
    # The key named: while the catalogue's module fixture lives, the environment names another one.
    settings = Settings(model_dir=tmp_path / "absent", max_body_bytes=CAP, api_keys=KEY)
    with Server(settings) as server, server.connect() as sock:
        sock.sendall(
            b"POST /v1/triage HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {KEY}\r\nContent-Length: 50000000\r\n\r\n".encode()
            + b"x" * 100_000
        )
        response = read_response(sock)
        sock.settimeout(5)
        closed = sock.recv(65536) == b""

    assert response.startswith(b"HTTP/1.1 413 "), response
    assert b"connection: close" in response.lower()
    assert closed
