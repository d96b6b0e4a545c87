"""User actor dictionaries: phrase -> actor, matched before the built-in data.

Format (CSV or TSV with a header, or a JSON list of objects), columns
``phrase,id,name,kind,country,role,wikidata``; only ``phrase`` and ``id`` are required.
``_`` in a phrase stands for a space; a trailing ``*`` makes the last word a prefix
("bulgar*" matches "Bulgaria" and "Bulgarian"). Matching ignores case.
"""

from __future__ import annotations

import csv
import functools
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .gazetteer import KIND_LABELS, ActorEntry, PhraseTable, add_entries

log = logging.getLogger(__name__)

FIELDS = ("phrase", "id", "name", "kind", "country", "role", "wikidata")
_STATE_ID = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class DictEntry:
    """One dictionary row: a phrase and the actor it names."""

    phrase: str
    id: str
    name: str
    kind: str = "organization"
    country: str | None = None
    role: str | None = None
    wikidata: str | None = None

    def to_actor_entry(self) -> ActorEntry:
        return ActorEntry(id=self.id, name=self.name, kind=self.kind, country=self.country,
                          role=self.role, wikidata=self.wikidata, source="dictionary",
                          label=KIND_LABELS.get(self.kind, "ORG"))


def _entry(row: dict[str, Any], where: str) -> DictEntry | None:
    clean = {k: (str(row.get(k) or "").strip() or None) for k in FIELDS}
    phrase, actor_id = clean["phrase"], clean["id"]
    if not phrase or not actor_id:
        log.warning("%s: row without phrase or id skipped: %r", where, row)
        return None
    phrase = " ".join(phrase.replace("_", " ").split())
    is_state = bool(_STATE_ID.fullmatch(actor_id))
    kind = (clean["kind"] or ("state" if is_state else "organization")).lower()
    country = clean["country"] or (actor_id if kind == "state" and is_state else None)
    role = clean["role"] or ("GOV" if kind == "state" else None)
    name = clean["name"] or phrase.rstrip("*").title()
    return DictEntry(phrase=phrase, id=actor_id, name=name, kind=kind, country=country,
                     role=role, wikidata=clean["wikidata"])


def load_dictionary(path: Path | str) -> list[DictEntry]:
    """Read a user actor dictionary (CSV, TSV or JSON list).

    Raises InputError when the file cannot be read or parsed.
    Example: ``load_dictionary("actors.csv")`` with rows ``Arnor,ARN,Arnor,state,ARN,GOV,``.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix.lower() == ".json" or text.lstrip().startswith("["):
            rows = json.loads(text)
        else:
            delimiter = "\t" if "\t" in text.partition("\n")[0] else ","
            rows = list(csv.DictReader(text.splitlines(), delimiter=delimiter))
    except (OSError, ValueError, csv.Error) as err:
        raise _error(path, str(err)) from err
    if not isinstance(rows, list):
        raise _error(path, "a JSON dictionary must be a list of objects")
    entries = [_entry(row, str(path)) for row in rows if isinstance(row, dict)]
    return [e for e in entries if e is not None]


def _error(path: Path, detail: str) -> InputError:
    return InputError(f"E112 cannot read actor dictionary {path}: {detail}. Fix the file "
                      "(columns: phrase,id,name,kind,country,role,wikidata)", code="E112")


@functools.lru_cache(maxsize=8)
def compile_dictionaries(paths: tuple[Path, ...]) -> PhraseTable:
    """One case-insensitive phrase table over every dictionary (first file wins)."""
    table = PhraseTable()
    for path in paths:
        entries = load_dictionary(path)
        add_entries(table, ((e.phrase, e.to_actor_entry()) for e in entries),
                    case_sensitive=False)
    return table
