"""One error shape for every route: ``{"error": {"status", "code", "message", "parameter"}}``.

Pages show the same message in HTML with the same status. Messages name the input and the
reason on one line; they never echo article text or a traceback.
"""
from __future__ import annotations

import logging
from typing import Optional

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventscope.errors import EventscopeError

log = logging.getLogger(__name__)
_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 411: "length_required", 413: "too_large",
          422: "bad_request", 500: "server_error"}


class ApiError(Exception):
    def __init__(self, status: int, message: str, parameter: Optional[str] = None,
                 code: Optional[str] = None, headers: Optional[dict] = None) -> None:
        super().__init__(message)
        self.status, self.message, self.parameter = status, message, parameter
        self.code = code or _CODES.get(status, "error")
        self.headers = headers or {}  # e.g. Allow on a 405


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    parameter: Optional[str] = None


class ErrorResponse(BaseModel):
    error: ErrorBody


# documented on every route, so the OpenAPI spec lists the one error shape
ERROR_RESPONSES = {status: {"model": ErrorResponse, "description": code}
                   for status, code in ((400, "a parameter the service cannot use"),
                                        (404, "no such record"))}


def error_body(error: ApiError) -> dict:
    return {"error": {"status": error.status, "code": error.code, "message": error.message,
                      "parameter": error.parameter}}


def _validation(exc: RequestValidationError) -> ApiError:
    first = exc.errors()[0] if exc.errors() else {}
    location = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
    name = location[0] if location else None
    reason = str(first.get("msg", "invalid value")).rstrip(".")
    what = f"parameter {name!r}" if name else "the request"
    return ApiError(400, f"{what}: {reason[:1].lower()}{reason[1:]}", name)


def install(app, render_html) -> None:
    """Register the handlers; ``render_html(request, error)`` gives a page's error response
    (None for API and JSON routes)."""

    def respond(request: Request, error: ApiError):
        page = render_html(request, error)
        if page is not None:
            return page
        return JSONResponse(error_body(error), status_code=error.status,
                            headers={"Cache-Control": "no-store", **error.headers})

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return respond(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return respond(request, _validation(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = {404: f"no such page: {request.url.path}",
                   405: f"method {request.method} not allowed on {request.url.path}"}.get(
            exc.status_code, str(exc.detail))
        return respond(request, ApiError(exc.status_code, message,
                                         headers=dict(exc.headers or {})))

    @app.exception_handler(EventscopeError)
    async def _input(request: Request, exc: EventscopeError):
        return respond(request, ApiError(400, str(exc).splitlines()[0]))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception):
        log.error("%s %s failed: %s: %s", request.method, request.url.path,
                  type(exc).__name__, exc)
        return respond(request, ApiError(500, "the server failed on this request (logged)"))
