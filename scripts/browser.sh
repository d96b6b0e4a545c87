#!/usr/bin/env bash
# Install the headless browser the dashboard tests drive: Debian's chromium (+ fonts).
# Idempotent: does nothing when /usr/bin/chromium is already there. Needs root (or sudo).
# Playwright's own browser download is never used (no network but the package registries);
# the tests launch /usr/bin/chromium through Playwright's Python API.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "browser.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "browser.sh: need root to apt-get install chromium" >&2; exit 1
    fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "browser.sh: no apt-get; install chromium by hand at /usr/bin/chromium" >&2; exit 1
fi

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "browser.sh: installed $(/usr/bin/chromium --version 2>/dev/null) in $(( $(date +%s) - start ))s"
