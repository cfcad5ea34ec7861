"""Request limits: the body cap and the body timeout (``service/limits.py``, pure ASGI, before any parsing),
JSON only (415), and strict JSON (``service/jsonbody.py``: duplicate keys, lone surrogates, NaN: 422)."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest
import uvicorn
from serving import KEY, keyed, serve

from service.app import create_app
from triage.settings import Settings

CAP = 2000
TICKET = {"id": "T-1", "subject": "Refund", "body": "Please refund the duplicate charge."}


@pytest.fixture(scope="module")
def client(model_dir):
    with serve(Settings(model_dir=model_dir, max_body_bytes=CAP)) as client:
        yield client


def padded(size: int) -> bytes:
    """A valid ticket of exactly ``size`` bytes (the body takes the padding)."""
    body = json.dumps({**TICKET, "body": ""}).encode()
    return json.dumps({**TICKET, "body": "x" * (size - len(body))}).encode()


def test_a_body_at_the_cap_is_served(client):
    response = client.post("/v1/triage", content=padded(CAP), headers={"content-type": "application/json"})

    assert response.status_code == 200, response.text


def test_a_content_length_over_the_cap_is_413(client):
    response = client.post("/v1/triage", content=padded(CAP + 1), headers={"content-type": "application/json"})

    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == f"the request body is larger than {CAP} bytes"


def test_a_chunked_body_over_the_cap_is_413(client):
    def chunks():
        yield b'{"id": "T-1", "body": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    response = client.post("/v1/triage", content=chunks(), headers={"content-type": "application/json"})

    assert response.status_code == 413


def test_the_default_cap_is_one_mebibyte(model_dir):
    with serve(Settings(model_dir=model_dir)) as default:
        over = default.post("/v1/predict", content=b" " * (2**20 + 1), headers={"content-type": "application/json"})

    assert Settings().max_body_bytes == 2**20
    assert over.status_code == 413


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/jsonx", None],
)
def test_a_body_that_is_not_json_is_415(client, content_type):
    headers = {"content-type": content_type} if content_type else {}

    response = client.post("/v1/triage", content=json.dumps(TICKET), headers=headers)

    assert response.status_code == 415
    assert response.json()["title"] == "Unsupported Media Type"


def test_json_with_a_charset_is_json(client):
    headers = {"content-type": "application/json; charset=utf-8"}

    assert client.post("/v1/triage", content=json.dumps(TICKET), headers=headers).status_code == 200


DUPLICATES = {
    "top level": '{"id": "T-1", "id": "T-2", "body": "x"}',
    "nested": '{"id": "T-1", "body": "x", "customer": {"plan": "free", "plan": "enterprise"}}',
    "in the batch": '{"tickets": [{"id": "T-1", "body": "x"}], "tickets": []}',
}


@pytest.mark.parametrize("body", list(DUPLICATES.values()), ids=list(DUPLICATES))
def test_duplicate_keys_are_422(client, body):
    path = "/v1/triage/batch" if "tickets" in body else "/v1/triage"

    response = client.post(path, content=body, headers={"content-type": "application/json"})

    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["msg"].startswith("JSON decode error: duplicate key")


@pytest.mark.parametrize("text", ['"\\ud800"', '"ok \\udfff"', '"\\udc00\\ud800"'])
@pytest.mark.parametrize("path", ["/v1/triage", "/v1/predict", "/v1/triage/batch", "/v1/handoff"])
def test_lone_surrogates_are_422(client, path, text):
    ticket = f'{{"id": "T-1", "body": {text}}}'
    body = ticket if path in ("/v1/triage", "/v1/handoff") else f'{{"tickets": [{ticket}]}}'

    response = client.post(path, content=body, headers={"content-type": "application/json"})

    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["msg"] == "JSON decode error: lone surrogate in a string"


def test_a_surrogate_pair_is_a_character(client):
    body = '{"id": "T-1", "body": "It broke \\ud83d\\ude00"}'

    assert client.post("/v1/triage", content=body, headers={"content-type": "application/json"}).status_code == 200


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_422_on_every_route(client, literal):
    ticket = f'{{"id": "T-1", "body": "x", "customer": {{"annual_contract_value": {literal}}}}}'

    for path, body in [("/v1/triage", ticket), ("/v1/handoff", ticket), ("/v1/predict", f'{{"tickets": [{ticket}]}}')]:
        response = client.post(path, content=body, headers={"content-type": "application/json"})
        assert response.status_code == 422, (path, response.text)


class Server:
    """The app under a real uvicorn on a free port, in a thread (the test client has no sockets)."""

    def __init__(self, settings: Settings, **config) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        app = create_app(keyed(settings))
        self.server = uvicorn.Server(uvicorn.Config(app, port=self.port, log_level="warning", **config))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=10)


def read_response(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lengths = [
            int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
        ]
        if lengths and len(body) >= lengths[0]:
            break
    return data


def test_an_incomplete_body_is_408_after_the_body_timeout(tmp_path):
    # Measured: without the timeout, uvicorn keeps such a request open for as long as the client does
    # (timeout_keep_alive only closes idle connections between requests).
    settings = Settings(model_dir=tmp_path / "absent", body_timeout_s=0.5)
    with Server(settings) as server, server.connect() as sock:
        start = time.monotonic()
        sock.sendall(
            b"POST /v1/triage HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {KEY}\r\nContent-Length: 100\r\n\r\n".encode()
            + b'{"id": "T-1",'
        )
        response = read_response(sock)
        elapsed = time.monotonic() - start

    assert response.startswith(b"HTTP/1.1 408 "), response
    assert b"did not arrive within 0.5 s" in response
    assert 0.45 < elapsed < 5


def test_an_idle_keep_alive_connection_is_closed(tmp_path):
    settings = Settings(model_dir=tmp_path / "absent")
    with Server(settings, timeout_keep_alive=1) as server, server.connect() as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        first = read_response(sock)
        start = time.monotonic()
        closed = sock.recv(1) == b""
        idle = time.monotonic() - start

    assert first.startswith(b"HTTP/1.1 200 ")
    assert closed and 0.5 < idle < 5


def test_an_oversized_content_length_is_refused_before_the_body_is_sent(tmp_path):
    settings = Settings(model_dir=tmp_path / "absent", max_body_bytes=CAP)
    with Server(settings) as server, server.connect() as sock:
        sock.sendall(
            b"POST /v1/triage HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {KEY}\r\nContent-Length: 1000000000\r\n\r\n".encode()
        )
        response = read_response(sock)

    assert response.startswith(b"HTTP/1.1 413 "), response


def test_unauthenticated_bodies_are_not_read(tmp_path):
    settings = Settings(model_dir=tmp_path / "absent", body_timeout_s=30)
    with Server(settings) as server, server.connect() as sock:
        sock.sendall(b"POST /v1/triage HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
        response = read_response(sock)

    assert response.startswith(b"HTTP/1.1 401 "), response
