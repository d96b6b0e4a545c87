"""Every CLI command is documented in the README, and the README opens with the two commands."""

from conftest import ROOT
from newsgraph.cli import build_parser


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [c for c in _commands() if f"newsgraph {c}" not in readme]
    assert missing == []


def test_readme_opens_with_demo_and_test_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("```")[1]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make demo", "make test"]
