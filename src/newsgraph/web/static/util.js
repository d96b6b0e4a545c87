/* Small helpers shared by the dashboard's modules: DOM building, the API, event items.
 *
 * Text from the store is only ever inserted as text nodes, never parsed as markup.
 */

/** PLOVER categories from the most cooperative to the most conflictual; the first eight
 * (AGREE ... REQUEST: CAMEO's verbal and material cooperation and appeals) are the
 * cooperation family, the last eight (ACCUSE ... ASSAULT) the conflict family. */
export const CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
export const COOPERATION = new Set(CATEGORIES.slice(0, 8));

export const actorNames = new Map();

export function $(selector) { return document.querySelector(selector); }

export function el(tag, attrs, ...children) {
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

export function svg(tag, attrs, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

export function status(message, isError) {
  const box = $("#status");
  box.textContent = message || "";
  box.classList.toggle("error", Boolean(isError));
}

export async function api(path, params) {
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

export function guarded(action) {
  return async (...args) => {
    try {
      await action(...args);
    } catch (err) {
      status(`Could not load: ${err.message}`, true);
    }
  };
}

export function plural(n, word, many) {
  return `${Number(n).toLocaleString("en")} ${n === 1 ? word : many || word + "s"}`;
}

export function actorTitle(id) {
  return id && actorNames.has(id) ? actorNames.get(id) : null;
}

export function hashHref(params) {
  return "#" + new URLSearchParams(params);
}

export function articleHref(id, n) {
  return hashHref(n === undefined || n === null ? { article: id } : { article: id, event: n });
}

export function storyHref(story) {
  return hashHref({ story });
}

export function family(category) {
  return COOPERATION.has(category) ? "cooperation" : "conflict";
}

/** The sentence with its trigger word wrapped in <mark>; offsets are relative to `base`. */
export function markedSentence(sentence, base, trigger) {
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

export function actorPair(ev) {
  return el("span", { class: "pair" },
    el("abbr", { title: actorTitle(ev.source), text: ev.source || "—" }), " → ",
    el("abbr", { title: actorTitle(ev.target), text: ev.target || "—" }));
}

export function flags(ev) {
  const out = [];
  if (ev.negated) out.push(el("span", { class: "flag", text: "negated" }));
  if (ev.modality && ev.modality !== "asserted") out.push(el("span", { class: "flag", text: ev.modality }));
  return out;
}

export function categoryBadge(category) {
  return el("span", { class: `cat cat-${category.toLowerCase()} ${family(category)}`, text: category });
}

/** One event (an /events row) as a list item: date, category, actors, evidence, links. */
export function eventItem(ev, options) {
  const links = [el("a", { href: articleHref(ev.article_id, ev.n), class: "open",
    "aria-label": `Open article ${ev.title || ev.article_id} at this event` }, "article")];
  if (ev.story && !(options && options.inStory)) {
    links.push(" · ", el("a", { href: storyHref(ev.story), class: "story-link",
      "aria-label": `Open the story of ${ev.title || ev.article_id}` }, "story"));
  }
  return el("li", { class: "event-item", "data-category": ev.category, "data-article": ev.article_id },
    el("div", { class: "event-head" },
      el("span", { class: "nowrap date", text: ev.when || "undated" }), " ", categoryBadge(ev.category), " ",
      actorPair(ev), ...flags(ev), el("span", { class: "links" }, " (", ...links, ")")),
    el("p", { class: "evidence-line" }, markedSentence(ev.sentence, ev.start, ev.trigger)));
}

/** A list of events, or a hint when there are none. */
export function eventList(list, rows, empty, options) {
  list.replaceChildren();
  if (!rows.length) list.append(el("li", { class: "hint", text: empty }));
  for (const ev of rows) list.append(eventItem(ev, options));
}
