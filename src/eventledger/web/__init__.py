"""The web app: map, timeline, table, event and claims pages, review, JSON API.

``create_app(store_or_url, public_read=True, secret_key=None)`` builds the ASGI app;
``serve(db, host, port, public_read)`` runs it with uvicorn.
"""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
