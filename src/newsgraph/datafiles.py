"""Read newsgraph's bundled data files: tab-separated tables and word lists.

Every lexicon, gazetteer table and word list ships as a text file inside the package (so it
works from an installed wheel) and is read here, in one way:

* a line whose first character is ``#`` is a comment, a blank line is skipped;
* a table row is split on tabs, each cell stripped of surrounding spaces (empty cells are kept,
  so a row always has as many cells as the file has columns);
* a word list is whitespace-separated words (several on a line is fine).

A ``str`` name is a path inside the ``newsgraph`` package (``"places/data/aliases.tsv"``); a
:class:`~pathlib.Path` is a file on disk (a fitted weights file, a tool's input).

Example:
    >>> rows = read_records("actors/data/roles.tsv")
    >>> rows[0]["phrase"], rows[0]["role"]
    ('president', 'GOV')
    >>> read_word_table("segment/data/words.tsv")["stopwords"][:3]
    ['a', 'about', 'above']
    >>> "words" in read_words("places/data/stoplist.txt")  # its "#" lines are comments
    False
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

Source = str | Path

# The one country table (ISO alpha-3, name, capital, Wikidata id, other names, demonyms, seats
# of government), read by the actor gazetteer and by the places' demonyms.
COUNTRIES = "data/countries.tsv"


def read_text(name: Source) -> str:
    """The text of a bundled data file (``str``, relative to the package) or of a file on disk."""
    if isinstance(name, Path):
        return name.read_text(encoding="utf-8")
    return resources.files("newsgraph").joinpath(name).read_text(encoding="utf-8")


def _lines(name: Source) -> list[str]:
    return [line for line in read_text(name).splitlines()
            if line.strip() and not line.startswith("#")]


def read_table(name: Source, *, header: bool = False) -> list[list[str]]:
    """The rows of a tab-separated file, each a list of stripped cells.

    Args:
        name: the file (see the module docstring).
        header: drop the first row (the column names).
    Returns:
        The data rows in file order.
    """
    rows = [[cell.strip() for cell in line.split("\t")] for line in _lines(name)]
    return rows[1:] if header else rows


def read_records(name: Source) -> list[dict[str, str]]:
    """The rows of a tab-separated file with a header row, as ``{column: cell}`` dicts.

    A short row gets ``""`` for its missing cells.
    """
    rows = read_table(name)
    if not rows:
        return []
    columns = rows[0]
    return [dict(zip(columns, row + [""] * (len(columns) - len(row)))) for row in rows[1:]]


def read_words(name: Source) -> frozenset[str]:
    """The words of a word-list file (whitespace-separated, ``#`` comment lines)."""
    return frozenset(word for line in _lines(name) for word in line.split())


def read_word_table(name: Source) -> dict[str, list[str]]:
    """Rows ``key<TAB>word word ...`` as ``{key: [words in file order]}``, keys in file order;
    a key on several rows gets the words of all of them."""
    table: dict[str, list[str]] = {}
    for row in read_table(name):
        table.setdefault(row[0], []).extend(row[1].split() if len(row) > 1 else [])
    return table
