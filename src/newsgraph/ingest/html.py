"""HTML page -> article body text plus title, date, author and language.

Built on trafilatura (offline): its precision-leaning extractor finds the main content,
with a recall-leaning second pass when the first finds (almost) nothing. The text is then
tidied line by line: one paragraph per line, the headline dropped from the body (it is
returned as ``title``), and leftover boilerplate lines (share prompts, newsletter pitches,
"Related:" link lists, separators) removed.

Example:
    >>> page = extract_html(html_text, url="https://example.com/news/1")  # doctest: +SKIP
    >>> page.text.split("\\n")[0]  # doctest: +SKIP
    'WASHINGTON (AP) - The Senate voted on Tuesday ...'
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # trafilatura is imported when a page is extracted: plain text never pays for it
    from lxml.html import HtmlElement
    from trafilatura.settings import Document

from ..months import month_pattern

log = logging.getLogger(__name__)


@dataclass(slots=True)
class HtmlPage:
    """The article a page holds: body text (paragraphs split by "\\n") and metadata."""

    text: str
    title: str | None
    published: str | None
    author: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class HtmlSettings:
    """Extraction options (defaults are the measured best on the AEB dev set)."""

    favor_precision: bool = True
    include_tables: bool = True
    fallback_below_words: int = 60  # second, recall-leaning pass when the body is shorter
    min_words: int = 20  # fewer words in sentence-like lines: the page has no article
    sentence_words: int = 8  # a line this long or longer reads as prose, not a link or label
    clean_lines: bool = True
    keep_social_posts: bool = True  # keep embedded tweets/posts the article quotes


DEFAULT_SETTINGS = HtmlSettings()

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_ALNUM = re.compile(r"\w")  # keeps "___" separators (AP style), drops "|---|" and "* * *"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")

# Whole-line boilerplate: navigation prompts, share bars, newsletter and follow pitches.
_BOILERPLATE_LINE = re.compile(
    r"""^(?:
        advertisement | advertisements | sponsored(?:\s+content)? | ad
      | share(?:\s+(?:this|on\s+\w+|the\s+story|article))? | tweet | e-?mail | print | comments?
      | \d+\s+comments? | leave\s+a\s+(?:comment|reply) | tell\s+us\s+what\s+you\s+think.*
      | (?:you\s+(?:may|might)\s+also\s+like | don'?t\s+miss | do\s+not\s+miss | most\s+(?:read|popular)
         | recommended(?:\s+for\s+you)? | trending(?:\s+now)? | more\s+stories
         | related\s+(?:stories|articles|posts)
         | read\s+next | up\s+next)\b.{0,40}
      | (?:filed\s+under|tags?|tagged|categories|category|topics)\s*[:|].*
      | (?:copyright|\u00a9).{0,120} | .{0,80}\ball\s+rights\s+reserved\b.{0,40}
      | (?:sign\s+up|subscribe)\b.{0,120}\b(?:newsletters?|inbox|updates)\b.{0,60}
      | .{0,60}\bnewsletters?\s*
      | get\s+the\s+.{0,80}\b(?:delivered|inbox|newsletter)\b.{0,80}
      | follow\s+(?:us|him|her|them|[\w.@'\- ]{1,40})\s+on\s+
        (?:twitter|facebook|instagram|linkedin|youtube)\b.{0,100}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A heading that introduces a block of links to other articles ("Related:", "More:").
_LINK_LIST_HEAD = re.compile(
    r"^(?:related|see\s+more|see\s+also|read\s+more|read\s+also|also\s+read|more|also)\s*[:|\-\u2013\u2014]",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^[-\u2013\u2022*]\s")
_MAX_BOILERPLATE_WORDS = 30


def decode_html(data: bytes) -> str:
    """Decode page bytes: BOM, then declared charset, then UTF-8, then a detector guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii").lower()
        try:
            return data.decode(_CHARSET_ALIASES.get(declared, declared), errors="replace")
        except LookupError:
            log.debug("unknown declared charset %r", match.group(1))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do we.
_CHARSET_ALIASES = {label: "cp1252" for label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii")}


def extract_html(html: str, *, url: str | None = None) -> HtmlPage | None:
    """Extract the article of an HTML page.

    Args:
        html: the decoded page (the caller handles bytes and charsets, see ``decode_html``).
        url: the page address, used by trafilatura for metadata and link filtering.

    Returns:
        An ``HtmlPage``, or None when the page holds no article text.
    """
    return extract_with(html, url=url, settings=DEFAULT_SETTINGS)


def extract_with(html: str, *, url: str | None, settings: HtmlSettings) -> HtmlPage | None:
    """``extract_html`` with explicit settings (for evaluation and experiments)."""
    tree = _load(html, settings=settings)
    if tree is None:
        return None
    headers = _header_texts(tree)
    doc = _run(tree, url=url, settings=settings, precision=settings.favor_precision)
    text = doc.text if doc is not None and doc.text else ""
    if settings.favor_precision and _count_words(text) < settings.fallback_below_words:
        second = _run(tree, url=url, settings=settings, precision=False)
        if second is not None and _count_words(second.text or "") > _count_words(text):
            doc, text = second, second.text or ""
    if doc is None:
        return None
    title = _clean_title(doc.title, sitename=doc.sitename, url=url)
    if settings.clean_lines:
        text = clean_text(text, title=title, author=doc.author, headers=headers)
    else:
        text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    if _prose_words(text, min_line_words=settings.sentence_words) < settings.min_words:
        log.debug("no article text on %s", url or "<page>")
        return None
    return HtmlPage(
        text=text,
        title=title,
        published=doc.date or None,
        author=_clean_author(doc.author),
        language=_language(doc.language, html),
    )


def _load(html: str, *, settings: HtmlSettings) -> HtmlElement | None:
    """Parse once (trafilatura copies the tree for each pass) and free embedded posts."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except (ValueError, TypeError) as err:
        log.warning("unparsable HTML: %s", err)
        return None
    if tree is not None and settings.keep_social_posts:
        _free_social_posts(tree)
    return tree


# Embedded posts (the standard Twitter/Instagram/TikTok/Facebook embed markup) are quoted
# content; their wrappers are often classed "social ..." and pruned as share bars.
_EMBED_XPATH = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed') or contains(@class, 'fb-xfbml-parse-ignore')]"
)
_WRAPPER_CLASS = re.compile(r"social|embed|share", re.IGNORECASE)


def _free_social_posts(tree: HtmlElement) -> None:
    """Drop the "social"/"embed" class of wrappers that hold nothing but an embedded post."""
    for quote in tree.xpath(_EMBED_XPATH):
        own_text = " ".join(quote.text_content().split())
        for parent in quote.iterancestors():
            if not _WRAPPER_CLASS.search(parent.get("class", "") + " " + parent.get("id", "")):
                break
            if " ".join(parent.text_content().split()) != own_text:
                break
            parent.attrib.pop("class", None)
            parent.attrib.pop("id", None)


_MAX_HEADER_WORDS = 60


def _header_texts(tree: HtmlElement) -> frozenset[str]:
    """Folded texts of the page's <h1> headlines: the headline is metadata, not body text.

    (Dropping standfirst/deck elements too was measured: no gain, annotators disagree.)
    """
    found = set()
    for node in tree.iter("h1"):
        text = _fold(node.text_content())
        if text and len(text.split()) <= _MAX_HEADER_WORDS:
            found.add(text)
    return frozenset(found)


def _run(tree: HtmlElement, *, url: str | None, settings: HtmlSettings, precision: bool) -> Document | None:
    """One trafilatura pass, precision- or recall-leaning."""
    import trafilatura
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=precision,
            favor_recall=not precision,
            include_comments=False,
            include_tables=settings.include_tables,
            with_metadata=True,
        )
    except (ValueError, TypeError, AttributeError) as err:  # malformed markup deep in lxml
        log.warning("trafilatura failed on %s: %s", url or "<page>", err)
        return None
    return doc if isinstance(doc, Document) else None


def _count_words(text: str) -> int:
    """Word count; CJK scripts write no spaces, so two of their characters count as a word."""
    return len(_WORD.findall(text)) + len(_CJK.findall(text)) // 2


def _prose_words(text: str, *, min_line_words: int) -> int:
    """Words in lines long enough to be prose (menus and link lists have short lines)."""
    counts = (_count_words(line) for line in text.splitlines())
    return sum(n for n in counts if n >= min_line_words)


def clean_text(
    text: str,
    *,
    title: str | None = None,
    author: str | None = None,
    headers: frozenset[str] = frozenset(),
) -> str:
    """One paragraph per line, minus headline repeats, bylines and boilerplate lines.

    ``headers`` holds folded texts of the page's headline elements (see ``_header_texts``);
    lines equal to one of them are dropped near the top.
    """
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if _ALNUM.search(line)]
    if headers:
        lines = [line for i, line in enumerate(lines) if i >= _HEAD_LINES or _fold(line) not in headers]
    lines = _drop_edge_lines(lines, title=title, author=author)
    kept: list[str] = []
    in_link_list = False
    for line in lines:
        if in_link_list and _LIST_ITEM.match(line):
            continue
        in_link_list = False
        if _is_link_list_head(line):
            in_link_list = True
            continue
        if _is_boilerplate(line) or _SHORTCODE.search(line) or _TEASER_TAG.search(line):
            continue
        kept.append(line)
    return "\n".join(_trim_tail(kept))


# WordPress-style shortcodes left in the text: [button link="..."]...[/button]
_SHORTCODE = re.compile(r"\[/?[a-z_]+(?:\s+[a-z_-]+\s*=[^\]]*)+\]|\[/[a-z_]+\]")
# Teaser links tagged like "Storm hits coast [VIDEO]" / "[PICTURES]".
_TEASER_TAG = re.compile(
    r"\[(?:VIDEO|VIDEOS|PICS|PICTURES|PHOTOS|GALLERY|INSIGHT|REACTION|REVEALED|POLL|LIVE|LATEST|MAP|CHART)\]\W*$"
)
# Closing pitches and notes: contact and follow lines, subscriptions, memberships, sources.
_TAIL_NOISE = re.compile(
    r"""(?:
        \bfollow\s+[^.]{0,60}\bon\s+(?:twitter|facebook|instagram|linkedin|youtube)\b
      | \bfollow\s+[^.]{0,40}\bcoverage\b
      | \b(?:may|can)\s+be\s+reached\s+(?:at|by|on)\b
      | ^(?:get|join|sign\s+up|subscribe|become\s+a|support\s+(?:our|independent))\b.{0,200}
         \b(?:subscri\w*|newsletters?|inbox|delivered|member\w*|access|issues|offer)\b
      | ^if\s+you\s+(?:enjoyed|liked|found|value)\s+this\b
      | ^(?:source|sources|via)\s*:.{0,60}$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_TAIL_WORDS = 60
_TAIL_SPAN = 4


def _trim_tail(lines: list[str]) -> list[str]:
    """Pop closing pitches (follow us, subscribe, contact the author) off the end."""
    end = len(lines)
    while end > 1 and len(lines) - end < _TAIL_SPAN:
        line = lines[end - 1]
        if len(line.split()) > _TAIL_WORDS or not _TAIL_NOISE.search(line):
            break
        end -= 1
    return lines[:end]


_HEAD_LINES = 3
_TAIL_LINES = 2
_TIME_OR_DATE = re.compile(
    r"\b\d{1,2}[:.h]\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.IGNORECASE
)
_BYLINE = re.compile(r"^(?:by|por|von|par|di|door|av)\s+\S|\bby\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}$")
_UPDATED = re.compile(
    r"^(?:updated|last\s+updated|published|posted|first\s+published)\b(?:\s+(?:at|on))?\s+\S", re.IGNORECASE
)
_READING_TIME = re.compile(
    r"^(?:\d+\s*(?:min|mins|minutes?)\s*(?:read|de\s+leitura|de\s+lectura|lesezeit)"
    r"|(?:reading\s+time|read\s+time|tempo\s+de\s+leitura|tiempo\s+de\s+lectura|lesezeit"
    r"|temps\s+de\s+lecture)\b)",
    re.IGNORECASE,
)


def _drop_edge_lines(lines: list[str], *, title: str | None, author: str | None) -> list[str]:
    """Drop headline repeats, bylines, datelines and reading times at the start or end."""
    title_words = set(_fold(title).split()) if title else set()
    author_key = _fold(author.split(";")[0]) if author else ""
    n = len(lines)
    kept = []
    for i, line in enumerate(lines):
        at_edge = i < _HEAD_LINES or i >= n - _TAIL_LINES
        head = i < _HEAD_LINES
        if at_edge and _is_edge_noise(line, title_words=title_words, author_key=author_key, head=head):
            continue
        kept.append(line)
    return kept


def _is_edge_noise(line: str, *, title_words: set[str], author_key: str, head: bool) -> bool:
    words = _fold(line).split()
    if not words or len(words) > 25:
        return False
    ending = line.rstrip("\"'\u201d\u2019\u00bb)] ")
    if head and title_words and not ending.endswith("."):
        overlap = sum(word in title_words for word in words) / len(words)
        if overlap >= _TITLE_OVERLAP and len(title_words & set(words)) >= min(3, len(title_words)):
            return True
    if len(words) > 12:
        return False
    if _UPDATED.match(line) or _READING_TIME.search(line):
        return True
    if author_key and author_key in " ".join(words) and len(words) <= 8:  # a byline
        return True
    if _BYLINE.search(line) and not ending.endswith("."):
        return True
    if "@" in line or line.startswith(("-", "\u2013", "\u2014")):  # tweet signature "- Name (@x) May 1, 2019"
        return False
    return len(words) <= 10 and bool(_TIME_OR_DATE.search(line)) and not ending.endswith((".", "!", "?", ":"))


_TITLE_OVERLAP = 0.75


def _is_link_list_head(line: str) -> bool:
    return bool(_LINK_LIST_HEAD.match(line)) and len(line.split()) <= _MAX_BOILERPLATE_WORDS


def _is_boilerplate(line: str) -> bool:
    if len(line.split()) > _MAX_BOILERPLATE_WORDS:
        return False
    return bool(_BOILERPLATE_LINE.match(line))


def _fold(text: str) -> str:
    normal = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(normal))


_TITLE_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00bb ", " · ")


def _clean_title(title: str | None, *, sitename: str | None, url: str | None) -> str | None:
    """Strip a trailing or leading " | Site Name" when it names the site or its host."""
    if not title:
        return None
    title = _SPACES.sub(" ", title).strip()
    names = _site_names(sitename, url)
    if not names:
        return title or None
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        first, _, last = title.rpartition(sep)
        if first.strip() and _names_site(last, names):
            return first.strip()
        head, _, rest = title.partition(sep)
        if rest.strip() and _names_site(head, names):
            return rest.strip()
    return title or None


def _site_names(sitename: str | None, url: str | None) -> set[str]:
    """Squashed forms of the site name and of the URL host ("www.bbc.co.uk" -> "bbc")."""
    names = {_fold(sitename).replace(" ", "")} if sitename else set()
    host = urlsplit(url).hostname if url else None
    if host:
        parts = [p for p in host.lower().split(".") if p not in {"www", "m", "amp", "co", "com"}]
        if parts:
            names.add(max(parts[:-1] or parts, key=len))
    return {name for name in names if len(name) >= 3}


def _names_site(segment: str, names: set[str]) -> bool:
    squashed = _fold(segment).replace(" ", "")
    if not squashed or len(segment.split()) > 6:
        return False
    return any(name == squashed or name in squashed or squashed in name for name in names)


# A dateline month glued to a byline ("Carrie Arnold November"); "May" is also a name.
_MONTHS = re.compile(rf"(?<=\S)\s+{month_pattern(abbreviations=False, exclude=('May',))}$", re.IGNORECASE)
_CREDENTIAL = re.compile(r"^(?:ph\.?d|m\.?d|ms|ma|msc|bsc|mba|mph|rd|rdn|rn|cpt|jr|sr)\.?$", re.IGNORECASE)


def _clean_author(author: str | None) -> str | None:
    """Drop a trailing month word and academic credentials from a byline."""
    if not author:
        return None
    parts = [_strip_month(part.strip()) for part in author.split(";")]
    parts = [part for part in parts if part and not _CREDENTIAL.match(part)]
    return "; ".join(parts) or None


def _strip_month(name: str) -> str:
    stripped = _MONTHS.sub("", name)
    return stripped if len(stripped.split()) >= 2 else name


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*", re.I)
_META_LANG = re.compile(
    r"<meta[^>]+(?:http-equiv\s*=\s*[\"']content-language[\"']|property\s*=\s*[\"']og:locale[\"'])"
    r"[^>]*content\s*=\s*[\"']([A-Za-z]{2,3})",
    re.IGNORECASE,
)


def _language(detected: str | None, html: str) -> str | None:
    """Language code: trafilatura's guess, else <html lang>, else content-language/og:locale."""
    if detected:
        return detected.lower()
    head = html[:20000]
    match = _HTML_LANG.search(head) or _META_LANG.search(head)
    return match.group(1).lower() if match else None


_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<p>", "<p ")
_FEED_MARKERS = ("<rss", "<feed", "<rdf:rdf", "<opml")


def looks_like_html(head: str) -> bool:
    """True when the start of a decoded file (about 2 KB) looks like an HTML page.

    RSS/Atom feeds and other XML are not HTML; XHTML (an XML prolog then <html>) is.
    """
    text = head.lstrip("\ufeff \t\r\n").lower()[:4096]
    if text.startswith(("{", "[")):  # JSON (Lines) whose strings hold markup
        return False
    if "<!doctype html" in text or re.search(r"<html[\s>]", text):
        return True
    if not text.startswith("<") or any(marker in text for marker in _FEED_MARKERS):
        return False
    return sum(text.count(marker) for marker in _HTML_MARKERS) >= 2
