"""The HTTP service over the store: a JSON API (``/api``) and the dashboard (see docs/service.md).

``create_app(settings, store=None)`` builds the FastAPI app; ``eventscope serve`` runs it.
"""
from eventscope.api.app import create_app

__all__ = ["create_app"]
