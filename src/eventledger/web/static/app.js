// Map and timeline of the events page. Own code (small): the map uses the vendored Leaflet,
// markercluster and topojson-client; the timeline is plain SVG. Everything is fetched from
// this server: /api/points, /api/timeline and the vendored Natural Earth outlines.
"use strict";
(function () {
  const COLORS = { protest: "#0072b2", riot: "#e69f00", repression: "#cc79a7", other: "#7a7a7a" };
  const colorOf = (t) => COLORS[t] || COLORS.other;
  const SVGNS = "http://www.w3.org/2000/svg";

  function withQuery(path, qs) { return qs ? path + "?" + qs : path; }

  function legend() {
    const el = document.getElementById("legend");
    if (!el) return;
    for (const [t, c] of Object.entries(COLORS)) {
      const s = document.createElement("span");
      const dot = document.createElement("span");
      dot.className = "dot"; dot.style.background = c;
      s.appendChild(dot); s.appendChild(document.createTextNode(t));
      el.appendChild(s);
    }
  }

  async function drawMap() {
    const el = document.getElementById("map");
    if (!el || !window.L) return;
    const map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([32, 53], 4);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth");
    try {
      const topo = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
      const land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, { style: { color: "#8a8a8a", weight: 1, fillColor: "#ffffff", fillOpacity: 1 },
                        interactive: false }).addTo(map);
    } catch (e) { console.warn("outlines not loaded", e); }
    const points = await (await fetch(withQuery("/api/points", el.dataset.query))).json();
    // clusters are neutral grey (a count, not a type); single points carry the type colour
    const cluster = L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false,
      iconCreateFunction: (c) => L.divIcon({ html: "<span>" + Number(c.getChildCount()) + "</span>",
                                             className: "cluster", iconSize: L.point(32, 32) }),
    });
    const markers = points.map(([id, lat, lon, type]) => {
      const m = L.circleMarker([lat, lon], { radius: 6, color: "#333", weight: 1,
                                             fillColor: colorOf(type), fillOpacity: .9 });
      m.on("click", () => { window.location.href = "/events/" + encodeURIComponent(id); });
      return m;
    });
    cluster.addLayers(markers);
    map.addLayer(cluster);
    if (markers.length) map.fitBounds(cluster.getBounds(), { maxZoom: 8, padding: [20, 20] });
    el.dataset.ready = String(markers.length);
  }

  // ---- timeline: stacked bars per day (or per week for long ranges), drag to filter
  const DAY = 86400000;
  const parseDay = (s) => Date.parse(s + "T00:00:00Z");
  const isoDay = (t) => new Date(t).toISOString().slice(0, 10);
  const weekStart = (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;   // Monday

  function el(name, attrs, parent) {
    const e = document.createElementNS(SVGNS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }

  async function drawTimeline() {
    const box = document.getElementById("timeline");
    if (!box) return;
    const rows = await (await fetch(withQuery("/api/timeline", box.dataset.query))).json();
    if (!rows.length) { box.textContent = "No dated events."; return; }
    const t0 = parseDay(rows[0].day), t1 = parseDay(rows[rows.length - 1].day);
    const weekly = (t1 - t0) / DAY > 120;
    const step = weekly ? 7 * DAY : DAY;
    const startT = weekly ? weekStart(t0) : t0;
    const nBins = Math.floor(((weekly ? weekStart(t1) : t1) - startT) / step) + 1;
    const types = [...new Set(rows.map((r) => r.event_type))].sort();
    const bins = Array.from({ length: nBins }, () => ({}));
    for (const r of rows) {
      const t = parseDay(r.day);
      const i = Math.floor(((weekly ? weekStart(t) : t) - startT) / step);
      bins[i][r.event_type] = (bins[i][r.event_type] || 0) + r.n;
    }
    const max = Math.max(1, ...bins.map((b) => Object.values(b).reduce((a, c) => a + c, 0)));
    const W = 600, H = 220, left = 30, bottom = 20, plotW = W - left - 5, plotH = H - bottom - 5;
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "img" }, box);
    const bw = plotW / nBins;
    bins.forEach((b, i) => {
      let y = plotH + 5;
      for (const t of types) {
        const n = b[t] || 0;
        if (!n) continue;
        const h = (n / max) * plotH;
        y -= h;
        const r = el("rect", { x: left + i * bw, y, width: Math.max(bw - 0.5, 0.5), height: h,
                               fill: colorOf(t), "data-type": t }, svg);
        el("title", {}, r).textContent = `${isoDay(startT + i * step)} ${t}: ${n}`;
      }
    });
    el("line", { x1: left, x2: W - 5, y1: plotH + 5, y2: plotH + 5, stroke: "#999" }, svg);
    const label = (x, text, anchor) => { const t = el("text", { x, y: H - 5, "font-size": 11, "text-anchor": anchor, fill: "#444" }, svg); t.textContent = text; };
    label(left, isoDay(startT), "start");
    label(W - 5, isoDay(startT + (nBins - 1) * step + (weekly ? 6 * DAY : 0)), "end");
    const ymax = el("text", { x: 2, y: 14, "font-size": 11, fill: "#444" }, svg); ymax.textContent = String(max);
    el("text", { x: left + 4, y: 14, "font-size": 11, fill: "#444" }, svg).textContent = weekly ? "per week" : "per day";

    // brushing: drag across the bars, then the filter form is submitted with the period
    const brush = el("rect", { class: "brush", y: 5, height: plotH, x: 0, width: 0 }, svg);
    const toX = (ev) => { const r = svg.getBoundingClientRect(); return ((ev.clientX - r.left) / r.width) * W; };
    const binAt = (x) => Math.min(nBins - 1, Math.max(0, Math.floor((x - left) / bw)));
    let from = null;
    svg.addEventListener("mousedown", (ev) => { from = toX(ev); brush.setAttribute("x", from); brush.setAttribute("width", 0); ev.preventDefault(); });
    svg.addEventListener("mousemove", (ev) => {
      if (from === null) return;
      const x = toX(ev);
      brush.setAttribute("x", Math.min(from, x)); brush.setAttribute("width", Math.abs(x - from));
    });
    window.addEventListener("mouseup", (ev) => {
      if (from === null) return;
      const x = toX(ev), a = binAt(Math.min(from, x)), b = binAt(Math.max(from, x));
      from = null;
      const form = document.getElementById("filters");
      document.getElementById("date_from").value = isoDay(startT + a * step);
      document.getElementById("date_to").value = isoDay(startT + b * step + (weekly ? 6 * DAY : 0));
      form.submit();
    });
    box.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", () => {
    legend();
    drawMap().catch((e) => console.error(e));
    drawTimeline().catch((e) => console.error(e));
  });
})();
