#!/bin/sh
# Vendors the web app's front-end assets from the npm registry into the package so that the
# app serves everything itself (no CDN, no tile server). Run at build time, not at run time.
#
#   leaflet                map library (BSD-2-Clause)
#   leaflet.markercluster  point clustering (MIT)
#   topojson-client        TopoJSON -> GeoJSON in the browser (ISC)
#   world-atlas            Natural Earth country outlines as TopoJSON (ISC; data public domain)
#
# Province (admin-1) outlines: no npm package with Natural Earth admin-1 boundaries under a
# standard open licence was found (world-atlas ships countries only; @amcharts/amcharts4-geodata
# has a custom licence), so the basemap shows country outlines only.
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
DEST="$HERE/src/eventledger/web/static/vendor"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

cd "$TMP"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
    leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2 >/dev/null

rm -rf "$DEST"
mkdir -p "$DEST/leaflet/images" "$DEST/leaflet.markercluster" "$DEST/topojson-client" "$DEST/world-atlas"
M="$TMP/node_modules"
cp "$M/leaflet/dist/leaflet.js" "$M/leaflet/dist/leaflet.css" "$M/leaflet/LICENSE" "$DEST/leaflet/"
cp "$M/leaflet/dist/images/"*.png "$DEST/leaflet/images/"
cp "$M/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$M/leaflet.markercluster/dist/MarkerCluster.css" \
   "$M/leaflet.markercluster/dist/MarkerCluster.Default.css" \
   "$M/leaflet.markercluster/MIT-LICENCE.txt" "$DEST/leaflet.markercluster/"
cp "$M/topojson-client/dist/topojson-client.min.js" "$M/topojson-client/LICENSE" "$DEST/topojson-client/"
cp "$M/world-atlas/countries-50m.json" "$M/world-atlas/LICENSE" "$DEST/world-atlas/"
for p in leaflet leaflet.markercluster topojson-client world-atlas; do
    node -e "const p=require('$M/$p/package.json');console.log(p.name+' '+p.version+' '+p.license)"
done > "$DEST/VERSIONS.txt"
echo "vendored into $DEST:"; cat "$DEST/VERSIONS.txt"
