"""Killing an ingest mid-run leaves a consistent store; re-ingest completes it without duplicates."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import DEMO, ROOT
from newsgraph.store import open_store

pytestmark = pytest.mark.slow


def _count(db) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        return n
    except sqlite3.Error:
        return 0


def test_kill_mid_ingest_then_reingest(tmp_path):
    corpus = tmp_path / "corpus"
    for n in range(4):  # distinct copies: different ids are not needed, order matters
        shutil.copytree(DEMO, corpus / f"copy{n}")
    (corpus / "copy1" / "extra.txt").write_text("Chile and Peru signed a fisheries pact on Tuesday.\n")
    db = tmp_path / "s.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(corpus), "--db", str(db),
           "--commit-every", "1", "--quiet"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while _count(db) < 3 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(db)
    assert partial >= 1
    store = open_store(db)
    assert store.integrity() == []
    store.close()

    subprocess.run(cmd, env=env, check=True, capture_output=True)
    store = open_store(db)
    full = store.summary()["articles"]
    assert store.integrity() == []
    assert full > partial
    store.close()
    subprocess.run(cmd, env=env, check=True, capture_output=True)  # third run adds nothing
    store = open_store(db)
    assert store.summary()["articles"] == full
