"""Split a text into lines (paragraphs) and describe each line with cheap surface cues.

A *line* is one paragraph of a plain-text dump: the text between two newlines, with the
trailing ``\\r`` and surrounding whitespace left out of its span. Each line gets the cues the
article splitter needs: whether it is blank or a separator (``---``, ``***``, a lone bullet),
whether it looks like a headline or a photo caption, how it opens (dateline, pronoun,
quotation mark) and how it closes (final punctuation, newsletter boilerplate), and its
content words and capitalised names for lexical cohesion.

Work per line is capped (``_FEATURE_CHARS`` from each end), so a 50 MB single-line input
costs no more than a short one.

Example:
    >>> lines = split_lines("Title Here\\nBody text goes on. It ends.\\n\\n---\\n")
    >>> [(ln.kind, ln.start, ln.end) for ln in lines]
    [('text', 0, 10), ('text', 11, 38), ('blank', 39, 39), ('separator', 40, 43)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.datafiles import read_word_table
from newsgraph.months import month_pattern
from newsgraph.segment.mentions import intro_keys, norm_word

_FEATURE_CHARS = 4000  # chars read from each end of a long line for features

_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]|\d[\d,.]*")
_STRONG_SEP_RE = re.compile(r"^\s*(?:([-=_~*#])\s*\1\s*\1[\s\1]*|(?:[*•·●◆■□▪]\s*){3,})\s*$")
_WEAK_SEP_RE = re.compile(r"^\s*(?:[-*=_~#•·●◆■□▪◦‣⁃+>|]\s*){1,2}\s*$")

_WORDS = read_word_table("segment/data/words.tsv")
_STOPWORDS = frozenset(_WORDS["stopwords"])  # left out of content words and names
_ANAPHORIC_OPENERS = frozenset(_WORDS["anaphoric_openers"])  # the line leans on the one before
_BACK_OPENERS = frozenset(_WORDS["back_openers"])  # openers that no article starts with

_DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4}"  # WASHINGTON / NEW DELHI / SOUTH WAZIRISTAN, Pakistan
    r"|[A-Z][a-z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?=\s*(?:\(|:|,\s*[A-Z][a-z]{2,8}\.?\s+\d)))"  # Hanoi (VNA) / Muscat:
    r"(?:,\s*[A-Z][\w.]*\.?(?:\s+[A-Z][\w.]*)?)?"  # , Ind. / , April
    r"(?:\s*\d{1,2})?"  # April 5
    r"\s*(?:\([^()\n]{1,40}\)\s*)?"  # (Reuters) (AP) (VNA)
    r"(?:[:—–]|--|-\s|\"|”)"
)
_DATED_DATELINE_RE = re.compile(  # "ASTANA, Sept 16 –", "LONDON (Reuters) -", "Hanoi, April 5 (VNA) -"
    r"^[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,4},?\s*"
    r"(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?\s*(?:\([^()\n]{1,40}\))?"
    r"|\([^()\n]{1,40}\))\s*(?:[:—–-]|--)"
)
_CAPTION_CUE_RE = re.compile(
    r"\b(?:photo|photograph|pictured|picture|image|file photo|credit|courtesy|getty|reuters/|"
    r"afp|ap photo|epa|shutterstock|caption|seen here|\(l\)|\(r\)|\(c\)|\(left\)|\(right\)|"
    r"from left|left to right)\b",
    re.IGNORECASE,
)
_CAPTION_OPEN_RE = re.compile(
    r"^(?:A|An|The)\s+(?:view|general view|picture|photo|file photo|man|woman|boy|girl|child|"
    r"member|members|group|crowd|soldier|police officer|protester|supporter)s?\b|"
    r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:queue|queuing|wait|waiting|gather|gathering|stand|"
    r"standing|sit|sitting|walk|walking|hold|holding|look|looking|pose|posing|attend|attending|"
    r"shake|shaking|speak|speaking|wave|waving|march|marching|react|reacting)\b"
)
_CAPTION_DATE_END_RE = re.compile(
    rf"(?:\b{month_pattern(dot=False)}\.?\s+\d{{1,2}},?\s+\d{{4}}|"
    r"\b\d{4}|\)|\b(?:Images|Photo|Reuters|AFP|AP|EPA))\W*$"
)
_CLOSING_RE = re.compile(
    r"(?:inbox|subscribe|newsletter|copyright|©|all rights reserved|contributed to this report|"
    r"reporting by|editing by|writing by|compiled by|can be contacted|for more information|"
    r"read more|click here|follow (?:us|him|her)|sign up|related:|share this|"
    r"\bwrites the\b|is a (?:staff )?(?:writer|reporter|correspondent|columnist)|@\w+\.\w+|"
    r"this story|this article|the views expressed|not necessarily|past performance)",
    re.IGNORECASE,
)
_SENT_END_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“A-Z])")
_DAY_RE = re.compile(
    r"\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\b(?:yesterday|today|tonight|this (?:week|morning|afternoon|evening))\b"
)
_PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+|not\s+|also\s+)?(?:been|\w+ed|made|taken|"
    r"given|won|begun|become|told|seen|shown|found|left|held|sold|brought|built|chosen|drawn|grown|"
    r"known|led|lost|met|paid|put|run|set|spent|struck|thrown|written|said|kept|sent|hit|cut)\b")
_ATTRIB_RE = re.compile(r"\b(?:said|says|reported|reports|announced|told|according to|confirmed)\b")
_BOILER_OPEN_RE = re.compile(
    r"\W*(?:all rights reserved|all materials|this material|copyright|©|read more|follow |"
    r"about (?:our|the author|us)|get (?:all|the|daily)|sign up|subscribe|click|share this|"
    r"related:|related (?:stories|articles)|more from|see also|advertisement|tags:|source:)",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(r"^(?:By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\.?$|\W*$|[A-Z]{1,4}\.$)")
_YEAR_RE = re.compile(r"\b(?:in|since|from|until)\s+(?:\w+\s+)?(?:19|20)\d\d\b")
_CREDIT_END_RE = re.compile(r"[\s.][-–—]\s*(?:[A-Z]{2,}\W*)?$")  # "... he said.-VNA"
_ABBREV_END_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Engr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|St|Jr|Sr|Hon|Mt|No|vs|"
    r"Inc|Co|Corp|Ltd|U\.S|U\.K|[A-Z])\.|(?<!\s)[,;:(\[–—-]|\b(?:and|or|the|of|to|a|in|for|with))$"
)

_REPORT_END_RE = re.compile(
    r",\s+(?!(?:he|she|they|it|we|i|who|which|that|according|and|but|or|while|as|after|before|"
    r"when|where|if|because|although|though|with)\b)(?:[\w'’.-]+\s+){0,6}?"
    r"(?:said|says|reported|reports|announced|stated|confirmed|told (?:reporters|journalists|[A-Z][\w'’-]+))"
    r"(?:\s+[\w'’]+){0,10}\W*$"
)
_FOLLOW_UP_RE = re.compile(
    r"(?:This|It|That) (?:is|was|marks|marked|comes|came|would be|will be) (?:the )?"
    r"(?:first|second|third|latest|last|only|most|biggest|largest)\b"
    r"|The (?:meeting|visit|talks|move|announcement|decision|deal|agreement|attack|incident|"
    r"statement|report|trip|call|ruling|vote|strike|blast|explosion|clash|clashes)\s+"
    r"(?:is|was|were|are|comes|came|follows|followed|marks|marked|took|takes|is the|was the)\b"
)
_ANALYTIC_RE = re.compile(  # a closing line that weighs what comes next
    r"\b(?:observers|analysts|experts|critics|diplomats) (?:believe|say|argue|warn|fear|suggest|expect)|"
    r"remains? to be seen|(?:it is|it was|it's|it remains) (?:still )?(?:not )?(?:yet )?(?:unclear|not clear)|"
    r"\b(?:might|may|could) be aimed",
    re.IGNORECASE,
)

_NUMBERED_RE = re.compile(r"\d{1,2}[.)]\s+\S")


def _last_sentence(tail: str) -> str:
    parts = _SENT_END_RE.split(tail)
    return parts[-1] if parts else tail


@dataclass(slots=True)
class Line:
    """One line of the input with its span and surface cues.

    ``kind`` is ``"blank"``, ``"separator"`` (``strong`` for ``---``/``***`` rules) or ``"text"``.
    """

    start: int
    end: int
    kind: str
    strong: bool = False
    n_words: int = 0
    n_chars: int = 0
    terminal: bool = True  # ends with sentence-final punctuation
    open_end: bool = False  # ends mid-sentence (abbreviation, comma, "and")
    title_like: float = 0.0  # headline shape, before context is known
    caption_like: float = 0.0  # photo-caption shape, before context is known
    dateline: bool = False
    dated_dateline: bool = False  # a dateline with a date or an agency: "ASTANA, Sept 16 –"
    anaphoric: bool = False
    back_open: bool = False  # opens with a pronoun or connective from _BACK_OPENERS
    quote_open: bool = False
    lower_open: bool = False
    closing: bool = False
    byline: bool = False  # "By Staff Reporter." or a bare "." / "ST." fragment
    boilerplate: bool = False  # opens like a site footer ("All rights reserved", "Read more")
    lede_day: bool = False  # first sentence names a day ("on Thursday", "yesterday")
    lede_perfect: bool = False  # first sentence in the present perfect ("has prompted")
    lede_attrib: bool = False  # first sentence carries an attribution ("said", "reported")
    first_len: int = 0  # words in the first sentence
    single: bool = False  # the line is one sentence
    mentions_year: bool = False  # background paragraphs cite past years
    lede_report: bool = False  # short first sentence closing on a report clause (", state media said.")
    follow_up: bool = False  # opens like the second line of a lede ("This is the first time ...")
    end_analytic: bool = False  # last sentence weighs or looks back ("observers believe", "remains to be seen")
    numbered: bool = False  # opens like a list item: "3. Stay hydrated", "12) Find ..."
    intros: list[str] = field(default_factory=list)  # names introduced in full (see mentions.py)
    open_words: list[str] = field(default_factory=list)  # lowercase content words among the first five
    head_words: list[str] = field(default_factory=list)  # content words of the first part
    tail_words: list[str] = field(default_factory=list)  # content words of the last part
    head_names: list[str] = field(default_factory=list)  # capitalised names of the first part
    all_names: list[str] = field(default_factory=list)  # capitalised names in the line (capped)
    opening: str = ""  # first 200 chars, lowercased, for title-repeat checks


def split_lines(text: str) -> list[Line]:
    """Cut ``text`` into lines with spans and surface cues.

    Args:
        text: the whole decoded input.
    Returns:
        One :class:`Line` per newline-separated line (blank ones included), in order.
    """
    lines: list[Line] = []
    pos = 0
    size = len(text)
    while pos <= size:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = size
        lines.append(_describe(text, pos, nl))
        pos = nl + 1
        if nl == size:
            break
    if lines and lines[-1].kind == "blank" and lines[-1].start == size:
        lines.pop()
    return lines


def _describe(text: str, line_start: int, line_end: int) -> Line:
    start, end = _strip_span(text, line_start, line_end)
    if start >= end:
        return Line(start=line_start, end=line_start, kind="blank")
    if end - start <= 2 * _FEATURE_CHARS:
        head = tail = text[start:end]
    else:
        head = text[start : start + _FEATURE_CHARS]
        tail = text[end - _FEATURE_CHARS : end]
    if end - start <= 40:
        if _STRONG_SEP_RE.match(head):
            return Line(start=start, end=end, kind="separator", strong=True)
        if _WEAK_SEP_RE.match(head):
            return Line(start=start, end=end, kind="separator")
    line = Line(start=start, end=end, kind="text", n_chars=end - start)
    _add_shape(line, head, tail)
    _add_words(line, head, tail)
    return line


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    # Skip leading/trailing whitespace without copying huge lines.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add_shape(line: Line, head: str, tail: str) -> None:
    words = head.split() if line.n_chars <= 2 * _FEATURE_CHARS else head.split()[:-1]
    line.n_words = len(words) if line.n_chars <= 2 * _FEATURE_CHARS else 10_000
    stripped_tail = tail.rstrip("\"'”’)] ")
    last = stripped_tail[-1:] if stripped_tail else ""
    line.terminal = last in ".!?…" or tail.endswith(("”", '"')) and last in ".!?,"
    line.open_end = bool(_ABBREV_END_RE.search(tail[-12:]))
    first = head.lstrip("\"'“‘«(*•- ")
    line.quote_open = head[:1] in "\"“‘«'"
    line.lower_open = first[:1].islower()
    first_word = first.split(maxsplit=1)[0].strip(",;:").lower() if first else ""
    line.anaphoric = first_word in _ANAPHORIC_OPENERS and first_word not in ("the",)
    line.back_open = first_word in _BACK_OPENERS
    line.dateline = bool(_DATELINE_RE.match(head[:120]))
    line.dated_dateline = bool(_DATED_DATELINE_RE.match(head[:120]))
    line.byline = bool(_BYLINE_RE.match(head[:60]))
    line.boilerplate = bool(_BOILER_OPEN_RE.match(head[:80]))
    line.closing = bool(_CLOSING_RE.search(tail[-300:]) or _CREDIT_END_RE.search(tail[-20:]))
    line.opening = head[:200].lower()
    first_sentence = _SENT_END_RE.split(head[:600], maxsplit=1)[0]
    line.first_len = len(first_sentence.split())
    line.single = line.first_len == line.n_words
    line.lede_day = bool(_DAY_RE.search(first_sentence))
    line.lede_perfect = bool(_PERFECT_RE.search(first_sentence))
    line.lede_attrib = bool(_ATTRIB_RE.search(first_sentence))
    line.mentions_year = bool(_YEAR_RE.search(tail[-600:]))
    line.lede_report = line.first_len <= 35 and not line.quote_open and bool(_REPORT_END_RE.search(first_sentence[-120:]))
    line.follow_up = bool(_FOLLOW_UP_RE.match(head[:80]))
    line.end_analytic = bool(_ANALYTIC_RE.search(_last_sentence(tail[-800:])))
    line.intros = intro_keys(head)
    line.numbered = bool(_NUMBERED_RE.match(head[:8]))
    if line.n_words <= 30:
        line.title_like = _title_shape(head, words, last)
        line.caption_like = _caption_shape(head, words, last)


def _title_shape(head: str, words: list[str], last: str) -> float:
    """Score in [0, 1]: how much a short line looks like a headline."""
    n = len(words)
    if n == 0 or n > 25 or len(head) > 220:
        return 0.0
    first = head.lstrip("\"'“‘«(")[:1]
    if not (first.isupper() or first.isdigit()):
        return 0.0
    score = 0.5
    if last in ".:;,":
        score -= 0.45 if not head.endswith("...") else 0.0
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    lowers = sum(1 for w in words if w[:1].islower() and w.lower() not in _SMALL_WORDS)
    if n >= 3 and lowers == 0:
        score += 0.3  # Title Case
    elif caps / n > 0.5:
        score += 0.1
    if n <= 2:
        score -= 0.1
    if last in "?!" and n >= 5 and lowers / n > 0.4:
        score -= 0.3  # a sentence-case question or exclamation reads as body text
    if head.count(",") >= 3 or head.count(".") >= 2:
        score -= 0.2
    return max(0.0, min(1.0, score))


_SMALL_WORDS = frozenset(_WORDS["title_small_words"])


def _caption_shape(head: str, words: list[str], last: str) -> float:
    """Score in [0, 1]: how much a short line looks like a photo caption or credit line."""
    n = len(words)
    if n == 0 or n > 40:
        return 0.0
    score = 0.0
    if _CAPTION_CUE_RE.search(head):
        score += 0.5
    if _CAPTION_OPEN_RE.match(head):
        score += 0.4
    if last not in ".!?" and _CAPTION_DATE_END_RE.search(head[-40:]):
        score += 0.4
    if re.search(r"\b(?:during|at|in)\b[^.]*\b(?:on|in)\s+\w+\s+\d", head):
        score += 0.2
    return min(1.0, score)


def _add_words(line: Line, head: str, tail: str) -> None:
    tokens = _WORD_RE.findall(head)  # head is at most _FEATURE_CHARS long
    line.head_words = _content(tokens[:120])
    line.open_words = _content([t for t in tokens[:5] if t[:1].islower()])
    line.head_names = _names(tokens[:60])
    line.all_names = _names(tokens)
    if tail is not head:
        tokens = _WORD_RE.findall(tail[-1500:])
    line.tail_words = _content(tokens[-120:]) if len(tokens) > 120 else line.head_words


_norm = lru_cache(maxsize=65536)(norm_word)


def _content(tokens: list[str]) -> list[str]:
    words = (_norm(token) for token in tokens if not token[0].isdigit())
    return [word for word in words if len(word) > 2 and word not in _STOPWORDS]


def _names(tokens: list[str]) -> list[str]:
    out = []
    for token in tokens:
        if token[0].isupper() and len(token) > 1:
            word = _norm(token)
            if word not in _STOPWORDS and word not in _ANAPHORIC_OPENERS and len(word) > 1:
                out.append(word)
    return out
