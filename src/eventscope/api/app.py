"""The service: the JSON API, the dashboard and its static files in one FastAPI app.

    from eventscope.api import create_app
    app = create_app(Settings.from_env(db_url="sqlite:///news.db"))   # run with uvicorn

The store is opened once, for reading (a database that does not exist is an error, never
created empty). Writes happen only through the token-guarded ingest endpoint.
"""
from __future__ import annotations

from importlib import resources
from typing import Optional

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from eventscope import __version__
from eventscope.settings import Settings

# no inline script or style may run, whatever a page shows; nothing is loaded from elsewhere
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(settings: Optional[Settings] = None, store=None) -> FastAPI:
    """The app over ``store`` (or the store at ``settings.db_url``, opened for reading)."""
    from eventscope.api import errors, ingest, routes
    from eventscope.api.cache import StoreCache
    from eventscope.store import Store
    from eventscope.web import pages

    settings = settings or Settings.from_env()
    if store is None:
        store = Store.open(settings.db_url, create=False)
    app = FastAPI(title="eventscope", version=__version__, docs_url=None, redoc_url=None,
                  description="Sourced event data: events, quotes, actors, places and the "
                  "articles they come from. Errors are always {\"error\": {status, code, "
                  "message, parameter}}.")
    app.state.settings, app.state.store = settings, store
    app.state.cache = StoreCache(store)
    errors.install(app, pages.render_error)
    ingest.limit_bodies(app)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("eventscope.web") / "static")),
              name="static")
    return app
