/* The article view and the story view.
 *
 * Offsets: events, entities and quotes index the *source text*; an article's own text starts
 * at source.start, so the local offset is x.start - source.start (CONTRACT.md).
 */
import { $, el, api, actorNames, articleHref, storyHref, markedSentence, plural, eventList } from "./util.js";
import { loadWorld, drawMap } from "./map.js";

const ACTORS_SHOWN = 10;
let actorAction = null;

/** What choosing an actor in the story view does (the dashboard lists that actor's events). */
export function onActor(action) { actorAction = action; }

/* ---------- article ---------- */

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

export async function openArticle(id, focus) {
  const doc = await api(`articles/${encodeURIComponent(id)}`);
  const section = $("#article");
  section.hidden = false;
  section.dataset.article = doc.id;
  $("#article-h").textContent = doc.title || `Article ${doc.id}`;
  $("#article-meta").textContent = [doc.published || "undated", doc.source.uri,
    `${(doc.events || []).length} events`, `${(doc.entities || []).length} entities`,
    `${(doc.quotes || []).length} quotes`].join(" · ");
  const story = $("#article-story");
  story.replaceChildren();
  if (doc.story) story.append(el("a", { href: storyHref(doc.story), class: "story-link" }, "Open this article's story"));
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

export function closeArticle() {
  $("#article").hidden = true;
  history.replaceState(null, "", location.pathname + location.search);
  $("#events-h").scrollIntoView({ block: "start" });
}

/* ---------- story ---------- */

export async function showStory(id) {
  const [story, world] = await Promise.all([api(`stories/${encodeURIComponent(id)}`), loadWorld()]);
  const section = $("#story");
  section.hidden = false;
  section.dataset.story = story.id;
  const titled = story.articles.find((a) => a.title) || story.articles[0];
  $("#story-h").textContent = `Story: ${titled ? titled.title || titled.id : story.id}`;
  const dates = story.articles.map((a) => day(a.published)).filter(Boolean);
  $("#story-meta").textContent = `${plural(story.articles.length, "article")}, ${plural(story.events.length, "event")}` +
    (dates.length ? `, ${dates[0]} to ${dates[dates.length - 1]}` : ", undated");
  renderStoryArticles(story.articles);
  eventList($("#story-events"), story.events, "No events in this story.", { inStory: true });
  const map = drawMap(world, story, { label: "Places of this story", minWidth: 160, pixels: $("#story-map").clientWidth,
    onPlace: (place) => showStoryPlace(story, place) });
  $("#story-map").replaceChildren(map);
  renderStoryActors(story.actors);
  section.scrollIntoView({ block: "start" });
  $("#story-h").focus({ preventScroll: true });
}

function renderStoryArticles(articles) {
  const list = $("#story-articles");
  list.replaceChildren();
  for (const article of articles) {
    const dup = article.duplicate_of ? el("span", { class: "flag", text: "near-duplicate" }) : null;
    list.append(el("li", { "data-id": article.id },
      el("span", { class: "nowrap date", title: article.published, text: day(article.published) || "undated" }), " ",
      el("a", { href: articleHref(article.id) }, article.title || article.id), dup,
      el("span", { class: "hint", text: ` · ${plural(article.events, "event")}` })));
  }
}

/** The date part of a publication date or timestamp. */
function day(published) {
  return published ? published.slice(0, 10) : null;
}

function renderStoryActors(actors) {
  const list = $("#story-actors");
  list.replaceChildren();
  if (!actors.length) list.append(el("li", { class: "hint", text: "No actors." }));
  $("#story-actors-more").hidden = actors.length <= ACTORS_SHOWN;
  const rest = $("#story-actors-rest");
  rest.replaceChildren();
  rest.start = ACTORS_SHOWN + 1;
  for (const [i, actor] of actors.entries()) {
    actorNames.set(actor.id, actor.name);
    const name = actorAction ? el("button", { type: "button", class: "link",
      "aria-label": `List events of ${actor.name}`, onclick: () => actorAction(actor) }, actor.name) : actor.name;
    (i < ACTORS_SHOWN ? list : rest).append(el("li", {}, name, " ", el("code", { text: actor.id }),
      el("span", { class: "hint", text: ` · ${plural(actor.mentions, "mention")}` })));
  }
  $("#story-actors-more summary").textContent = `${plural(actors.length - ACTORS_SHOWN, "more actor")}`;
}

function showStoryPlace(story, place) {
  const rows = story.events.filter((ev) => ev.place === place.id);
  for (const node of document.querySelectorAll("#story-map .selected")) node.classList.remove("selected");
  const marker = document.querySelector(`#story-map circle[data-place="${CSS.escape(place.id)}"]`);
  if (marker) marker.classList.add("selected");
  $("#story-place-h").textContent = `Events of this story at ${place.name} (${rows.length})`;
  $("#story-place").hidden = false;
  eventList($("#story-place-events"), rows, `${place.name} is named, but no event is placed there.`, { inStory: true });
  $("#story-place-h").focus({ preventScroll: true });
}

export function closeStory() {
  $("#story").hidden = true;
  history.replaceState(null, "", location.pathname + location.search);
  $("#events-h").scrollIntoView({ block: "start" });
}
