"""Ingest: every input kind becomes Sources, sniffed from content, never crashing."""

from __future__ import annotations

import gzip
import json
import logging

import pytest

from newsgraph import ingest
from newsgraph.errors import InputError

RSS = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title>
<item><title>Talks resume</title><link>https://example.org/a</link>
<pubDate>Thu, 17 Aug 2023 10:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Delegations met in Geneva on Thursday.</p><p>Both sides said the talks were useful.</p>]]></content:encoded>
</item>
<item><title>Empty</title><link>https://example.org/b</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Desk</title><id>urn:desk</id>
<entry><id>urn:desk:1</id><title>Port reopens</title><link href="https://example.org/port"/>
<published>2024-02-03T08:00:00Z</published><summary>The port of Odesa reopened on Friday.</summary></entry>
</feed>"""


def _read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return list(ingest.read([path]))


def test_rss_entries_become_sources_with_date_and_link(tmp_path):
    sources = _read(tmp_path, "feed.xml", RSS.encode())
    assert len(sources) == 1  # the entry without text is skipped
    src = sources[0]
    assert (src.format, src.uri, src.title) == ("rss", "https://example.org/a", "Talks resume")
    assert src.text == "Delegations met in Geneva on Thursday.\nBoth sides said the talks were useful."
    assert src.published.startswith("2023-08-17")


def test_atom_entry_uses_summary_when_no_content(tmp_path):
    [src] = _read(tmp_path, "desk.txt", ATOM.encode())  # sniffed from content, not the name
    assert src.format == "atom"
    assert src.text == "The port of Odesa reopened on Friday."
    assert src.published.startswith("2024-02-03")


def test_jsonl_fields_and_bad_line_skipped(tmp_path, caplog):
    lines = [json.dumps({"title": "A", "text": "First body.", "url": "u1", "published": "2024-01-02"}),
             "{not json", json.dumps({"headline": "B", "body": "Second body."})]
    with caplog.at_level(logging.WARNING):
        sources = _read(tmp_path, "x.jsonl", "\n".join(lines).encode())
    assert [s.text for s in sources] == ["First body.", "Second body."]
    assert sources[0].uri == "u1" and sources[1].uri.endswith("x.jsonl#3")
    assert sources[1].title == "B"
    assert any("line 2 is not valid JSON" in r.getMessage() for r in caplog.records)


def test_gzip_and_folder_recursion(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt.gz").write_bytes(gzip.compress(b"Plain text article one."))
    (tmp_path / "b.txt").write_text("Plain text article two.")
    (tmp_path / ".hidden").write_text("ignored")
    sources = list(ingest.read([tmp_path]))
    assert sorted(s.text for s in sources) == ["Plain text article one.", "Plain text article two."]


def test_truncated_gzip_keeps_readable_part(tmp_path, caplog):
    data = gzip.compress(("Readable words. " * 2000).encode())
    with caplog.at_level(logging.WARNING):
        [src] = _read(tmp_path, "cut.gz", data[: len(data) // 2])
    assert src.text.startswith("Readable words.")
    assert any("E104" in r.getMessage() and "cut.gz" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1", "utf-16"])
def test_common_encodings_decode(tmp_path, encoding):
    text = "Café owners in Zürich said prices rose — again." if encoding != "latin-1" else \
        "Café owners in Zürich said prices rose again, the façade was closed."
    [src] = _read(tmp_path, "enc.txt", text.encode(encoding))
    assert src.text == text


def test_undecodable_bytes_never_crash(tmp_path):
    [src] = _read(tmp_path, "mixed.txt", b"Valid start. \xff\xfe\xfd broken \x81 end of text here.")
    assert src.text.startswith("Valid start.")


def test_stdin_dash(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From a pipe.")))
    [src] = list(ingest.read(["-"]))
    assert (src.uri, src.text) == ("stdin:", "From a pipe.")


@pytest.mark.parametrize("data, code", [
    (b"", "E102"), (b"   \n\n ", "E102"), (b"\x89PNG\r\n\x1a\n" + bytes(200), "E103"),
    (bytes(range(256)) * 4, "E103"),
])
def test_unreadable_inputs_raise_numbered_errors(data, code):
    with pytest.raises(InputError) as info:
        list(ingest.read_bytes(data, uri="file:///bad"))
    assert info.value.code == code and "file:///bad" in str(info.value)


def test_missing_path_logged_and_rest_read(tmp_path, caplog):
    good = tmp_path / "good.txt"
    good.write_text("Still read.")
    stats = ingest.ReadStats()
    with caplog.at_level(logging.ERROR):
        sources = list(ingest.read([tmp_path / "nope.txt", good], stats=stats))
    assert [s.text for s in sources] == ["Still read."]
    assert stats.failed == 1
    assert any("E101" in r.getMessage() and "nope.txt" in r.getMessage() for r in caplog.records)


def _decode_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "E115" in r.getMessage()]


def test_one_bad_byte_keeps_a_utf8_file_utf8_with_one_warning(tmp_path, caplog):
    """Issue 9: one stray byte used to turn a whole UTF-8 file into cp1252 ('ATHENS â€”')."""
    text = "ATHENS — Greece’s premier said on Monday that talks would resume. " * 20
    data = text.encode("utf-8").replace(b"Monday", b"Mon\xffday", 1)
    with caplog.at_level(logging.WARNING):
        [src] = _read(tmp_path, "athens.txt", data)
    assert src.text.startswith("ATHENS — Greece’s premier said on Mon\ufffdday")
    assert src.text.count("\ufffd") == 1 and "â€" not in src.text
    [line] = _decode_warnings(caplog)
    assert "athens.txt" in line and "decoded as utf-8" in line and f"1 of {len(data)} bytes" in line


def test_cp1252_file_decodes_as_cp1252_with_one_warning(tmp_path, caplog):
    text = "Café owners in Zürich said prices rose again, the façade was closed. " * 5
    with caplog.at_level(logging.WARNING):
        [src] = _read(tmp_path, "latin.txt", text.encode("cp1252"))
    assert src.text == text
    [line] = _decode_warnings(caplog)
    assert "latin.txt" in line and "decoded as cp1252" in line and "15 of" in line


def test_clean_utf8_gives_no_decoding_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        [src] = _read(tmp_path, "clean.txt", "Zürich — fine.".encode())
    assert src.text == "Zürich — fine." and _decode_warnings(caplog) == []
