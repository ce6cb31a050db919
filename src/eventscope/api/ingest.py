"""The one write endpoint: ``POST /api/ingest`` stores uploaded files as ``eventscope ingest``
would. Only with the ``api_token`` setting set, and only for a request that carries it as
``Authorization: Bearer <token>``; bodies over ``api_max_upload_bytes`` are refused unread.
"""
from __future__ import annotations

import hmac
import re
import tempfile
import threading
from pathlib import Path

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import JSONResponse

from eventscope.api.errors import ERROR_RESPONSES, ApiError

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
_ONE_AT_A_TIME = threading.Lock()  # one pipeline run at a time: the model is large
_SAFE = re.compile(r"[^0-9A-Za-z._-]+")


def check_token(request: Request) -> None:
    token = request.app.state.settings.api_token
    if not token:
        raise ApiError(403, "the service is read-only: set the api_token setting to allow "
                       "uploads")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(),
                                                             token.encode()):
        raise ApiError(401, "missing or wrong token: send 'Authorization: Bearer <api_token>'")


def _saved(folder: Path, n: int, upload: UploadFile) -> Path:
    name = _SAFE.sub("_", Path(upload.filename or "upload.txt").name)[-80:] or "upload.txt"
    path = folder / f"{n:04d}-{name}"
    with open(path, "wb") as out:
        while chunk := upload.file.read(1 << 20):
            out.write(chunk)
    return path


@router.post("/ingest", summary="Store uploaded articles (token required)",
             responses={401: ERROR_RESPONSES[400], 403: ERROR_RESPONSES[400],
                        413: ERROR_RESPONSES[400]})
def ingest(request: Request, files: list[UploadFile] = File(..., description="Article files: "
                                                            "txt, html, json or jsonl.")):
    check_token(request)
    from eventscope.workflow import ingest as run_ingest

    settings = request.app.state.settings.replace(db_url=request.app.state.store.url)
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="eventscope-upload-") as folder:
        paths = [str(_saved(Path(folder), n, f)) for n, f in enumerate(files)]
        with _ONE_AT_A_TIME:
            summary = run_ingest(paths, settings,
                                 on_skip=lambda skip: skipped.append(skip.message()))
    prefix = folder + "/"
    return JSONResponse({"stored": summary.stored, "unchanged": summary.unchanged,
                         "processed": summary.processed,
                         "skipped": [s.replace(prefix, "") for s in skipped]})


def limit_bodies(app) -> None:
    """Refuse a request body larger than the api_max_upload_bytes setting before reading it."""

    @app.middleware("http")
    async def _limit(request: Request, call_next):
        if request.method in ("POST", "PUT", "PATCH"):
            most = request.app.state.settings.api_max_upload_bytes
            length = request.headers.get("content-length")
            if length is None or not length.isdigit():
                error = ApiError(411, "send the request with a Content-Length header")
                return _json(error)
            if int(length) > most:
                return _json(ApiError(413, f"request body of {int(length):,} bytes is over the "
                                      f"{most:,} bytes allowed (setting api_max_upload_bytes)"))
        return await call_next(request)


def _json(error: ApiError) -> JSONResponse:
    from eventscope.api.errors import error_body

    return JSONResponse(error_body(error), status_code=error.status)
