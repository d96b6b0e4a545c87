"""Run the API with uvicorn."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def serve(db_path: Path | str, *, host: str = "127.0.0.1", port: int = 8000,
          log_level: str = "info") -> None:
    """Serve the API over the store at ``db_path`` until interrupted.

    ``db_path`` is a SQLite file or a postgresql:// DSN (as :func:`newsgraph.open_store`).

    Binds to localhost by default; pass ``host="0.0.0.0"`` to listen on every interface.
    Raises StoreError before listening when the store cannot be opened.
    """
    import uvicorn

    from .app import create_app

    from ..store import display_name

    app = create_app(db_path)
    log.info("serving %s on http://%s:%d (docs at /docs)", display_name(db_path), host, port)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
