/* newsgraph dashboard: plain JavaScript over the REST API, no build step, no libraries.
 *
 * Every URL is relative to the page, so the dashboard works wherever the API is served.
 * Text from the store is only ever inserted as text nodes, never parsed as markup.
 * Offsets: events, entities and quotes index the *source text*; an article's own text
 * starts at source.start, so the local offset is x.start - source.start (CONTRACT.md).
 */
"use strict";

const CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const COUNT_LABELS = [["articles", "Articles"], ["events", "Events"], ["actors", "Actors"],
  ["quotes", "Quotes"], ["places", "Places"], ["duplicates", "Duplicates"]];
const EVENT_LIMIT = 200;
const actorNames = new Map();

/* ---------- small helpers ---------- */

function $(selector) { return document.querySelector(selector); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  return node;
}

function status(message, isError) {
  const box = $("#status");
  box.textContent = message || "";
  box.classList.toggle("error", Boolean(isError));
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const reason = body && body.error ? body.error : response.statusText;
    throw new Error(`${reason}${body && body.code ? " (" + body.code + ")" : ""}`);
  }
  return body;
}

function guarded(action) {
  return async (...args) => {
    try {
      await action(...args);
    } catch (err) {
      status(`Could not load: ${err.message}`, true);
    }
  };
}

function actorLabel(id) {
  return id || "—";
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function actorTitle(id) {
  return id && actorNames.has(id) ? actorNames.get(id) : null;
}

function articleHref(id, n) {
  const params = new URLSearchParams({ article: id });
  if (n !== undefined && n !== null) params.set("event", n);
  return "#" + params;
}

/** The sentence with its trigger word wrapped in <mark>; offsets are relative to `base`. */
function markedSentence(sentence, base, trigger) {
  const span = el("span", { class: "evidence" });
  if (!trigger) {
    span.textContent = sentence;
    return span;
  }
  const from = Math.max(0, Math.min(sentence.length, trigger.start - base));
  const to = Math.max(from, Math.min(sentence.length, trigger.end - base));
  span.append(sentence.slice(0, from), el("mark", { class: "trigger", text: sentence.slice(from, to) }),
    sentence.slice(to));
  return span;
}

/* ---------- summary ---------- */

async function loadSummary() {
  const summary = await api("summary");
  const counts = $("#counts");
  counts.replaceChildren();
  for (const [key, label] of COUNT_LABELS) {
    counts.append(el("div", { class: "count", "data-count": key },
      el("dt", { text: label }), el("dd", { text: Number(summary[key] || 0).toLocaleString("en") })));
  }
  counts.dataset.state = "ready";
  renderCategories(summary.by_category || {});
  renderTopActors(summary.top_actors || []);
  if (!summary.articles) status("The store is empty: load articles with `newsgraph analyze … --db FILE`.");
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
      "aria-label": `${category}: ${n} events, list them`,
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
    const filter = el("button", { type: "button", class: "link", "aria-label": `List events of ${actor.name}`,
      onclick: () => { $("#f-actor").value = actor.id; submitFilter(true); } }, actor.name);
    list.append(el("li", {}, filter, " ", el("code", { text: actor.id }),
      el("span", { class: "hint", text: ` · ${actor.mentions} mentions` })));
    options.append(el("option", { value: actor.id }, actor.name));
  }
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
    list.append(el("li", { "data-id": hit.id }, link,
      el("span", { class: "hint", text: ` ${hit.published || "undated"} · ${hit.uri}` }),
      el("p", { class: "snippet" }, snippet(hit.snippet || ""))));
  }
}

/** FTS5 snippet text with its [bracketed] words as <mark>, built from text nodes. */
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

/* ---------- events ---------- */

function filters() {
  return {
    actor: $("#f-actor").value.trim(),
    category: $("#f-category").value,
    since: $("#f-since").value,
    until: $("#f-until").value,
  };
}

function submitFilter(scroll) {
  guarded(loadEvents)();
  if (scroll) $("#events").scrollIntoView({ block: "start" });
}

async function loadEvents() {
  const current = filters();
  const body = $("#events-table tbody");
  const rows = await api("events", { ...current, limit: EVENT_LIMIT });
  body.replaceChildren();
  for (const ev of rows) body.append(eventRow(ev));
  const described = Object.entries(current).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(", ");
  $("#events-count").textContent = `${rows.length === EVENT_LIMIT ? "First " : ""}${
    plural(rows.length, "event")}${described ? " with " + described : ""}.`;
  $("#events-table").dataset.state = "ready";
}

function eventRow(ev) {
  const pair = el("span", {},
    el("abbr", { title: actorTitle(ev.source), text: actorLabel(ev.source) }), " → ",
    el("abbr", { title: actorTitle(ev.target), text: actorLabel(ev.target) }));
  const flags = [];
  if (ev.negated) flags.push(el("span", { class: "flag", text: "negated" }));
  if (ev.modality && ev.modality !== "asserted") flags.push(el("span", { class: "flag", text: ev.modality }));
  const intensity = ev.intensity === null || ev.intensity === undefined ? "" : ev.intensity.toFixed(1);
  return el("tr", { "data-category": ev.category, "data-article": ev.article_id },
    el("td", { class: "nowrap", "data-label": "Date", title: ev.date ? "event date" : "publication date",
      text: ev.when || "—" }),
    el("td", { "data-label": "Category" },
      el("span", { class: `cat cat-${ev.category.toLowerCase()}`, text: ev.category })),
    el("td", { class: "nowrap", "data-label": "Actors" }, pair),
    el("td", { class: "num", "data-label": "Intensity", text: intensity }),
    el("td", { class: "evidence-cell" }, markedSentence(ev.sentence, ev.start, ev.trigger), ...flags),
    el("td", {}, el("a", { href: articleHref(ev.article_id, ev.n), class: "open",
      "aria-label": `Open article ${ev.title || ev.article_id} at this event` }, "Open")));
}

/* ---------- pairs and timeline ---------- */

async function loadPairs() {
  const pairs = await api("pairs", { limit: 10 });
  const list = $("#pair-list");
  list.replaceChildren();
  if (!pairs.length) list.append(el("li", { class: "hint", text: "No pairs with two actors yet." }));
  for (const pair of pairs) {
    const button = el("button", { type: "button", class: "link", "aria-pressed": "false",
      "data-pair": `${pair.source}|${pair.target}`,
      onclick: (e) => guarded(showTimeline)(pair, e.currentTarget) },
    `${pair.source} → ${pair.target}`);
    const mean = pair.mean_intensity === null ? "" : `, mean intensity ${pair.mean_intensity}`;
    list.append(el("li", {}, button, el("span", { class: "hint", text: ` ${plural(pair.events, "event")}${mean}` })));
  }
}

async function showTimeline(pair, button) {
  for (const other of document.querySelectorAll("#pair-list button")) other.setAttribute("aria-pressed", "false");
  button.setAttribute("aria-pressed", "true");
  const path = `pairs/${encodeURIComponent(pair.source)}/${encodeURIComponent(pair.target)}/timeline`;
  const points = withEmptyMonths(await api(path, { period: "month" }));
  $("#timeline-label").textContent = `Events between ${pair.source} and ${pair.target} (either direction), ` +
    "per month; red bars lean to conflict (mean intensity below 0), green to cooperation.";
  $("#timeline").replaceChildren(timelineChart(points, `${pair.source} and ${pair.target}`));
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
  const barW = 46, gap = 6, height = 140, top = 18, bottom = 34;
  const most = Math.max(1, ...points.map((p) => p.events));
  const width = points.length * (barW + gap) + gap;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
    "aria-label": `Events between ${who} per month: ` +
      points.map((p) => `${p.period || "undated"} ${p.events}`).join(", ") });
  chart.classList.add("timeline");
  points.forEach((p, i) => {
    const h = p.events ? Math.max(2, ((height - top - bottom) * p.events) / most) : 0;
    const x = gap + i * (barW + gap), y = height - bottom - h;
    const rect = svg("rect", { x, y, width: barW, height: h, rx: 2 });
    rect.classList.add(p.mean_intensity !== null && p.mean_intensity < 0 ? "conflict" : "coop");
    rect.dataset.period = p.period || "";
    rect.dataset.events = p.events;
    const tip = svg("title");
    tip.textContent = `${p.period || "undated"}: ${p.events} events, mean intensity ${p.mean_intensity ?? "—"}`;
    rect.append(tip);
    const count = svg("text", { x: x + barW / 2, y: y - 4, "text-anchor": "middle" });
    count.textContent = p.events || "";
    const label = svg("text", { x: x + barW / 2, y: height - bottom + 14, "text-anchor": "middle" });
    label.classList.add("axis");
    label.textContent = p.period || "undated";
    chart.append(rect, count, label);
  });
  return chart;
}

/* ---------- article view ---------- */

/** Spans of one article in local offsets: {start, end, kind, note}. */
function articleSpans(doc) {
  const base = doc.source.start;
  const len = doc.text.length;
  const spans = [];
  const add = (start, end, kind, note, extra) => {
    const s = Math.max(0, Math.min(len, start - base)), e = Math.max(0, Math.min(len, end - base));
    if (e > s) spans.push({ start: s, end: e, kind, note, ...extra });
  };
  for (const ent of doc.entities || []) {
    add(ent.start, ent.end, "entity", `${ent.label}${ent.actor ? " → " + ent.actor : ""}`);
  }
  (doc.events || []).forEach((ev, n) => {
    const note = `${ev.category} ${ev.source || "?"} → ${ev.target || "?"}`;
    add(ev.start, ev.end, "event", note, { n });
    if (ev.trigger) add(ev.trigger.start, ev.trigger.end, "trigger", `trigger of ${note}`, { n });
  });
  for (const quote of doc.quotes || []) {
    add(quote.start, quote.end, "quote", `quote${quote.speaker ? " by " + quote.speaker : ""}`);
  }
  return spans;
}

/** The text cut at every span boundary; each piece knows the spans covering it. */
function pieces(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    out.push({ from, to, covering: spans.filter((s) => s.start <= from && s.end >= to) });
  }
  return out;
}

function renderArticleText(doc, focus) {
  const box = $("#article-text");
  box.replaceChildren();
  const focused = focus === null ? null : (doc.events || [])[focus];
  const base = doc.source.start;
  const range = focused ? [focused.start - base, focused.end - base] : null;
  let evidence = null;
  for (const piece of pieces(doc.text, articleSpans(doc))) {
    const words = doc.text.slice(piece.from, piece.to);
    const kinds = [...new Set(piece.covering.map((s) => s.kind))];
    const inFocus = range && piece.from >= range[0] && piece.to <= range[1];
    const isFocusTrigger = inFocus && piece.covering.some((s) => s.kind === "trigger" && s.n === focus);
    let node;
    if (isFocusTrigger) {
      node = el("strong", { class: ["hl", ...kinds, "focus-trigger"].join(" ") }, words);
    } else if (kinds.length) {
      node = el("span", { class: ["hl", ...kinds].join(" ") }, words);
    } else {
      node = document.createTextNode(words);
    }
    if (kinds.length) node.title = piece.covering.map((s) => s.note).join("\n");
    if (inFocus) {
      if (!evidence) {
        evidence = el("mark", { id: "evidence", class: "focus", tabindex: "-1",
          "aria-label": `evidence: ${focused.category} event` });
        box.append(evidence);
      }
      evidence.append(node);
    } else {
      box.append(node);
    }
  }
  return evidence;
}

async function openArticle(id, focus) {
  const doc = await api(`articles/${encodeURIComponent(id)}`);
  const section = $("#article");
  section.hidden = false;
  section.dataset.article = doc.id;
  $("#article-h").textContent = doc.title || `Article ${doc.id}`;
  $("#article-meta").textContent = [doc.published || "undated", doc.source.uri,
    `${(doc.events || []).length} events`, `${(doc.entities || []).length} entities`,
    `${(doc.quotes || []).length} quotes`].join(" · ");
  for (const actor of doc.actors || []) if (!actorNames.has(actor.id)) actorNames.set(actor.id, actor.name);
  const valid = Number.isInteger(focus) && focus >= 0 && focus < (doc.events || []).length;
  const evidence = renderArticleText(doc, valid ? focus : null);
  renderArticleEvents(doc, valid ? focus : null);
  if (evidence) {
    evidence.scrollIntoView({ block: "center" });
    evidence.focus({ preventScroll: true });
  } else {
    section.scrollIntoView({ block: "start" });
    $("#article-h").focus({ preventScroll: true });
  }
}

function renderArticleEvents(doc, focus) {
  const list = $("#article-events");
  list.replaceChildren();
  const base = doc.source.start;
  if (!(doc.events || []).length) list.append(el("li", { class: "hint", text: "No events found in this article." }));
  (doc.events || []).forEach((ev, n) => {
    const sentence = doc.text.slice(ev.start - base, ev.end - base);
    const link = el("a", { href: articleHref(doc.id, n), "aria-current": n === focus ? "true" : null },
      `${ev.category} ${ev.source || "?"} → ${ev.target || "?"}`);
    list.append(el("li", { class: n === focus ? "current" : null }, link,
      el("span", { class: "hint", text: ` ${ev.date || ""} ` }), markedSentence(sentence, ev.start, ev.trigger)));
  });
}

function closeArticle() {
  $("#article").hidden = true;
  history.replaceState(null, "", location.pathname + location.search);
  $("#events-h").scrollIntoView({ block: "start" });
}

function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  const id = params.get("article");
  if (!id) return;
  const n = params.has("event") ? Number.parseInt(params.get("event"), 10) : null;
  guarded(openArticle)(id, Number.isNaN(n) ? null : n);
}

/* ---------- start ---------- */

function start() {
  const select = $("#f-category");
  for (const category of CATEGORIES) select.append(el("option", { value: category, text: category }));
  $("#search-form").addEventListener("submit", guarded(runSearch));
  $("#event-filter").addEventListener("submit", (e) => { e.preventDefault(); submitFilter(false); });
  $("#event-filter").addEventListener("reset", () => setTimeout(() => submitFilter(false), 0));
  $("#article-close").addEventListener("click", closeArticle);
  for (const box of document.querySelectorAll(".legend input")) {
    box.addEventListener("change", () => $("#article-text").classList.toggle(`hide-${box.dataset.kind}`, !box.checked));
  }
  window.addEventListener("hashchange", route);
  guarded(loadSummary)();
  guarded(loadEvents)();
  guarded(loadPairs)();
  route();
}

document.addEventListener("DOMContentLoaded", start);
