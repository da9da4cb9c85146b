#!/usr/bin/env bash
# The main job on the bundled examples: ingest examples/reports/ into out/examples.db,
# print a summary, write CSV and GeoJSON exports, then serve the web app.
# Set EVENTLEDGER_NO_SERVE=1 to stop after the exports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
EL=.venv/bin/eventledger
$EL ingest examples/reports --db out/examples.db
$EL summary --db out/examples.db
$EL export --db out/examples.db --format csv -o out/events.csv
$EL export --db out/examples.db --format geojson -o out/events.geojson
$EL export --db out/examples.db --format jsonl -o out/events.jsonl
if [ -z "${EVENTLEDGER_NO_SERVE:-}" ]; then
  $EL serve --db out/examples.db --host 127.0.0.1 --port "${PORT:-8000}"
fi
