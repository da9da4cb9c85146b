"""Web security (issue 8 item 4): escaping, bound parameters, CSRF, roles, cookies, throttling."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from eventledger.store import schema as s
from eventledger.web.app import create_app
from eventledger.web.pages import highlight
from eventledger.web.sample import HOSTILE, SAMPLE_USERS

RAW_MARKUP = ("<script>alert", "<b onmouseover", "</script><b", "<script>x")


@pytest.fixture()
def engine(sample_engine):
    return sample_engine


@pytest.fixture()
def client(engine):
    with TestClient(create_app(engine, secret_key="sec-key")) as c:
        yield c


def csrf_of(client, path="/login"):
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text).group(1)


def login(client, name):
    tok = csrf_of(client)
    r = client.post("/login", data={"name": name, "password": SAMPLE_USERS[name][0], "csrf_token": tok},
                    follow_redirects=False)
    assert r.status_code == 303
    return client.get("/api/session").json()["csrf_token"]


def assert_no_raw_markup(html: str):
    for bad in RAW_MARKUP:
        assert bad not in html, bad


# ------------------------------------------------------------------ escaping

@pytest.mark.parametrize("path", ["/", "/?event_type=protest", "/?admin1=East%20Province", "/events/ev-protest-3",
                                  "/documents/doc-c", "/documents/doc-c?start=5&end=40", "/claims"])
def test_hostile_report_renders_as_text(client, path):
    html = client.get(path).text
    assert_no_raw_markup(html)
    if path != "/claims":
        assert "&lt;script&gt;alert(" in html  # shown, as text


def test_hostile_text_in_search_echo_and_review_log(client, engine):
    html = client.get("/", params={"q": HOSTILE, "place": HOSTILE, "actor": "<img src=x onerror=alert(1)>"}).text
    assert_no_raw_markup(html)
    assert "<img src=x" not in html and "&lt;img src=x" in html
    tok = login(client, "rev")
    client.post("/api/events/ev-protest-3/review", headers={"X-CSRF-Token": tok},
                json={"action": "edit", "field": "actor1", "value": HOSTILE, "note": HOSTILE})
    for path in ("/reviews", "/events/ev-protest-3"):
        assert_no_raw_markup(client.get(path).text)
    assert_no_raw_markup(client.get("/login", params={"next": '"><script>alert(1)</script>'}).text)


def test_error_pages_escape_their_message(client):
    html = client.get("/", params={"date_from": "<script>x</script>"}, headers={"accept": "text/html"}).text
    assert "<script>x" not in html


def test_highlight_escapes_before_marking():
    text = 'a <b>&"x"</b> c'
    out = str(highlight(text, [{"start": 2, "end": 13, "role": '"><script>'}]))
    assert out == ('a <mark class="ev" data-role="&#34;&gt;&lt;script&gt;">&lt;b&gt;&amp;&#34;x&#34;&lt;/b&gt;</mark> c')
    # overlapping, out-of-range and empty spans never break or duplicate text
    out = str(highlight("abcdef", [{"start": 1, "end": 4}, {"start": 3, "end": 99}, {"start": 2, "end": 2}]))
    assert re.sub(r"<[^>]+>", "", out) == "abcdef"


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"


# ------------------------------------------------------------------ SQL injection

PAYLOADS = ["' OR 1=1 --", "'; DROP TABLE events; --", '" OR ""="', "1) OR (1=1", "%' OR '%'='",
            "x' UNION SELECT name, password_hash FROM users --", "\\", "*", "NEAR(a b)", '"unbalanced',
            "title:*", "a AND OR NOT", "%", "_", "\x00"]
TEXT_FILTERS = ["event_type", "sub_event_type", "tactic", "place", "admin1", "actor", "stance", "status", "q"]


def _counts(engine):
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (s.events, s.documents, s.users, s.claims, s.reviews)}


def test_injection_payloads_in_every_filter_are_inert(client, engine):
    before = _counts(engine)
    for payload in PAYLOADS:
        for name in TEXT_FILTERS:
            r = client.get("/api/events", params={name: payload})
            assert r.status_code == 200, (name, payload, r.text[:200])
            # a payload is a value, not SQL: it matches nothing ("*", "%" are literal too;
            # "_" is a literal underscore, which the stance codes contain)
            if payload == "\x00":  # NUL is dropped: an empty filter, so every event
                assert r.json()["total"] == before["events"] - 0, name
            elif not (payload == "_" and name == "stance"):
                assert r.json()["total"] == 0, (name, payload, r.json()["total"])
            for path in ("/api/points", "/api/timeline", "/api/events.csv", "/"):
                assert client.get(path, params={name: payload}).status_code == 200, (path, name, payload)
        assert client.get("/api/documents", params={"q": payload}).json() == []
        assert client.get("/api/claims", params={"kind": payload, "place": payload}).json() == []
        assert client.get("/claims", params={"kind": payload}).status_code == 200
    assert _counts(engine) == before


def test_injection_in_path_and_review_values(client, engine):
    assert client.get("/api/events/' OR '1'='1").status_code == 404
    tok = login(client, "rev")
    r = client.post("/api/events/ev-protest-1/review", headers={"X-CSRF-Token": tok},
                    json={"action": "edit", "field": "actor2", "value": "x'); DELETE FROM events; --"})
    assert r.status_code == 200
    assert client.get("/api/events/ev-protest-1").json()["event"]["actor2"] == "x'); DELETE FROM events; --"
    r = client.post("/api/events/ev-protest-1/review", headers={"X-CSRF-Token": tok},
                    json={"action": "edit", "field": "status = 'confirmed' --", "value": "x"})
    assert r.status_code == 400
    assert _counts(engine)["events"] == 6


# ------------------------------------------------------------------ CSRF, roles

def test_writes_without_or_with_wrong_csrf_are_refused(client, engine):
    tok = login(client, "ada")
    for headers in ({}, {"X-CSRF-Token": "wrong"}, {"X-CSRF-Token": ""}):
        assert client.post("/api/events/ev-protest-1/review", json={"action": "confirm"},
                           headers=headers).status_code == 403
        assert client.post("/api/users", json={"name": "z", "password": "zzzzzzzzz", "role": "admin"},
                           headers=headers).status_code == 403
    for data in ({"action": "confirm"}, {"action": "confirm", "csrf_token": "wrong"}):
        assert client.post("/events/ev-protest-1/review", data=data, follow_redirects=False).status_code == 403
    assert client.post("/users", data={"name": "z", "password": "zzzzzzzzz", "role": "admin"}).status_code == 403
    assert client.post("/logout", data={}).status_code == 403
    assert client.get("/api/events/ev-protest-1").json()["event"]["status"] == "machine"
    assert _counts(engine)["reviews"] == 0 and _counts(engine)["users"] == 3
    assert client.post("/api/events/ev-protest-1/review", json={"action": "confirm"},
                       headers={"X-CSRF-Token": tok}).status_code == 200


def test_login_form_needs_csrf(client):
    r = client.post("/login", data={"name": "rev", "password": SAMPLE_USERS["rev"][0]}, follow_redirects=False)
    assert r.status_code == 403


WRITES = [
    ("api", "/api/events/ev-protest-1/review", {"action": "confirm"}),
    ("api", "/api/events/ev-protest-1/review", {"action": "edit", "field": "actor1", "value": "x"}),
    ("api", "/api/events/ev-protest-1/review", {"action": "merge", "other_id": "ev-protest-2"}),
    ("api", "/api/events/ev-repr-1/review", {"action": "split", "doc_ids": ["doc-b"]}),
    ("api", "/api/events/ev-protest-1/review", {"action": "reject"}),
    ("api", "/api/users", {"name": "mallory", "password": "mallory-pass", "role": "admin"}),
    ("form", "/events/ev-protest-1/review", {"action": "confirm"}),
    ("form", "/events/ev-protest-1/review", {"action": "reject"}),
    ("form", "/users", {"name": "mallory", "password": "mallory-pass", "role": "admin"}),
    ("form", "/users/rev/delete", {}),
]


def _post(client, kind, path, body, tok):
    if kind == "api":
        return client.post(path, json=body, headers={"X-CSRF-Token": tok})
    return client.post(path, data={**body, "csrf_token": tok}, follow_redirects=False)


@pytest.mark.parametrize("kind,path,body", WRITES)
def test_anonymous_and_reader_writes_are_refused(client, engine, kind, path, body):
    before = _counts(engine)
    tok = csrf_of(client)  # even with a valid token, an anonymous write is refused
    r = _post(client, kind, path, body, tok)
    assert r.status_code in (401, 303) and (r.status_code == 401 or r.headers["location"].startswith("/login"))
    tok = login(client, "rita")
    assert _post(client, kind, path, body, tok).status_code == 403
    if path.startswith("/api/users") or path.startswith("/users"):  # reviewers do not manage users
        client.cookies.clear()
        tok = login(client, "rev")
        assert _post(client, kind, path, body, tok).status_code == 403
    assert _counts(engine) == before
    assert client.get("/api/events/ev-protest-1").json()["event"]["status"] == "machine"


def test_admin_pages_need_admin(client):
    assert client.get("/api/users").status_code == 401
    login(client, "rev")
    assert client.get("/api/users").status_code == 403
    assert client.get("/users").status_code == 403


# ------------------------------------------------------------------ cookies, sessions, throttling

def test_session_cookie_flags(client):
    client.get("/login")
    tok = csrf_of(client)
    r = client.post("/login", data={"name": "rev", "password": SAMPLE_USERS["rev"][0], "csrf_token": tok},
                    follow_redirects=False)
    cookie = r.headers["set-cookie"].lower()
    assert cookie.startswith("eventledger_session=")
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie


def _plant_session(client, value):
    # clear first: httpx2's jar keeps the server-set cookie (domain-scoped) beside a new one
    client.cookies.clear()
    client.cookies.set("eventledger_session", value)


def test_session_cookie_is_signed(client, engine):
    login(client, "rev")
    genuine = client.cookies.get("eventledger_session")
    _plant_session(client, genuine)
    assert client.get("/api/session").json()["user"] == "rev"  # a planted cookie is sent
    _plant_session(client, genuine[:-4] + "AAAA")
    assert client.get("/api/session").json()["user"] is None
    # a cookie signed with another key is not accepted either
    with TestClient(create_app(engine, secret_key="other-key")) as other:
        login(other, "ada")
        forged = other.cookies.get("eventledger_session")
    _plant_session(client, forged)
    assert client.get("/api/session").json()["user"] is None


def test_login_rotates_csrf_and_logout_ends_session(client):
    before = csrf_of(client)
    after = login(client, "rev")
    assert before != after
    assert client.post("/logout", data={"csrf_token": after}, follow_redirects=False).status_code == 303
    assert client.get("/api/session").json()["user"] is None


def test_open_redirect_after_login_is_refused(client):
    tok = csrf_of(client)
    r = client.post("/login", data={"name": "rev", "password": SAMPLE_USERS["rev"][0], "csrf_token": tok,
                                    "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_login_throttling_per_user(client):
    tok = csrf_of(client)
    for _ in range(5):
        r = client.post("/login", data={"name": "rev", "password": "wrong", "csrf_token": tok})
        assert r.status_code == 401
    r = client.post("/login", data={"name": "rev", "password": SAMPLE_USERS["rev"][0], "csrf_token": tok},
                    follow_redirects=False)
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert client.get("/api/session").json()["user"] is None
    # another user from the same address is not locked out by these 5 failures
    r = client.post("/login", data={"name": "ada", "password": SAMPLE_USERS["ada"][0], "csrf_token": tok},
                    follow_redirects=False)
    assert r.status_code == 303


def test_login_throttling_per_address(client):
    client.app.state.throttle.max_per_ip = 8
    tok = csrf_of(client)
    for i in range(8):
        client.post("/login", data={"name": f"guess{i}", "password": "wrong", "csrf_token": tok})
    r = client.post("/login", data={"name": "ada", "password": SAMPLE_USERS["ada"][0], "csrf_token": tok})
    assert r.status_code == 429


def test_removed_user_loses_write_access(client, engine):
    tok = login(client, "rev")
    with engine.begin() as conn:
        conn.execute(s.users.delete().where(s.users.c.name == "rev"))
    assert client.post("/api/events/ev-protest-1/review", json={"action": "confirm"},
                       headers={"X-CSRF-Token": tok}).status_code == 401
