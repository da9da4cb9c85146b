"""Sessions, CSRF tokens, login throttling and role checks for the web app.

Sessions are Starlette's signed cookies (itsdangerous): HttpOnly, SameSite=Strict, holding
only the user name and the CSRF token; the role is read from the database on every request
so that a changed or removed user takes effect at once.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from fastapi import HTTPException, Request

from eventledger.store.review import User, get_user

__all__ = ["SESSION_COOKIE", "LoginThrottle", "csrf_token", "check_csrf", "current_user",
           "require_role", "require_read", "login_session", "logout_session", "safe_next"]

SESSION_COOKIE = "eventledger_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass
class LoginThrottle:
    """Refuses logins for a name or a client address after too many recent failures.

    In memory, per process: enough for a laptop or a small desk server; a restart clears it.
    """

    max_per_user: int = 5
    max_per_ip: int = 20
    window_s: float = 900.0

    def __post_init__(self) -> None:
        self._fails: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails[key]
        while q and q[0] <= now - self.window_s:
            q.popleft()
        return q

    def retry_after(self, name: str, ip: str) -> int:
        """Seconds until a login may be tried again (0: allowed now)."""
        now = time.monotonic()
        with self._lock:
            waits = []
            for key, limit in ((f"user:{name}", self.max_per_user), (f"ip:{ip}", self.max_per_ip)):
                q = self._recent(key, now)
                if len(q) >= limit:
                    waits.append(int(q[0] + self.window_s - now) + 1)
            return max(waits, default=0)

    def failed(self, name: str, ip: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._fails[f"user:{name}"].append(now)
            self._fails[f"ip:{ip}"].append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._fails.pop(f"user:{name}", None)


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use, also for anonymous visitors so that
    the login form itself is protected)."""
    tok = request.session.get("csrf")
    if not tok:
        tok = secrets.token_urlsafe(32)
        request.session["csrf"] = tok
    return tok


def check_csrf(request: Request, submitted: str | None) -> None:
    """Refuse (403) a write whose token (form field or X-CSRF-Token header) is missing or wrong."""
    expected = request.session.get("csrf")
    given = submitted or request.headers.get(CSRF_HEADER)
    if not expected or not given or not secrets.compare_digest(str(expected), str(given)):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token")


def current_user(request: Request) -> User | None:
    name = request.session.get("user")
    if not name:
        return None
    with request.app.state.engine.connect() as conn:
        user = get_user(conn, name)
    if user is None:  # removed since login
        request.session.pop("user", None)
    return user


def require_role(request: Request, role: str) -> User:
    """401 without a login, 403 when the user's role is below ``role``."""
    user = current_user(request)
    if user is None:
        raise HTTPException(status_code=401, detail="login required")
    if not user.can(role):
        raise HTTPException(status_code=403, detail=f"role {role} required")
    return user


def require_read(request: Request) -> User | None:
    """Reading is public unless the app was created with ``public_read=False``."""
    if request.app.state.public_read:
        return current_user(request)
    return require_role(request, "reader")


def login_session(request: Request, user: User) -> None:
    # a fresh session and token at login (no fixation of a pre-login session)
    request.session.clear()
    request.session["user"] = user.name
    request.session["csrf"] = secrets.token_urlsafe(32)


def logout_session(request: Request) -> None:
    request.session.clear()


def safe_next(target: str | None) -> str:
    """Only same-site paths after login (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"
