"""newsgraph's exceptions, one rooted tree with numbered messages.

::

    NewsgraphError
     +- InputError     cannot read or decode a source      E1xx
     +- ModelError     model missing or incompatible       E2xx
     +- PipelineError  a stage failed or stages misordered E3xx
     +- StoreError     schema version, locked database     E4xx
    (E5xx: optional features that are not installed, raised as NewsgraphError)
    (E6xx: development data such as the gold sets is missing, raised as NewsgraphError)
    (E7xx: a server configuration that is refused, raised as NewsgraphError)

Messages say what happened and what to do.
"""

from __future__ import annotations

from typing import Any

MESSAGES = {
    "E101": "{source}: no such file or directory",
    "E102": "{source}: empty input, nothing to analyze",
    "E103": "{source}: binary data, not text (looks like {kind})",
    "E104": "{source}: truncated or corrupt gzip stream ({detail}); {kept}",
    "E105": "{source}: line {line} is not valid JSON ({detail}); skipped",
    "E106": "{source}: HTML page has no article text; skipped",
    "E107": "{source}: feed could not be parsed ({detail})",
    "E108": "{source}: cannot decode text ({detail})",
    "E109": "{source}: line {line} has no text field (looked for {fields}); skipped",
    "E110": "{source}: language looks like '{language}', not English; analyzed for structure only (no entities or events)",
    "E111": "{source}: permission denied",
    "E112": "cannot read actor dictionary {path}: {detail}",
    "E113": "{source}: {what} is larger than {limit} MB; skipped (raise the limit with --max-input-mb)",
    "E114": "{source}: {kind}, not a regular file; skipped",
    "E115": "{source}: {bad} of {total} bytes are not valid UTF-8; decoded as {encoding} ({why})",
    "E501": "Dask is not installed. Run: pip install 'newsgraph[scale]'",
    "E502": "the PostgreSQL store needs psycopg 3. Run: pip install 'newsgraph[postgres]'",
    "E503": "Parquet export needs pyarrow. Run: pip install 'newsgraph[parquet]'",
    "E601": "no gold sets at {path}: pass --eval-dir DIR or set {env}=DIR "
            "(the default is ../shared/eval beside the newsgraph checkout)",
    "E701": "refusing to serve on {host} without a token: set {env} (clients send it as "
            "'Authorization: Bearer <token>'), or serve on 127.0.0.1",
    "E201": "spaCy model '{name}' is not installed. Run: pip install {package}",
    "E301": "stage '{stage}' requires {missing}, which no earlier stage assigns",
    "E302": "stage '{stage}' failed on article {article} of {source}: {error}",
    "E303": "{what} needs article.{field}, which the '{stage}' stage assigns; run it first",
    "E401": "store {path} has schema version {found}, this newsgraph expects {expected}. "
            "Re-ingest into a new store or upgrade newsgraph",
    "E402": "store {path} is locked by another writer; try again when it finishes",
    "E403": "cannot open store {path}: {detail}",
    "E404": "no store at {path}; create one with: newsgraph ingest PATH --db {path}",
}


class NewsgraphError(Exception):
    """Root of every error newsgraph raises."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code

    @classmethod
    def make(cls, code: str, **fields: Any) -> "NewsgraphError":
        return cls(f"{code} {MESSAGES[code].format(**fields)}", code=code)


class InputError(NewsgraphError):
    """A source cannot be read or decoded."""


class ModelError(NewsgraphError):
    """A model is missing or incompatible."""


class PipelineError(NewsgraphError):
    """A stage failed or the stages are misordered."""


class StoreError(NewsgraphError):
    """The store cannot be opened or written."""
