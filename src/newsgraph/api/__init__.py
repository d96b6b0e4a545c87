"""REST API (FastAPI) over a newsgraph store.

>>> from newsgraph.api import create_app
>>> app = create_app(Path("news.sqlite"))     # then: uvicorn, or fastapi.testclient.TestClient(app)

``newsgraph serve --db FILE --port 8000`` calls :func:`serve`.
"""

from __future__ import annotations

from .app import create_app
from .serve import serve

__all__ = ["create_app", "serve"]
