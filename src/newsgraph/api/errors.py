"""One error shape for the whole API: ``{"ok": false, "error": "...", "code": "E4xx"}``.

newsgraph's own errors keep their code (E102, E402, ...); HTTP errors get ``E`` plus
their status (E404, E405, E422); anything unexpected is E500 and logged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, ModelError, NewsgraphError, StoreError

log = logging.getLogger(__name__)

_BUSY = {"E402"}  # store locked: try again later


def error_response(status: int, error: str, code: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": error, "code": code}, status_code=status)


def status_for(err: NewsgraphError) -> int:
    """The HTTP status of a newsgraph error: bad input 400, busy or missing model 503."""
    if isinstance(err, InputError):
        return 400
    if isinstance(err, ModelError) or (isinstance(err, StoreError) and err.code in _BUSY):
        return 503
    return 500


def describe_validation(errors: Sequence[Any]) -> str:
    """``query.limit: Input should be ...; body.text: Field required`` from pydantic errors."""
    parts = []
    for item in errors:
        where = ".".join(str(p) for p in item.get("loc", ()))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


async def _newsgraph_error(request: Request, exc: NewsgraphError) -> JSONResponse:
    status = status_for(exc)
    if status >= 500:
        log.error("%s %s: %s", request.method, request.url.path, exc)
    return error_response(status, str(exc), exc.code)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    response = error_response(exc.status_code, str(exc.detail), f"E{exc.status_code}")
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response(422, describe_validation(exc.errors()), "E422")


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(500, f"internal error ({type(exc).__name__}); see the server log", "E500")


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the one error shape."""
    app.exception_handler(NewsgraphError)(_newsgraph_error)
    app.exception_handler(StarletteHTTPException)(_http_error)
    app.exception_handler(RequestValidationError)(_validation_error)
    app.exception_handler(Exception)(_unexpected_error)
