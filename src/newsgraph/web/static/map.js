/* The world map: country shapes as SVG paths, event places as markers.
 *
 * world-110m.json (built by tools/build_world_map.py from the npm package world-atlas, Natural
 * Earth 1:110m) holds each country's path already projected with Natural Earth I, and the
 * projection's constants, so markers land on the same map. Marker area grows with the number of
 * events at a place; its colour says which family dominates there (cooperation or conflict).
 * Countries are shaded by the events placed only at the country level.
 */
import { el, svg, plural } from "./util.js";

let worldPromise = null;

/** The world geometry, fetched once from the dashboard's own assets. */
export function loadWorld() {
  if (!worldPromise) {
    worldPromise = fetch("ui/world-110m.json").then((response) => {
      if (!response.ok) throw new Error(`world map: ${response.status} ${response.statusText}`);
      return response.json();
    });
    worldPromise.catch(() => { worldPromise = null; });
  }
  return worldPromise;
}

/** Longitude and latitude in degrees to map units (Natural Earth I, as in the build tool). */
export function project(world, lon, lat) {
  const { scale, x0, y0 } = world.projection;
  const lambda = (lon * Math.PI) / 180, phi = (lat * Math.PI) / 180;
  const phi2 = phi * phi, phi4 = phi2 * phi2;
  const x = lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)));
  const y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)));
  return [x0 + scale * x, y0 - scale * y];
}

export function dominantFamily(counts) {
  if (!counts.events) return "mentioned";
  if (counts.cooperation > counts.conflict) return "cooperation";
  if (counts.conflict > counts.cooperation) return "conflict";
  return "mixed";
}

function describe(name, counts) {
  if (!counts.events) return `${name}: named ${plural(counts.mentions || 0, "time")}, no event placed there`;
  return `${name}: ${plural(counts.events, "event")} (${counts.conflict} conflict, ` +
    `${counts.cooperation} cooperation)`;
}

/** The part of the world to show: every marker and shaded country, padded, at least minWidth. */
function viewBox(world, points, minWidth) {
  if (!points.length) return [0, 0, world.width, world.height];
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const pad = 40, aspect = world.height / world.width;
  let [x1, x2, y1, y2] = [Math.min(...xs) - pad, Math.max(...xs) + pad, Math.min(...ys) - pad, Math.max(...ys) + pad];
  let width = Math.max(minWidth, x2 - x1, (y2 - y1) / aspect);
  width = Math.min(width, world.width);
  const height = width * aspect;
  let x = (x1 + x2) / 2 - width / 2, y = (y1 + y2) / 2 - height / 2;
  x = Math.max(0, Math.min(world.width - width, x));
  y = Math.max(0, Math.min(world.height - height, y));
  return [x, y, width, height].map((v) => Math.round(v * 10) / 10);
}

function shadeLevel(n, most) {
  return n ? Math.max(1, Math.ceil((5 * Math.log1p(n)) / Math.log1p(most))) : 0;
}

function activate(node, action) {
  node.setAttribute("tabindex", "0");
  node.setAttribute("role", "button");
  node.addEventListener("click", action);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      action();
    }
  });
}

/**
 * An SVG map of `data` ({places, countries}, as /map returns them).
 * options: label (what the map shows), onPlace(place), onCountry(country), minWidth (map units),
 * pixels (the width it will be shown at, so markers keep their size on screen), box (the
 * viewBox to show, [x, y, width, height]; by default every marker and shade, padded).
 */
export function drawMap(world, data, options) {
  const opts = { minWidth: 300, pixels: 0, ...options };
  const places = (data.places || []).filter((p) => p.lat !== null && p.lon !== null);
  const countries = new Map((data.countries || []).map((c) => [c.country, c]));
  const mostCountry = Math.max(1, ...[...countries.values()].map((c) => c.events));
  const points = places.map((p) => project(world, p.lon, p.lat));
  for (const c of countries.values()) {
    if (c.lat !== null && c.lat !== undefined) points.push(project(world, c.lon, c.lat));
  }
  const box = opts.box || viewBox(world, points, opts.minWidth);
  const map = svg("svg", { viewBox: box.join(" "), class: "world-map", role: "group",
    "aria-label": `${opts.label}: ${plural(places.length, "place")} with markers, ` +
      `${plural(countries.size, "country", "countries")} shaded`, "data-places": places.length });
  map.append(svg("rect", { class: "sea", x: box[0], y: box[1], width: box[2], height: box[3] }));
  const shapes = svg("g", { class: "countries" });
  for (const [iso, shape] of Object.entries(world.countries)) {
    const counts = countries.get(iso);
    const path = svg("path", { d: shape.d, class: "country", "data-iso": iso });
    if (counts) {
      path.classList.add(`shade-${shadeLevel(counts.events, mostCountry)}`);
      path.dataset.events = counts.events;
      path.setAttribute("aria-label", describe(shape.name, counts) + " placed only in the country");
      if (opts.onCountry) activate(path, () => opts.onCountry({ ...counts, name: shape.name }));
    }
    path.append(svg("title", {}, counts ? describe(shape.name, counts) : shape.name));
    shapes.append(path);
  }
  map.append(shapes, markers(world, places, box, opts));
  return map;
}

function markers(world, places, box, opts) {
  const group = svg("g", { class: "markers" });
  const most = Math.max(1, ...places.map((p) => p.events));
  const pixels = opts.pixels || 900;
  const unit = box[2] / pixels;  // a screen pixel in map units, whatever the zoom
  const size = Math.min(1, Math.sqrt(pixels / 900));  // smaller markers on a narrow screen
  const sorted = [...places].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
  for (const place of sorted) {
    const [cx, cy] = project(world, place.lon, place.lat);
    const r = (3.5 + 10 * Math.sqrt(place.events / most)) * size * unit;
    const dot = svg("circle", { cx: cx.toFixed(2), cy: cy.toFixed(2), r: r.toFixed(2),
      class: `marker ${dominantFamily(place)}`, "data-place": place.id, "data-events": place.events,
      "aria-label": describe(place.name, place), "stroke-width": (1.2 * unit).toFixed(2) });
    dot.append(svg("title", {}, describe(place.name, place)));
    if (opts.onPlace) activate(dot, () => opts.onPlace(place, dot));
    group.append(dot);
  }
  return group;
}

/** The key under a map: what the colours and sizes mean. */
export function legend() {
  const swatch = (cls, text) => el("li", {}, el("span", { class: `key ${cls}`, "aria-hidden": "true" }), text);
  return el("ul", { class: "map-legend", "aria-label": "Map key" },
    swatch("cooperation", "mostly cooperation"), swatch("conflict", "mostly conflict"),
    swatch("mixed", "as much of both"), swatch("shade", "country shade: events placed only in that country"),
    el("li", { class: "hint", text: "Marker area grows with the number of events at a place." }));
}

/** The viewBox `box` zoomed by `factor` (0.5: twice as close) around `center`, inside the world. */
export function zoomBox(world, box, factor, center) {
  const aspect = world.height / world.width;
  const width = Math.max(60, Math.min(world.width, box[2] * factor));
  const height = width * aspect;
  const [cx, cy] = center || [box[0] + box[2] / 2, box[1] + box[3] / 2];
  const x = Math.max(0, Math.min(world.width - width, cx - width / 2));
  const y = Math.max(0, Math.min(world.height - height, cy - height / 2));
  return [x, y, width, height].map((v) => Math.round(v * 10) / 10);
}
