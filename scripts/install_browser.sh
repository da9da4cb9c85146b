#!/bin/sh
# Installs the Debian Chromium used by tests/test_browser.py (driven by Playwright with
# executable_path=/usr/bin/chromium). Playwright's own browser download is never used: it
# needs the network at test time and fetches binaries from a CDN.
set -eu
if [ -x /usr/bin/chromium ]; then
    echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver fonts-dejavu-core
/usr/bin/chromium --version
