#!/usr/bin/env bash
# The whole test suite, the quality gate and the browser test included.
# Installs what it needs: .venv with the [test] extras, and Debian's chromium for the
# browser test when it is missing and apt-get is available (the test skips, saying so,
# where it cannot be installed). PostgreSQL tests run when EVENTLEDGER_TEST_PG is set.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
if [ ! -x /usr/bin/chromium ] && [ -x scripts/install_browser.sh ]; then
  scripts/install_browser.sh || echo "chromium not installed: the browser test will be skipped" >&2
fi
exec .venv/bin/python -m pytest -q "$@"
