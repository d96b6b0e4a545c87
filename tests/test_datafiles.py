"""The one data-file loader: comments, blank lines, empty cells, word lists."""

from __future__ import annotations

from pathlib import Path

from newsgraph.datafiles import COUNTRIES, read_records, read_table, read_word_table, read_words


def test_read_table_skips_comments_and_blanks_and_keeps_empty_cells(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("# a comment\nname\tcode\n\nKent\t \nFife\tFIF\n", encoding="utf-8")
    assert read_table(path) == [["name", "code"], ["Kent", ""], ["Fife", "FIF"]]
    assert read_table(path, header=True) == [["Kent", ""], ["Fife", "FIF"]]


def test_read_records_pads_short_rows(tmp_path: Path) -> None:
    path = tmp_path / "r.tsv"
    path.write_text("a\tb\tc\n1\t2\n", encoding="utf-8")
    assert read_records(path) == [{"a": "1", "b": "2", "c": ""}]


def test_word_lists_and_word_tables(tmp_path: Path) -> None:
    path = tmp_path / "w.tsv"
    path.write_text("# lists\nen\tthe of\nfr\tle\nen\tand\n", encoding="utf-8")
    assert read_word_table(path) == {"en": ["the", "of", "and"], "fr": ["le"]}
    words = tmp_path / "w.txt"
    words.write_text("# words\nalpha beta\ngamma\n", encoding="utf-8")
    assert read_words(words) == {"alpha", "beta", "gamma"}


def test_bundled_files_load_from_the_package() -> None:
    countries = read_records(COUNTRIES)
    assert {"iso3", "name", "adjectives"} <= set(countries[0])
    assert any(row["iso3"] == "IRN" and "Iranian" in row["adjectives"] for row in countries)
