"""The extract_quotes stage on real parses (loads spaCy: slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.actors import resolve_actors
from newsgraph.model import Article, Quote, Source
from newsgraph.nlp import find_entities, parse
from newsgraph.quotes import extract_quotes, reported_by, reporting_cover, speech_verbs
from newsgraph.settings import Settings

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed-news-dump.txt"
SETTINGS = Settings()


def analyzed(text: str) -> Article:
    article = Article(id="t", source=Source(uri="t", format="text", text=text), start=0, end=len(text))
    [article] = list(parse([article], settings=SETTINGS))
    find_entities(article, settings=SETTINGS)
    resolve_actors(article, settings=SETTINGS)
    extract_quotes(article, settings=SETTINGS)
    return article


def direct(article: Article) -> list[Quote]:
    return [q for q in article.quotes if q.direct]


def test_speech_verbs_hold_the_common_cues() -> None:
    assert {"say", "tell", "add", "warn", "insist", "claim", "announce"} <= speech_verbs()
    assert "describe" in speech_verbs("label") and "describe" not in speech_verbs("speech")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "quote", "speaker", "cue"), [
    ('"We had good discussions today," Amir-Abdollahian said.',
     "We had good discussions today", "Amir-Abdollahian", "said"),
    ("“Of course they are trying,” said Rep. Elijah Cummings, the top Democrat on the panel, "
     "in a statement.", "Of course they are trying",
     "Rep. Elijah Cummings, the top Democrat on the panel", "said"),
    ('Ruhollah Nejabat, the city\'s representative, stated: "Gasoline has not been supplied."',
     "Gasoline has not been supplied.", "Ruhollah Nejabat, the city's representative", "stated"),
    ('The minister said "the talks were successful" on Monday.',
     "the talks were successful", "The minister", "said"),
    ('Khamenei warned of attempts to besmirch the Guard, saying, "The enemy is worried."',
     "The enemy is worried.", "Khamenei", "saying"),
    ("Sen. Claire McCaskill scolded him: “The scientific community is against you.”",
     "The scientific community is against you.", "Sen. Claire McCaskill", "scolded"),
    ("Trump said the election was “rigged.”", "rigged.", "Trump", "said"),
    ("“We must raise our voice against America,” he said.",
     "We must raise our voice against America", "he", "said"),
])
def test_direct_quote_speaker_and_cue(text: str, quote: str, speaker: str, cue: str) -> None:
    article = analyzed(text)
    found = [q for q in direct(article) if q.text == quote]
    assert found, article.quotes
    assert (found[0].speaker_text, found[0].cue) == (speaker, cue)


@pytest.mark.slow
def test_quote_after_the_attribution_takes_the_same_speaker() -> None:
    article = analyzed('"Are we there? Probably not," Ms. Moore said. "Will we get there? Yes."')
    assert [(q.text, q.speaker_text) for q in direct(article)] == [
        ("Are we there? Probably not", "Ms. Moore"), ("Will we get there? Yes.", "Ms. Moore")]


@pytest.mark.slow
def test_scare_quotes_without_a_speaker_are_not_quotes() -> None:
    article = analyzed('Engineers are exploring capabilities for coordinated "swarm attacks."')
    assert direct(article) == []


@pytest.mark.slow
def test_unclosed_quote_keeps_the_rest_of_the_article() -> None:
    article = analyzed('He called it "a hoax and left the room.\n'
                       'The senator said on Tuesday: "We will win."')
    assert [(q.text, q.speaker_text) for q in direct(article)] == [("We will win.", "The senator")]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("Prince Faisal said the kingdom was keen to follow through with the deal.",
     "the kingdom was keen to follow through with the deal", "Prince Faisal", "said"),
    ("Secret Service protocol called for a trauma center, sources said.",
     "Secret Service protocol called for a trauma center", "sources", "said"),
    ("The mutual decision was to facilitate the exchange of military affiliates, added IRNA.",
     "The mutual decision was to facilitate the exchange of military affiliates", "IRNA", "added"),
    ("Iran's Minister of Oil responded saying that the lines are a result of increased travel.",
     "that the lines are a result of increased travel", "Iran's Minister of Oil", "saying"),
])
def test_reported_speech_is_an_indirect_quote(text: str, content: str, speaker: str, cue: str) -> None:
    article = analyzed(text)
    found = [q for q in article.quotes if not q.direct]
    assert [(q.text, q.speaker_text, q.cue) for q in found] == [(content, speaker, cue)]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("Many economists believe the tariffs will raise prices.",
     "the tariffs will raise prices", "Many economists", "believe"),
    ("A new poll shows that voters trust the governor.",
     "that voters trust the governor", "A new poll", "shows"),
    ("The senator wants to repeal the law next year.",
     "to repeal the law next year", "The senator", "wants"),
    ("The mayor vowed to rebuild the bridge.", "to rebuild the bridge", "The mayor", "vowed"),
    ("The court ruled that the law was unconstitutional.", "that the law was unconstitutional",
     "The court", "ruled"),
    ("The economist pointed out that wages had stalled.", "that wages had stalled", "The economist",
     "pointed"),
])
def test_beliefs_findings_and_intentions_are_reported_content(text: str, content: str, speaker: str,
                                                             cue: str) -> None:
    article = analyzed(text)
    found = [q for q in article.quotes if not q.direct]
    assert [(q.text, q.speaker_text, q.cue) for q in found] == [(content, speaker, cue)]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("The governor criticized the budget as reckless.", "the budget as reckless", "The governor", "criticized"),
    ("The union has called for a national strike.", "a national strike", "The union", "called"),
    ("The president talked about the economy at the rally.", "the economy", "The president", "talked"),
    ("The campaign called the charges unsubstantiated.", "the charges unsubstantiated", "The campaign",
     "called"),
    ("The senator's claim that taxes fell was false.", "that taxes fell", "The senator's", "claim"),
    ("The mayor accused the council of wasting money.", "wasting money", "The mayor", "accused"),
    ("The union called on Congress to raise wages.", "Congress to raise wages", "The union", "called"),
])
def test_content_verbs_report_their_noun_phrase(text: str, content: str, speaker: str, cue: str) -> None:
    article = analyzed(text)
    found = [q for q in article.quotes if not q.direct]
    assert [(q.text, q.speaker_text, q.cue) for q in found] == [(content, speaker, cue)]


def test_content_cues_list_objects_and_prepositions() -> None:
    from newsgraph.quotes.lexicon import content_cues

    cues = content_cues()
    assert "dobj" in cues["criticize"] and "prep:about" in cues["talk"]
    assert "say" not in cues
    assert cues["call"] == {"label", "prep:for", "prep:on"} and "noun" in cues["claim"]


@pytest.mark.slow
def test_a_label_verb_without_a_complement_reports_nothing() -> None:
    article = analyzed("The minister called the ambassador on Monday.")
    assert article.quotes == []


@pytest.mark.slow
def test_belief_verbs_do_not_attribute_direct_quotes() -> None:
    article = analyzed('The party knows "the future of the country" is at stake.')
    assert all(q.cue != "knows" for q in direct(article))


@pytest.mark.slow
def test_according_to_the_washington_post_is_an_attribution() -> None:
    article = analyzed("According to the Washington Post, Russia has built a drone factory in Tatarstan.")
    assert [a.source for a in article.attributions] == ["the Washington Post"]
    [quote] = article.quotes
    assert (quote.cue, quote.speaker_text, quote.direct) == ("according to", "the Washington Post", False)
    assert quote.text == "Russia has built a drone factory in Tatarstan"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "source"), [
    ("The IRNA state news agency reported that the meeting went well.", "The IRNA state news agency"),
    ("Iran expanded its drone program, citing Western pressure.", "Western pressure"),
    ("The documents were previously reported by the Russian news outlet Protokol.",
     "the Russian news outlet Protokol"),
    ("The ministry said in a statement that the border was closed.", "The ministry"),
])
def test_reporting_sources_are_attributions(text: str, source: str) -> None:
    assert source in [a.source for a in analyzed(text).attributions]


@pytest.mark.slow
def test_offsets_cut_the_exact_text_from_the_source() -> None:
    prefix = "Header line\n\n"
    text = prefix + '“It is a well-equipped organization,” Khamenei stated on Thursday.'
    article = Article(id="t", source=Source(uri="t", format="text", text=text),
                      start=len(prefix), end=len(text))
    [article] = list(parse([article], settings=SETTINGS))
    find_entities(article, settings=SETTINGS)
    resolve_actors(article, settings=SETTINGS)
    extract_quotes(article, settings=SETTINGS)
    [quote] = direct(article)
    assert text[quote.start:quote.end] == quote.text == "It is a well-equipped organization"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start:quote.speaker_span.end] == quote.speaker_text == "Khamenei"


@pytest.mark.slow
def test_reporting_cover_marks_reported_spans() -> None:
    article = analyzed('Officials met on Monday. "We will impose sanctions," the minister said.')
    start = article.text.index("impose")
    assert reported_by(article, start, start + 6) == (True, "the minister")
    assert reported_by(article, 0, 9) == (False, None)
    assert all(article.source.text[s:e] for s, e, _ in reporting_cover(article))


@pytest.mark.slow
@pytest.mark.skipif(not SEED.exists(), reason="seed dump not present")
def test_seed_dump_quotes_have_their_speakers() -> None:
    article = analyzed(SEED.read_text(encoding="utf-8"))
    speakers = {q.text[:30]: q.speaker_text for q in direct(article)}
    assert speakers["In Shiraz, gasoline has not be"] == "Ruhollah Nejabat, Shiraz’s representative in parliament"
    assert speakers["We must raise our voice agains"] == "he"
    assert speakers["It is a well-equipped military"] == "Khamenei"
    assert speakers["Relations between Tehran and S"] == "Hossein Amir-Abdollahian"
    assert speakers["We look forward to a new phase"] == "Prince Faisal"
    assert "swarm attacks." not in [q.text for q in direct(article)]
    assert "a report in the Washington Post" in [a.source for a in article.attributions]


@pytest.mark.slow
def test_name_after_a_dash_is_the_speaker() -> None:
    article = analyzed("“Maybe we can build a wall around him.” ― Steve Quinlan\n")
    assert [(q.speaker_text, q.cue) for q in direct(article)] == [("Steve Quinlan", None)]


@pytest.mark.slow
def test_empty_and_unparsed_articles_get_no_quotes() -> None:
    assert analyzed("").quotes == []
    article = Article(id="t", source=Source(uri="t", format="text", text='"Hi," he said.'), start=0, end=14)
    extract_quotes(article, settings=SETTINGS)
    assert (article.quotes, article.attributions) == ([], [])


@pytest.mark.slow
def test_participle_after_a_preposition_takes_the_main_subject() -> None:
    article = analyzed("Bishkek sent extra troops this week after accusing Tajikistan of moving tanks.")
    found = [(q.text, q.speaker_text) for q in article.quotes if q.cue == "accusing"]
    assert found == [("moving tanks", "Bishkek")]


@pytest.mark.slow
def test_impersonal_passive_reports_content_without_a_source() -> None:
    article = analyzed("It was reported that the talks had failed.")
    assert [(q.text, q.speaker_text, q.cue) for q in article.quotes] == [
        ("that the talks had failed", None, "reported")]


@pytest.mark.slow
def test_a_speech_verb_without_a_subject_or_it_reports_nothing() -> None:
    assert analyzed("The talks were reported to have failed.").quotes == []
