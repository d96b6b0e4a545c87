"""Run the API with uvicorn."""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import NewsgraphError
from .security import HOSTS_ENV, LOCAL_HOSTS, TOKEN_ENV, hosts_from_env, is_local, token_from_env

log = logging.getLogger(__name__)


def serve(db_path: Path | str, *, host: str = "127.0.0.1", port: int = 8000,
          log_level: str = "info") -> None:
    """Serve the API over the store at ``db_path`` until interrupted.

    ``db_path`` is a SQLite file or a postgresql:// DSN (as :func:`newsgraph.open_store`).

    Binds to localhost by default. Any other bind (``host="0.0.0.0"``) needs a token in
    ``NEWSGRAPH_TOKEN``, which clients send as ``Authorization: Bearer <token>`` to write.
    On localhost only the local Host names (and ``NEWSGRAPH_ALLOWED_HOSTS``) are served.

    Raises:
        NewsgraphError: E701 for a bind beyond localhost without a token.
        StoreError: before listening, when the store cannot be opened.
    """
    import uvicorn

    from ..store import display_name
    from .app import create_app

    token = token_from_env()
    extra = hosts_from_env()
    if is_local(host):
        allowed: list[str] | None = [*LOCAL_HOSTS, *extra]
    elif token is None:
        raise NewsgraphError.make("E701", host=host, env=TOKEN_ENV)
    else:
        allowed = extra or None
        if not extra:
            log.warning("serving on %s: any Host name is accepted; list yours in %s", host, HOSTS_ENV)
    app = create_app(db_path, token=token, allowed_hosts=allowed)
    log.info("serving %s on http://%s:%d (docs at /docs)", display_name(db_path), host, port)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
