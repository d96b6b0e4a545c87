"""Inputs that must never hang or blow up memory: zero bytes, gzip bombs, pipes, devices,
oversized files and unreadable folders each give one numbered line and count as failed."""

from __future__ import annotations

import gzip
import logging
import os
import threading
import tracemalloc
import zlib

import pytest

from newsgraph import ingest
from newsgraph.errors import InputError
from newsgraph.settings import Settings

GOOD = "Officials in Paris said on Monday that France and Germany signed a trade agreement.\n"


def _read_all(paths, *, settings=None, timeout=20.0):
    """ingest.read in a thread, so a read that blocks fails the test instead of hanging it."""
    stats, result = ingest.ReadStats(), {}
    worker = threading.Thread(target=lambda: result.update(
        sources=list(ingest.read(paths, settings=settings, stats=stats))), daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "reading blocked"
    return result["sources"], stats


def _lines(caplog, code: str, name: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if code in r.getMessage() and name in r.getMessage()]


@pytest.mark.parametrize("data", [bytes(3), bytes(4096), bytes(100_000)])
def test_zero_bytes_are_binary_not_text(data):
    with pytest.raises(InputError) as info:
        list(ingest.read_bytes(data, uri="file:///zeros.bin"))
    assert info.value.code == "E103" and "zero bytes" in str(info.value)


def test_utf16_text_is_still_text():
    [src] = list(ingest.read_bytes(GOOD.encode("utf-16-le"), uri="file:///u16.txt"))
    assert src.text.strip() == GOOD.strip()


def _gzip_bomb(size: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1 << 20)
    return b"".join([*(comp.compress(chunk) for _ in range(size >> 20)), comp.flush()])


def test_gzip_bomb_stops_at_the_cap_in_bounded_memory(tmp_path, caplog):
    """1 MB of gzip that inflates to 1 GiB: it used to become a 1 GiB article (3.2 GB RSS)."""
    bomb = tmp_path / "bomb.gz"
    bomb.write_bytes(_gzip_bomb(1 << 30))
    assert bomb.stat().st_size < 1_100_000
    (tmp_path / "good.txt").write_text(GOOD)
    settings = Settings()
    tracemalloc.start()
    try:
        with caplog.at_level(logging.ERROR):
            sources, stats = _read_all([bomb, tmp_path / "good.txt"], settings=settings, timeout=120)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [s.text for s in sources] == [GOOD]
    assert stats.failed == 1 and len(_lines(caplog, "E113", "bomb.gz")) == 1
    assert peak < 1.6 * settings.max_input_bytes  # bounded by the cap, not by the bomb


def test_gzip_under_the_cap_still_reads(tmp_path):
    path = tmp_path / "ok.txt.gz"
    path.write_bytes(gzip.compress(GOOD.encode() * 1000))
    sources, stats = _read_all([path], settings=Settings(max_input_bytes=len(GOOD) * 1000))
    assert len(sources) == 1 and stats.failed == 0


def test_file_over_the_size_cap_is_refused_with_one_line(tmp_path, caplog):
    big, good = tmp_path / "big.txt", tmp_path / "good.txt"
    big.write_text(GOOD * 100)
    good.write_text(GOOD)
    with caplog.at_level(logging.ERROR):
        sources, stats = _read_all([big, good], settings=Settings(max_input_bytes=len(GOOD) * 10))
    assert [s.text for s in sources] == [GOOD]
    assert stats.failed == 1 and len(_lines(caplog, "E113", "big.txt")) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_named_pipe_is_refused_not_waited_on(tmp_path, caplog):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(GOOD)
    with caplog.at_level(logging.ERROR):
        sources, stats = _read_all([fifo, tmp_path / "good.txt"])
    assert [s.text for s in sources] == [GOOD]
    assert stats.failed == 1 and len(_lines(caplog, "E114", "pipe")) == 1
    # inside a folder too
    with caplog.at_level(logging.ERROR):
        sources, stats = _read_all([tmp_path])
    assert [s.text for s in sources] == [GOOD] and stats.failed == 1


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_device_is_refused_not_read_forever(caplog):
    with caplog.at_level(logging.ERROR):
        sources, stats = _read_all(["/dev/zero"])
    assert sources == [] and stats.failed == 1
    assert len(_lines(caplog, "E114", "/dev/zero")) == 1


def test_unreadable_folder_is_a_line_and_a_failure(tmp_path, monkeypatch, caplog):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "good.txt").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path="."):  # root reads any folder, so refuse this one the way chmod 000 would
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with caplog.at_level(logging.ERROR):
        sources, stats = _read_all([tmp_path])
    assert [s.text for s in sources] == [GOOD]
    assert stats.failed == 1 and len(_lines(caplog, "E111", "locked")) == 1
