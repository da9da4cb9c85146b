"""HTML pages (Jinja2, autoescaped) and the form posts behind them."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup, escape
from sqlalchemy import select

from eventledger.models import EVENT_TYPES, TACTICS
from eventledger.store import query as Q
from eventledger.store import review as R
from eventledger.store import schema as s
from eventledger.web import auth
from eventledger.web.api import (apply_review, cached_facets, event_detail, event_page_for, group_claims,
                                 list_claims, request_filter)

router = APIRouter(include_in_schema=False)


def highlight(text: str, spans: list[dict[str, Any]]) -> Markup:
    """The text with the spans wrapped in <mark>: every piece is escaped first and only the
    markup added here is trusted, so the source text can never inject HTML."""
    n = len(text)
    cuts = sorted({0, n, *(max(0, min(n, int(sp["start"]))) for sp in spans),
                   *(max(0, min(n, int(sp["end"]))) for sp in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = str(escape(text[a:b]))
        roles = sorted({sp.get("role") or "span" for sp in spans if sp["start"] <= a and b <= sp["end"]})
        if roles:
            out.append(f'<mark class="ev" data-role="{escape(" ".join(roles))}">{piece}</mark>')
        else:
            out.append(piece)
    return Markup("".join(out))


def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    user = auth.current_user(request)
    ctx.update(request=request, user=user, csrf=auth.csrf_token(request),
               public_read=request.app.state.public_read)
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status_code)


def _read_or_redirect(request: Request) -> RedirectResponse | None:
    if not request.app.state.public_read and auth.current_user(request) is None:
        return RedirectResponse("/login?" + urlencode({"next": request.url.path}), status_code=303)
    return None


@router.get("/", response_class=HTMLResponse)
def index(request: Request, page: int = 1, after: str | None = None, per_page: int = 50):
    if (r := _read_or_redirect(request)) is not None:
        return r
    flt, p = event_page_for(request, page, per_page, after)
    facets = cached_facets(request)
    params = flt.as_params()
    qs = urlencode(params)

    def link(**extra: Any) -> str:
        return "/?" + urlencode({**params, **{k: v for k, v in extra.items() if v is not None}})

    return render(request, "index.html", page=p, flt=flt, params=params, qs=qs, facets=facets,
                  event_types=list(EVENT_TYPES), sub_types=EVENT_TYPES, tactics=TACTICS, link=link,
                  after=after)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str):
    if (r := _read_or_redirect(request)) is not None:
        return r
    with request.app.state.engine.connect() as conn:
        detail = event_detail(conn, event_id)
    if detail is None:
        raise HTTPException(status_code=404, detail="no such event")
    for d in detail["documents"]:
        d["html"] = highlight(d["text"] or "", d["evidence"])
    return render(request, "event.html", d=detail, ev=detail["event"], editable=list(R.EDITABLE_FIELDS),
                  sub_types=EVENT_TYPES)


@router.post("/events/{event_id}/review")
def event_review(request: Request, event_id: str, action: str = Form(...), csrf_token: str = Form(""),
                 field: str = Form(""), value: str = Form(""), other_id: str = Form(""),
                 doc_ids: list[str] = Form(default_factory=list), note: str = Form("")):
    user = auth.require_role(request, "reviewer")
    auth.check_csrf(request, csrf_token)
    out = apply_review(request, event_id, action, user, field=field, value=value, other_id=other_id,
                       doc_ids=doc_ids, note=note)
    target = out.get("new_event") or event_id
    return RedirectResponse(f"/events/{target}", status_code=303)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, start: int | None = None, end: int | None = None):
    if (r := _read_or_redirect(request)) is not None:
        return r
    with request.app.state.engine.connect() as conn:
        row = conn.execute(select(s.documents).where(s.documents.c.id == doc_id)).first()
        if row is None:
            raise HTTPException(status_code=404, detail="no such document")
        events = [r.event_id for r in conn.execute(
            select(s.event_documents.c.event_id).where(s.event_documents.c.doc_id == doc_id))]
    spans = [{"start": start, "end": end, "role": "claim"}] if start is not None and end is not None else []
    return render(request, "document.html", doc=row, html=highlight(row.text or "", spans), events=events)


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, kind: str | None = None, place: str | None = None):
    if (r := _read_or_redirect(request)) is not None:
        return r
    with request.app.state.engine.connect() as conn:
        groups = group_claims(list_claims(conn, kind or None, place or None, limit=5000))
        kinds = [k for (k,) in conn.execute(select(s.claims.c.kind).distinct().order_by(s.claims.c.kind))]
    return render(request, "claims.html", groups=groups, kinds=kinds, kind=kind or "", place=place or "")


@router.get("/reviews", response_class=HTMLResponse)
def reviews_page(request: Request, event_id: str | None = None):
    if (r := _read_or_redirect(request)) is not None:
        return r
    with request.app.state.engine.connect() as conn:
        rows = R.list_reviews(conn, event_id or None, limit=500)
    return render(request, "reviews.html", reviews=rows, event_id=event_id or "")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/"):
    return render(request, "login.html", next=auth.safe_next(next), error=None)


@router.post("/login")
def login(request: Request, name: str = Form(""), password: str = Form(""), csrf_token: str = Form(""),
          next: str = Form("/")):
    auth.check_csrf(request, csrf_token)
    throttle: auth.LoginThrottle = request.app.state.throttle
    ip = auth.client_ip(request)
    wait = throttle.retry_after(name, ip)
    if wait:
        resp = render(request, "login.html", status_code=429, next=auth.safe_next(next),
                      error=f"Too many failed logins. Try again in {wait} s.")
        resp.headers["Retry-After"] = str(wait)
        return resp
    user = R.verify_user(request.app.state.engine, name, password)
    if user is None:
        throttle.failed(name, ip)
        return render(request, "login.html", status_code=401, next=auth.safe_next(next),
                      error="Name or password not recognised.")
    throttle.succeeded(name)
    auth.login_session(request, user)
    return RedirectResponse(auth.safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf_token: str = Form("")):
    auth.check_csrf(request, csrf_token)
    auth.logout_session(request)
    return RedirectResponse("/", status_code=303)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request):
    auth.require_role(request, "admin")
    with request.app.state.engine.connect() as conn:
        users = R.list_users(conn)
    return render(request, "users.html", users=users, roles=R.ROLES, error=None)


@router.post("/users")
def users_add(request: Request, name: str = Form(...), password: str = Form(...), role: str = Form(...),
              csrf_token: str = Form("")):
    auth.require_role(request, "admin")
    auth.check_csrf(request, csrf_token)
    try:
        R.add_user(request.app.state.engine, name, password, role)
    except R.ReviewError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{name}/delete")
def users_delete(request: Request, name: str, csrf_token: str = Form("")):
    admin = auth.require_role(request, "admin")
    auth.check_csrf(request, csrf_token)
    if name == admin.name:
        raise HTTPException(status_code=400, detail="an admin cannot remove their own account")
    with request.app.state.engine.begin() as conn:
        R.delete_user(conn, name)
    return RedirectResponse("/users", status_code=303)
