"""The local web UI (``crosswire serve``): a read-only Flask app over a DuckDB store.

    from crosswire.web.app import create_app
    create_app("crosswire.duckdb").run()      # or: crosswire serve --store crosswire.duckdb

Every page works without JavaScript and has a ``.json`` twin. Article text is untrusted:
templates autoescape, highlights are built from escaped pieces, and a strict
Content-Security-Policy forbids inline script and style. The store is opened read-only per
request, so a concurrent ``crosswire ingest`` can write between requests.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from ..errors import NotFoundError, StoreBusyError, StoreError
from ..render.html import NO_CONFLICTS

log = logging.getLogger(__name__)

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
BUSY_MESSAGE = "store busy, retry: another crosswire process is writing to the store"


def create_app(store_path: str | Path = "crosswire.duckdb", *,
               busy_timeout: float = 3.0) -> Flask:
    """The Flask app serving ``store_path`` read-only (the file may appear later)."""
    from .views import views

    app = Flask(__name__)
    app.config.update(
        CROSSWIRE_STORE=str(store_path),
        CROSSWIRE_BUSY_TIMEOUT=busy_timeout,
        MAX_CONTENT_LENGTH=16 * 1024,  # read-only UI: nothing big is ever posted
        TEMPLATES_AUTO_RELOAD=False,
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.jinja_env.autoescape = True  # also for templates not ending in .html
    app.jinja_env.globals["no_conflicts"] = NO_CONFLICTS
    app.register_blueprint(views)
    app.after_request(_add_headers)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(NotFoundError, _not_found)
    app.register_error_handler(StoreBusyError, _busy)
    app.register_error_handler(StoreError, _store_error)
    return app


def _add_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "public, max-age=300")
    else:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def wants_json() -> bool:
    """JSON for ``*.json`` paths and clients that ask for JSON rather than HTML."""
    if request.path.endswith(".json"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and "text/html" not in request.accept_mimetypes.values()


def error_response(status: int, message: str, title: str = "Error",
                   headers: dict[str, str] | None = None) -> Response:
    """One envelope for JSON errors, a friendly page otherwise."""
    if wants_json():
        response = jsonify({"ok": False, "error": message, "errors": [message],
                            "status": status})
    else:
        response = Response(render_template("error.html", status=status, title=title,
                                            message=message), mimetype="text/html")
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _http_error(err: HTTPException) -> Any:
    status = err.code or 500
    titles = {404: "Not found", 405: "Method not allowed", 413: "Request too large"}
    message = {404: "Nothing here. Check the address, or go back to the story list.",
               413: "The request is too large for this read-only viewer."}.get(
        status, err.description or "The request could not be served.")
    allowed = getattr(err, "valid_methods", None)
    headers = {"Allow": ", ".join(allowed)} if allowed else None
    return error_response(status, message, titles.get(status, err.name or "Error"), headers)


def _not_found(err: NotFoundError) -> Any:
    return error_response(404, str(err), "Not found")


def _busy(err: StoreBusyError) -> Any:
    log.warning("store busy: %s", err)
    return error_response(503, BUSY_MESSAGE, "Store busy", {"Retry-After": "2"})


def _store_error(err: StoreError) -> Any:
    log.error("store error: %s", err)
    return error_response(500, f"The store cannot be read: {err}", "Store error")
