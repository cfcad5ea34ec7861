"""``GET /v1/reports/risk`` (``service/routers/reports.py``): the risk page over the tickets this server scored."""

from __future__ import annotations

from conftest import handwritten_tickets
from serving import payload, serve

from triage.settings import Settings


def test_the_report_ranks_the_tickets_the_server_scored(model_dir):
    tickets = handwritten_tickets()
    scored, unseen = tickets[:-1], tickets[-1]
    with serve(Settings(model_dir=model_dir)) as client:
        client.post("/v1/triage/batch", json=payload(scored[:-1]))
        client.post("/v1/triage", json=scored[-1].model_dump(mode="json", exclude_none=True))

        response = client.get("/v1/reports/risk", params={"hours": 1})

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert f"Escalation risk: {len(scored)} open tickets" in page
    for ticket in scored:
        assert ticket.id in page
    assert unseen.id not in page


def test_an_empty_window_is_a_page_that_says_so(model_dir):
    with serve(Settings(model_dir=model_dir)) as client:
        response = client.get("/v1/reports/risk")

    assert response.status_code == 200
    assert "<html" in response.text


def test_the_report_needs_a_key_and_a_window_within_the_retention(model_dir):
    settings = Settings(model_dir=model_dir, report_retention_hours=48)
    with serve(settings, anonymous=True) as anonymous:
        assert anonymous.get("/v1/reports/risk").status_code == 401
    with serve(settings) as client:
        too_far = client.get("/v1/reports/risk", params={"hours": 72})
        negative = client.get("/v1/reports/risk", params={"hours": -1})

    assert too_far.status_code == 422
    assert "report_retention_hours=48" in too_far.json()["detail"]
    assert negative.status_code == 422
