"""The web app's JSON API and pages: every endpoint, every filter, review actions, audit log."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from eventledger.web.app import create_app
from eventledger.web.sample import SAMPLE_USERS, build_sample_db


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = build_sample_db(tmp_path_factory.mktemp("webapi") / "web.db")
    yield eng
    eng.dispose()


@pytest.fixture()
def client(engine):
    with TestClient(create_app(engine, secret_key="test-key")) as c:
        yield c


def login(client: TestClient, name: str) -> str:
    """Log in through the form; returns the session's CSRF token for API writes."""
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"name": name, "password": SAMPLE_USERS[name][0], "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return client.get("/api/session").json()["csrf_token"]


def ids(client, query=""):
    r = client.get("/api/events" + query)
    assert r.status_code == 200, r.text
    return {e["id"] for e in r.json()["events"]}


ALL = {"ev-protest-1", "ev-repr-1", "ev-protest-2", "ev-protest-3", "ev-repr-2", "ev-undated"}


@pytest.mark.parametrize("query,expected", [
    ("", ALL),
    ("?event_type=protest", {"ev-protest-1", "ev-protest-2", "ev-protest-3"}),
    ("?sub_event_type=arrest", {"ev-repr-1"}),
    ("?tactic=march", {"ev-protest-2"}),
    ("?tactic=rally", {"ev-protest-1"}),
    ("?date_from=2024-03-04&date_to=2024-03-19", {"ev-protest-2", "ev-protest-3"}),
    ("?date_from=2024-03-20", {"ev-repr-2"}),
    ("?place=southport", {"ev-protest-2"}),
    ("?admin1=East%20Province", {"ev-protest-3", "ev-repr-2"}),
    ("?actor=police", {"ev-repr-1"}),
    ("?actor=workers", {"ev-protest-1", "ev-repr-1"}),
    ("?stance=rights_monitor", {"ev-repr-1", "ev-protest-2", "ev-undated"}),
    ("?status=machine&event_type=repression", {"ev-repr-1", "ev-repr-2"}),
    ("?min_corroboration=2", {"ev-protest-1", "ev-repr-1"}),
    ("?q=banners", {"ev-protest-1", "ev-repr-1"}),       # doc-a text; ev-repr-1 also via doc-b link
    ("?q=Southport%20march", {"ev-protest-2", "ev-undated", "ev-protest-1", "ev-repr-1"}),  # doc-b
    ("?q=court%20sentenced", {"ev-protest-3", "ev-repr-2"}),
    ("?q=nothing-like-this", set()),
    ("?event_type=protest&q=posters", {"ev-protest-3"}),
])
def test_event_filters(client, query, expected):
    assert ids(client, query) == expected


def test_pagination_offset_and_keyset_cover_all_once(client):
    r = client.get("/api/events?per_page=2").json()
    assert r["total"] == 6 and r["pages"] == 3 and len(r["events"]) == 2
    dates = [e["date_start"] for e in client.get("/api/events?per_page=6").json()["events"]]
    assert dates[:5] == sorted(dates[:5], reverse=True) and dates[5] is None  # newest first, undated last
    seen, cursor = [], None
    while True:
        page = client.get("/api/events", params={"per_page": 2, **({"after": cursor} if cursor else {})}).json()
        seen += [e["id"] for e in page["events"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(ALL) and len(seen) == len(ALL)
    by_offset = [e["id"] for p in (1, 2, 3) for e in client.get(f"/api/events?per_page=2&page={p}").json()["events"]]
    assert by_offset == seen


def test_bad_filter_values_are_400_not_500(client):
    assert client.get("/api/events?date_from=not-a-date").status_code in (400, 422)
    assert client.get("/api/events?min_corroboration=x").status_code in (400, 422)
    assert client.get("/api/events?after=garbage|x").status_code == 400
    r = client.get("/?date_from=31-12-2024", headers={"accept": "text/html"})
    assert r.status_code in (400, 422) and "date" in r.text


HUGE = "9" * 20  # more than SQLite's 64-bit integers hold


@pytest.mark.parametrize("path", [f"/api/events?page={HUGE}", f"/api/claims?offset={HUGE}",
                                  f"/api/documents?offset={HUGE}", f"/api/reviews?offset={HUGE}"])
def test_huge_page_numbers_are_refused_not_500(client, path):
    assert client.get(path).status_code == 422


@pytest.mark.parametrize("path", [f"/?page={HUGE}", f"/api/events?min_corroboration={HUGE}",
                                  f"/api/points?min_corroboration=-{HUGE}"])
def test_huge_numbers_in_pages_and_filters_are_bounded(client, path):
    r = client.get(path, headers={"accept": "text/html"})
    assert r.status_code == 200
    if path.startswith("/api/events"):
        assert r.json()["events"] == []  # no event has that many independent sources


def test_event_detail(client):
    d = client.get("/api/events/ev-repr-1").json()
    assert d["event"]["actor1"] == "Police"
    assert {doc["id"] for doc in d["documents"]} == {"doc-a", "doc-b"}
    doc_a = next(doc for doc in d["documents"] if doc["id"] == "doc-a")
    sp = doc_a["evidence"][0]
    assert doc_a["text"][sp["start"]:sp["end"]] == "Police detained 4 people"
    assert {c["id"] for c in d["claims"]} == {"cl-1", "cl-2"}
    assert client.get("/api/events/nope").status_code == 404


def test_points_timeline_facets(client):
    pts = client.get("/api/points?event_type=repression").json()
    assert sorted(p[0] for p in pts) == ["ev-repr-1", "ev-repr-2"] and all(len(p) == 4 for p in pts)
    assert "ev-undated" not in {p[0] for p in client.get("/api/points").json()}
    tl = client.get("/api/timeline").json()
    assert {"day": "2024-03-02", "event_type": "protest", "n": 1} in tl
    assert sum(r["n"] for r in tl) == 5
    assert sum(r["n"] for r in client.get("/api/timeline?event_type=repression").json()) == 2
    f = client.get("/api/facets").json()
    assert "East Province" in f["admin1"] and "rights_monitor" in f["stance"]


def test_claims_documents_reviews_endpoints(client):
    claims = client.get("/api/claims?kind=arrested").json()
    assert [c["value"] for c in claims] == [4, 6]
    groups = client.get("/api/claims?grouped=true").json()
    assert len(groups) == 1 and len(groups[0]["claims"]) == 2 and groups[0]["place"] == "Northtown"
    assert client.get("/api/claims?event_id=ev-protest-2").json() == []
    docs = client.get("/api/documents").json()
    assert {d["id"] for d in docs} == {"doc-a", "doc-b", "doc-c"} and "text" not in docs[0]
    assert [d["id"] for d in client.get("/api/documents?q=factory").json()] == ["doc-a"]
    assert [d["id"] for d in client.get("/api/documents?publisher=Monitor%20B").json()] == ["doc-b"]
    one = client.get("/api/documents/doc-b").json()
    assert "Southport" in one["text"] and "ev-protest-2" in one["event_ids"]
    assert client.get("/api/documents/none").status_code == 404
    assert isinstance(client.get("/api/reviews").json(), list)


def test_downloads_follow_the_filter(client):
    r = client.get("/api/events.csv?event_type=repression")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(row["event_id"] for row in rows) == ["ev-repr-1", "ev-repr-2"]
    g = client.get("/api/events.geojson?admin1=North%20Province").json()
    assert g["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in g["features"]) == ["ev-protest-1", "ev-repr-1"]
    assert g["features"][0]["geometry"]["type"] == "Point"


def test_openapi_lists_the_endpoints(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/claims", "/api/documents", "/api/reviews",
                 "/api/events.csv", "/api/events.geojson", "/api/events/{event_id}/review"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"event_type", "tactic", "stance", "q", "min_corroboration", "after"} <= params
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


@pytest.mark.parametrize("path", ["/", "/?event_type=riot", "/?q=workers", "/events/ev-protest-1", "/claims",
                                  "/reviews", "/documents/doc-a", "/login", "/?after=2024-03-05|ev-protest-2"])
def test_pages_render(client, path):
    r = client.get(path)
    assert r.status_code == 200 and "<html" in r.text


def test_event_page_highlights_evidence(client):
    html = client.get("/events/ev-protest-1").text
    assert '<mark class="ev" data-role="sentence">about 300 workers </mark>' in html
    assert '<mark class="ev" data-role="sentence trigger">gathered</mark>' in html


def test_review_actions_through_api_and_audit_log(engine):
    with TestClient(create_app(engine, secret_key="k2")) as c:
        tok = login(c, "rev")
        h = {"X-CSRF-Token": tok}
        assert c.post("/api/events/ev-protest-2/review", json={"action": "confirm", "note": "ok"}, headers=h).json() == {"ok": True}
        r = c.post("/api/events/ev-protest-1/review", headers=h,
                   json={"action": "edit", "field": "actor1", "value": "Factory workers"})
        assert r.status_code == 200
        assert c.post("/api/events/ev-protest-1/review", headers=h,
                      json={"action": "edit", "field": "lat", "value": "abc"}).status_code == 400
        r = c.post("/api/events/ev-repr-1/review", headers=h, json={"action": "split", "doc_ids": ["doc-b"]})
        new_id = r.json()["new_event"]
        assert c.get(f"/api/events/{new_id}").json()["event"]["event_type"] == "repression"
        assert c.post(f"/api/events/ev-repr-1/review", headers=h,
                      json={"action": "merge", "other_id": new_id}).status_code == 200
        assert c.post("/api/events/ev-repr-2/review", headers=h, json={"action": "reject"}).status_code == 200
        assert c.post("/api/events/ev-repr-2/review", headers=h, json={"action": "explode"}).status_code == 400
        assert c.post("/api/events/nope/review", headers=h, json={"action": "confirm"}).status_code == 404
        log = c.get("/api/reviews").json()
        assert {(x["action"], x["event_id"]) for x in log} >= {
            ("confirm", "ev-protest-2"), ("edit", "ev-protest-1"), ("split", "ev-repr-1"),
            ("merge", new_id), ("reject", "ev-repr-2")}
        assert all(x["user"] == "rev" and x["at"] for x in log)
        assert c.get("/api/events/ev-protest-1").json()["event"]["actor1"] == "Factory workers"
        assert new_id not in ids(c)  # merged events are hidden unless asked for
        assert new_id in ids(c, "?include_merged=1")
        assert ids(c, "?status=confirmed") == {"ev-protest-2"}
        page = c.get("/events/ev-protest-1").text
        assert "Factory workers" in page and "rev" in page and "edit" in page
        assert "ev-protest-2" in c.get("/reviews").text


def test_review_form_posts_and_admin_user_management(engine):
    with TestClient(create_app(engine, secret_key="k3")) as c:
        tok = login(c, "ada")
        r = c.post("/events/ev-protest-3/review", data={"action": "confirm", "csrf_token": tok}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/events/ev-protest-3"
        assert c.get("/api/events/ev-protest-3").json()["event"]["status"] == "confirmed"
        assert "bob" not in {u["name"] for u in c.get("/api/users").json()}
        assert c.post("/api/users", json={"name": "bob", "password": "bob-password-1", "role": "reviewer"},
                      headers={"X-CSRF-Token": tok}).status_code == 200
        assert c.post("/users", data={"name": "eve", "password": "eve-password-1", "role": "reader",
                                      "csrf_token": tok}, follow_redirects=False).status_code == 303
        names = {u["name"]: u["role"] for u in c.get("/api/users").json()}
        assert names["bob"] == "reviewer" and names["eve"] == "reader"
        assert c.post("/users/eve/delete", data={"csrf_token": tok}, follow_redirects=False).status_code == 303
        assert "eve" not in {u["name"] for u in c.get("/api/users").json()}
        assert "bob" in c.get("/users").text


def test_login_only_reading(engine):
    with TestClient(create_app(engine, public_read=False, secret_key="k4")) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/claims").status_code == 401
        r = c.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
        login(c, "rita")
        assert c.get("/api/events").status_code == 200
        assert c.get("/").status_code == 200
