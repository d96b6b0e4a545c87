/* newsgraph dashboard: plain JavaScript modules over the REST API, no build step, no libraries.
 *
 * Every URL is relative to the page, so the dashboard works wherever the API is served.
 * Text from the store is only ever inserted as text nodes, never parsed as markup.
 * Views are addressed by the URL's hash: #article=ID[&event=N], #story=ID, #source=A&target=B.
 */
import { $, el, svg, api, guarded, status, plural, actorNames, CATEGORIES, markedSentence, articleHref,
  storyHref, hashHref, actorPair, flags, categoryBadge, eventList } from "./util.js";
import { loadWorld, drawMap, legend, project, zoomBox } from "./map.js";
import { openArticle, closeArticle, showStory, closeStory, onActor } from "./views.js";

const COUNT_LABELS = [["articles", "Articles"], ["happenings", "Happenings"], ["events", "Event mentions"], ["actors", "Actors"],
  ["quotes", "Quotes"], ["places", "Places"], ["duplicates", "Duplicates"]];
const EVENT_LIMIT = 200;

/* ---------- summary ---------- */

async function loadSummary() {
  const summary = await api("summary", { mentions: filters().mentions });
  const counts = $("#counts");
  counts.replaceChildren();
  for (const [key, label] of COUNT_LABELS) {
    counts.append(el("div", { class: "count", "data-count": key },
      el("dt", { text: label }), el("dd", { text: Number(summary[key] || 0).toLocaleString("en") })));
  }
  counts.dataset.state = "ready";
  renderCategories(summary.by_category || {});
  renderTopActors(summary.top_actors || []);
  if (!summary.articles) status("The store is empty: load articles with `newsgraph ingest FILE --db STORE` or `newsgraph demo`.");
}

function renderCategories(byCategory) {
  const list = $("#categories");
  list.replaceChildren();
  const entries = Object.entries(byCategory).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const most = Math.max(1, ...entries.map(([, n]) => n));
  if (!entries.length) list.append(el("li", { class: "hint", text: "No events yet." }));
  for (const [category, n] of entries) {
    const bar = el("span", { class: "bar", "aria-hidden": "true" });
    bar.style.width = `${Math.max(2, (100 * n) / most)}%`;
    const button = el("button", { type: "button", class: "bar-button", "data-category": category,
      "aria-label": `${category}: ${plural(n, "happening")}, list them`,
      onclick: () => { $("#f-category").value = category; submitFilter(true); } },
    el("span", { class: "bar-name", text: category }), el("span", { class: "bar-track" }, bar),
    el("span", { class: "bar-n", text: n }));
    list.append(el("li", {}, button));
  }
}

function renderTopActors(actors) {
  const list = $("#top-actors");
  const options = $("#actor-ids");
  list.replaceChildren();
  options.replaceChildren();
  if (!actors.length) list.append(el("li", { class: "hint", text: "No actors yet." }));
  for (const actor of actors) {
    actorNames.set(actor.id, actor.name);
    list.append(el("li", {}, filterByActorButton(actor), " ", el("code", { text: actor.id }),
      el("span", { class: "hint", text: ` · ${actor.mentions} mentions` })));
    options.append(el("option", { value: actor.id }, actor.name));
  }
}

function listActorEvents(actor) {
  $("#f-actor").value = actor.id;
  submitFilter(true);
}

function filterByActorButton(actor) {
  return el("button", { type: "button", class: "link", "aria-label": `List events of ${actor.name}`,
    onclick: () => listActorEvents(actor) }, actor.name);
}

/* ---------- search ---------- */

async function runSearch(event) {
  event.preventDefault();
  const q = $("#q").value.trim();
  const list = $("#search-results");
  if (!q) return;
  const hits = await api("search", { q, limit: 20 });
  list.replaceChildren();
  $("#search-count").textContent = hits.length
    ? `${plural(hits.length, "article")} match “${q}”.` : `No article matches “${q}”.`;
  for (const hit of hits) {
    const link = el("a", { href: articleHref(hit.id), class: "result-title" }, hit.title || hit.id);
    const story = hit.story ? el("a", { href: storyHref(hit.story), class: "story-link",
      "aria-label": `Open the story of ${hit.title || hit.id}` }, "story") : null;
    list.append(el("li", { "data-id": hit.id }, link,
      el("span", { class: "hint", text: ` ${hit.published || "undated"} · ${hit.uri} ` }), story,
      el("p", { class: "snippet" }, snippet(hit.snippet || ""))));
  }
}

/** FTS snippet text with its [bracketed] words as <mark>, built from text nodes. */
function snippet(text) {
  const frag = document.createDocumentFragment();
  const pattern = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    frag.append(text.slice(last, m.index), el("mark", { text: m[1] }));
    last = m.index + m[0].length;
  }
  frag.append(text.slice(last));
  return frag;
}

/* ---------- events: filters, map, table ---------- */

function filters() {
  return {
    actor: $("#f-actor").value.trim(),
    category: $("#f-category").value,
    since: $("#f-since").value,
    until: $("#f-until").value,
    min_confidence: $("#f-confidence").value,
    mentions: $("#f-mentions").checked ? "true" : "",
  };
}

/** What a count counts under the current filters: happenings, or every event mention. */
function noun() {
  return $("#f-mentions").checked ? "event" : "happening";
}

function describeFilters(current) {
  const names = { min_confidence: "confidence ≥" };
  return Object.entries(current).filter(([k, v]) => v && k !== "mentions")
    .map(([k, v]) => `${names[k] || k} ${v}`).join(", ");
}

function submitFilter(scroll) {
  guarded(loadEvents)();
  guarded(loadMap)();
  if (scroll) $("#events").scrollIntoView({ block: "start" });
}

async function loadEvents() {
  const current = filters();
  const body = $("#events-table tbody");
  const rows = await api("events", { ...current, limit: EVENT_LIMIT });
  body.replaceChildren();
  for (const ev of rows) body.append(eventRow(ev));
  const described = describeFilters(current);
  $("#events-count").textContent = `${rows.length === EVENT_LIMIT ? "First " : ""}${
    plural(rows.length, noun())}${described ? " with " + described : ""}.`;
  $("#events-table").dataset.state = "ready";
}

function eventRow(ev) {
  const intensity = ev.intensity === null || ev.intensity === undefined ? "" : ev.intensity.toFixed(1);
  const story = ev.story ? el("a", { href: storyHref(ev.story), class: "story-link",
    "aria-label": `Open the story of ${ev.title || ev.article_id}` }, "Story") : null;
  return el("tr", { "data-category": ev.category, "data-article": ev.article_id },
    el("td", { class: "nowrap", "data-label": "Date", title: ev.date ? "event date" : "publication date",
      text: ev.when || "—" }),
    el("td", { "data-label": "Category" }, categoryBadge(ev.category)),
    el("td", { class: "nowrap", "data-label": "Actors" }, actorPair(ev)),
    el("td", { class: "num", "data-label": "Intensity", text: intensity }),
    el("td", { class: "evidence-cell" }, markedSentence(ev.sentence, ev.start, ev.trigger), ...flags(ev),
      ev.mentions > 1 ? el("span", { class: "hint told", text: ` · told ${ev.mentions} times` }) : null),
    el("td", { class: "nowrap" }, el("a", { href: articleHref(ev.article_id, ev.n), class: "open",
      "aria-label": `Open article ${ev.title || ev.article_id} at this event` }, "Open"), story ? " · " : null, story));
}

/** What the map shows now: the data, the viewBox (null: fit to the data), the chosen place. */
const mapView = { world: null, data: null, box: null, chosen: null };

function renderMap() {
  const box = $("#map");
  box.replaceChildren(drawMap(mapView.world, mapView.data, { label: "World map of the events listed below",
    pixels: box.clientWidth, box: mapView.box,
    onPlace: (place) => guarded(showPlaceEvents)(place), onCountry: (c) => guarded(showCountryEvents)(c) }));
  if (mapView.chosen) markSelected(mapView.chosen.selector);
}

/** Zoom the map by `factor` around the chosen place (else the middle); 0 fits it to the data. */
function zoomMap(factor) {
  if (!mapView.world) return;
  if (!factor) {
    mapView.box = null;
  } else {
    const current = $("#map svg").getAttribute("viewBox").split(" ").map(Number);
    const chosen = mapView.chosen;
    const center = chosen && chosen.lat !== null && chosen.lat !== undefined
      ? project(mapView.world, chosen.lon, chosen.lat) : null;
    mapView.box = zoomBox(mapView.world, current, factor, center);
  }
  renderMap();
}

async function loadMap() {
  const current = filters();
  const [world, data] = await Promise.all([loadWorld(), api("map", current)]);
  Object.assign(mapView, { world, data, box: null, chosen: null });
  renderMap();
  const box = $("#map");
  const described = describeFilters(current);
  $("#map-count").textContent = data.events
    ? `${plural(data.placed, noun())} of ${plural(data.events, noun())}${described ? " with " + described : ""} ` +
      `have a place: ${plural(data.places.length, "place")} marked, ${plural(data.countries.length, "country", "countries")} shaded. ` +
      "Choose a marker or a shaded country to list its events."
    : "No events to map.";
  renderPlaceList(data);
  box.dataset.state = "ready";
}

function renderPlaceList(data) {
  const list = $("#map-places");
  list.replaceChildren();
  const items = [...data.places.map((p) => ({ ...p, kind: "place" })),
    ...data.countries.map((c) => ({ ...c, id: c.country, name: c.name || c.country, kind: "country" }))]
    .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)).slice(0, 12);
  for (const item of items) {
    const show = item.kind === "place" ? () => guarded(showPlaceEvents)(item) : () => guarded(showCountryEvents)(item);
    list.append(el("li", {}, el("button", { type: "button", class: "link", "data-place": item.id, onclick: show },
      item.name), el("span", { class: "hint", text: ` ${plural(item.events, "event")}` })));
  }
}

function markSelected(selector) {
  for (const node of document.querySelectorAll("#map .selected")) node.classList.remove("selected");
  const chosen = selector ? document.querySelector(selector) : null;
  if (chosen) chosen.classList.add("selected");
}

async function showPlaceEvents(place) {
  const rows = await api("events", { ...filters(), place: place.id, limit: EVENT_LIMIT });
  mapView.chosen = { ...place, selector: `#map circle[data-place="${CSS.escape(place.id)}"]` };
  markSelected(mapView.chosen.selector);
  showMapEvents(`Events at ${place.name}`, rows, place.id);
}

async function showCountryEvents(country) {
  const lists = await Promise.all(country.places.map((id) => api("events", { ...filters(), place: id, limit: EVENT_LIMIT })));
  const rows = lists.flat().sort((a, b) => (a.when || "").localeCompare(b.when || ""));
  mapView.chosen = { ...country, selector: `#map path[data-iso="${CSS.escape(country.country)}"]` };
  markSelected(mapView.chosen.selector);
  showMapEvents(`Events placed in ${country.name || country.country}`, rows, country.country);
}

function showMapEvents(title, rows, id) {
  const box = $("#map-detail");
  box.hidden = false;
  box.dataset.place = id;
  $("#map-detail-h").textContent = `${title} (${rows.length})`;
  eventList($("#map-events"), rows, "No events here with these filters.");
  $("#map-detail-h").focus({ preventScroll: true });
  box.scrollIntoView({ block: "nearest" });
}

/* ---------- pairs: timeline, mean intensity, the pair's events ---------- */

async function loadPairs() {
  const pairs = await api("pairs", { limit: 10, mentions: filters().mentions });
  const list = $("#pair-list");
  list.replaceChildren();
  if (!pairs.length) list.append(el("li", { class: "hint", text: "No pairs with two actors yet." }));
  for (const pair of pairs) {
    const link = el("a", { class: "pair-link", href: hashHref({ source: pair.source, target: pair.target }),
      "aria-current": "false", "data-pair": `${pair.source}|${pair.target}` }, `${pair.source} → ${pair.target}`);
    const mean = pair.mean_intensity === null ? "" : `, mean intensity ${pair.mean_intensity}`;
    list.append(el("li", {}, link, el("span", { class: "hint", text: ` ${plural(pair.events, noun())}${mean}` })));
  }
  markCurrentPair();
}

function markCurrentPair() {
  const params = new URLSearchParams(location.hash.slice(1));
  const key = `${params.get("source")}|${params.get("target")}`;
  for (const link of document.querySelectorAll("#pair-list a")) {
    link.setAttribute("aria-current", link.dataset.pair === key ? "true" : "false");
  }
}

async function showPair(source, target) {
  markCurrentPair();
  const path = `pairs/${encodeURIComponent(source)}/${encodeURIComponent(target)}/timeline`;
  const mentions = filters().mentions;
  const [points, forth, back] = await Promise.all([api(path, { period: "month", mentions }),
    api("events", { source, target, limit: EVENT_LIMIT, mentions }),
    source === target ? [] : api("events", { source: target, target: source, limit: EVENT_LIMIT, mentions })]);
  const filled = withEmptyMonths(points);
  $("#timeline-label").textContent = `Events between ${source} and ${target} (either direction) per month: ` +
    `bars count ${noun()}s (red leans to conflict, green to cooperation); the line is their mean intensity, ` +
    "from −10 (most conflictual) to +10 (most cooperative).";
  $("#timeline").replaceChildren(timelineChart(filled, `${source} and ${target}`));
  const rows = [...forth, ...back].sort((a, b) => (a.when || "").localeCompare(b.when || "") ||
    a.article_id.localeCompare(b.article_id) || a.n - b.n);
  $("#pair-events-h").textContent = `Events between ${source} and ${target} (${rows.length})`;
  eventList($("#pair-events"), rows, "No events between these two actors.");
  $("#pair-view").dataset.pair = `${source}|${target}`;
  $("#pairs").scrollIntoView({ block: "start" });
}

/** Monthly points with the months between them that had no events (at most ten years). */
function withEmptyMonths(points) {
  const months = points.filter((p) => /^\d{4}-\d{2}$/.test(p.period || ""));
  if (months.length < 2) return points;
  const index = (period) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
  const first = index(months[0].period), last = index(months[months.length - 1].period);
  if (last - first > 120) return points;
  const byPeriod = new Map(months.map((p) => [p.period, p]));
  const filled = points.filter((p) => !byPeriod.has(p.period || ""));  // undated or yearly first
  for (let i = first; i <= last; i++) {
    const period = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    filled.push(byPeriod.get(period) || { period, events: 0, mean_intensity: null });
  }
  return filled;
}

function timelineChart(points, who) {
  if (!points.length) return el("p", { class: "hint", text: "No dated events." });
  const barW = 46, gap = 6, height = 160, top = 18, bottom = 34, right = 34;
  const inner = height - top - bottom;
  const most = Math.max(1, ...points.map((p) => p.events));
  const width = points.length * (barW + gap) + gap + right;
  const intensityY = (v) => top + ((10 - v) / 20) * inner;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "timeline",
    "aria-label": `Events between ${who} per month, with mean intensity: ` + points.map((p) =>
      `${p.period || "undated"} ${p.events}${p.mean_intensity === null ? "" : " (mean " + p.mean_intensity + ")"}`).join(", ") });
  const axisX = gap + points.length * (barW + gap);
  chart.append(svg("line", { x1: 0, x2: axisX, y1: intensityY(0), y2: intensityY(0), class: "zero" }));
  for (const v of [10, 0, -10]) {
    chart.append(svg("text", { x: axisX + 4, y: intensityY(v) + 4, class: "axis" }, v > 0 ? `+${v}` : String(v)));
  }
  const line = [];
  points.forEach((p, i) => {
    const h = p.events ? Math.max(2, (inner * p.events) / most) : 0;
    const x = gap + i * (barW + gap), y = height - bottom - h;
    const rect = svg("rect", { x, y, width: barW, height: h, rx: 2,
      class: p.mean_intensity !== null && p.mean_intensity < 0 ? "conflict" : "coop",
      "data-period": p.period || "", "data-events": p.events });
    rect.append(svg("title", {}, `${p.period || "undated"}: ${p.events} events, mean intensity ${p.mean_intensity ?? "—"}`));
    chart.append(rect, svg("text", { x: x + barW / 2, y: y - 4, "text-anchor": "middle" }, p.events || ""),
      svg("text", { x: x + barW / 2, y: height - bottom + 14, "text-anchor": "middle", class: "axis" }, p.period || "undated"));
    if (p.mean_intensity !== null && p.mean_intensity !== undefined) {
      line.push([x + barW / 2, intensityY(p.mean_intensity), p]);
    }
  });
  if (line.length) {
    chart.append(svg("polyline", { class: "intensity", points: line.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "),
      "data-values": line.map(([, , p]) => p.mean_intensity).join(" ") }));
    for (const [x, y, p] of line) {
      const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3.5, class: "intensity" });
      dot.append(svg("title", {}, `${p.period || "undated"}: mean intensity ${p.mean_intensity}`));
      chart.append(dot);
    }
  }
  return chart;
}

/* ---------- routing and start ---------- */

function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get("article")) {
    const n = params.has("event") ? Number.parseInt(params.get("event"), 10) : null;
    guarded(openArticle)(params.get("article"), Number.isNaN(n) ? null : n);
  } else if (params.get("story")) {
    guarded(showStory)(params.get("story"));
  } else if (params.get("source") && params.get("target")) {
    guarded(showPair)(params.get("source"), params.get("target"));
  }
}

function start() {
  const select = $("#f-category");
  for (const category of CATEGORIES) select.append(el("option", { value: category, text: category }));
  $("#search-form").addEventListener("submit", guarded(runSearch));
  $("#event-filter").addEventListener("submit", (e) => { e.preventDefault(); submitFilter(false); });
  $("#event-filter").addEventListener("reset", () => setTimeout(() => submitFilter(false), 0));
  $("#f-mentions").addEventListener("change", () => { guarded(loadSummary)(); guarded(loadPairs)(); submitFilter(false); });
  $("#article-close").addEventListener("click", closeArticle);
  $("#story-close").addEventListener("click", closeStory);
  onActor(listActorEvents);
  $("#map-legend").replaceChildren(legend());
  $("#map-zoom-in").addEventListener("click", () => zoomMap(0.5));
  $("#map-zoom-out").addEventListener("click", () => zoomMap(2));
  $("#map-fit").addEventListener("click", () => zoomMap(0));
  for (const box of document.querySelectorAll(".legend input")) {
    box.addEventListener("change", () => $("#article-text").classList.toggle(`hide-${box.dataset.kind}`, !box.checked));
  }
  window.addEventListener("hashchange", route);
  guarded(loadSummary)();
  guarded(loadEvents)();
  guarded(loadMap)();
  guarded(loadPairs)();
  route();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
