"""The ASGI app: map, timeline, table, event and claims pages, review, JSON API.

Everything the browser loads comes from this app (vendored Leaflet, markercluster,
topojson-client and Natural Earth outlines under /static): no tiles, fonts or scripts from
any other host. FastAPI's /docs and /redoc are off because they load Swagger/ReDoc from a
CDN; the OpenAPI document stays at /openapi.json.
"""

from __future__ import annotations

import os
import secrets
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from eventledger.store.query import resolve_engine
from eventledger.web import api, auth, pages

__all__ = ["create_app", "serve"]

#: no inline scripts, nothing from another origin; inline styles are needed by Leaflet's
#: marker and cluster elements
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")


def _number(v: Any) -> str:
    """A claim's value as the source gave it: 34.0 -> "34"."""
    if v is None:
        return ""
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def create_app(store_or_url: Any, *, public_read: bool = True, secret_key: str | None = None,
               session_max_age: int = 8 * 3600, https_only: bool = False) -> FastAPI:
    """Build the app over a Store, an Engine, a database URL or a SQLite path.

    ``secret_key`` signs the session cookies; default: ``$EVENTLEDGER_SECRET_KEY``, else a
    random key per process (logins then end when the server restarts).
    ``public_read=False`` makes every page and read endpoint require a login.
    """
    engine = resolve_engine(store_or_url)
    app = FastAPI(title="eventledger", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Events, claims, documents and the review log of an eventledger database.")
    app.state.engine = engine
    app.state.public_read = public_read
    app.state.throttle = auth.LoginThrottle()
    web = files("eventledger.web")
    app.state.templates = Jinja2Templates(directory=str(web / "templates"))  # autoescape on
    app.state.templates.env.filters["num"] = _number
    app.add_middleware(SessionMiddleware,
                       secret_key=secret_key or os.environ.get("EVENTLEDGER_SECRET_KEY") or secrets.token_urlsafe(48),
                       session_cookie=auth.SESSION_COOKIE, max_age=session_max_age,
                       same_site="strict", https_only=https_only)  # Starlette always sets HttpOnly

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if wants_html(request):
            if exc.status_code == 401:
                from fastapi.responses import RedirectResponse
                from urllib.parse import urlencode
                return RedirectResponse("/login?" + urlencode({"next": request.url.path}), status_code=303)
            return pages.render(request, "error.html", status_code=exc.status_code,
                                status=exc.status_code, message=str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        msgs = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        if wants_html(request):
            return pages.render(request, "error.html", status_code=422, status=422, message=msgs)
        return JSONResponse({"detail": msgs}, status_code=422)

    app.mount("/static", StaticFiles(directory=str(web / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def serve(db: Any, host: str = "127.0.0.1", port: int = 8000, public_read: bool = True,
          secret_key: str | None = None) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    app = create_app(db, public_read=public_read, secret_key=secret_key)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
