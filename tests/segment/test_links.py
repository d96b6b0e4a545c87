"""Facts about introductions of names and the links that ask for a boundary between lines."""

from __future__ import annotations

from newsgraph.segment.links import reintro_links, repeat_links
from newsgraph.segment.mentions import intro_keys
from newsgraph.segment.paragraphs import split_lines

BACKGROUND = (
    "The two countries agreed in a deal brokered by China to end the diplomatic rift and "
    "restore relations after years of hostility that had endangered regional stability."
)


def _texts(*lines: str):
    return [ln for ln in split_lines("\n".join(lines)) if ln.kind == "text"]


def test_intro_keys_find_role_and_full_name() -> None:
    assert intro_keys("Foreign Minister Hossein Amir-Abdollahian left Tehran.") == ["hossein", "amir-abdollahian"]
    assert intro_keys("Saudi Foreign Minister Prince Faisal bin Farhan said.") == ["faisal", "farhan"]


def test_intro_keys_skip_role_with_surname_only() -> None:
    assert intro_keys("Prince Faisal said the kingdom was keen.") == []
    assert intro_keys("Amir-Abdollahian said the talks went well.") == []


def test_intro_keys_find_acronym_with_descriptor_or_brackets() -> None:
    assert intro_keys("The official government news agency IRNA reported that ...") == ["irna"]
    assert intro_keys("The IRNA state news agency reported that ...") == ["irna"]
    assert intro_keys("the National Disaster Management Authority (NDMA) said") == ["ndma"]


def test_repeat_links_join_a_paragraph_and_its_near_copy() -> None:
    texts = _texts(BACKGROUND, "Other words here.", "More news today.", "In March, " + BACKGROUND)
    assert [(link.first, link.last) for link in repeat_links(texts)] == [(0, 3)]


def test_repeat_links_ignore_copied_blocks_and_echoes() -> None:
    other = "Officials said the ambassadors will take up their posts after the embassies reopen next month in both capitals."
    block = _texts(BACKGROUND, other, "Filler line one here.", "Filler line two here.", BACKGROUND, other)
    assert repeat_links(block) == []
    echo = _texts(BACKGROUND, BACKGROUND)  # a headline repeated by its lede
    assert repeat_links(echo) == []


def test_reintro_links_need_a_short_mention_before() -> None:
    texts = _texts(
        "Amir-Abdollahian said the talks were good.",
        "Iran Foreign Minister Hossein Amir-Abdollahian left for Riyadh on Thursday.",
    )
    assert [(link.first, link.last, link.kind) for link in reintro_links(texts)] == [(0, 1, "reintro")]
    twice = _texts(
        "Foreign Minister Hossein Amir-Abdollahian met his counterpart.",
        "Foreign Minister Hossein Amir-Abdollahian with his counterpart.",
    )
    assert reintro_links(twice) == []
