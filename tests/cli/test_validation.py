"""CLI and API check user values the same way, with one message (newsgraph.validate)."""

from __future__ import annotations

import pytest

from newsgraph import cli, validate


@pytest.mark.parametrize("argv, words", [
    (["ingest", "x.txt", "--date", "not a date"], "expected a real ISO 8601 date"),
    (["analyze", "x.txt", "--date", "2026-02-30"], "expected a real ISO 8601 date"),
    (["events", "--since", "yesterday"], "expected a real ISO 8601 date"),
    (["events", "--until", "2026-13"], "expected a real ISO 8601 date"),
    (["events", "--category", "FOO"], "unknown PLOVER category 'FOO'"),
    (["events", "--actor", "two words"], "expected an actor id"),
    (["pairs", "--source", ""], "expected an actor id"),
])
def test_cli_rejects_bad_values_with_the_shared_message(argv, words, capsys):
    with pytest.raises(SystemExit) as info:
        cli.build_parser().parse_args(argv)
    assert info.value.code == 2
    assert words in capsys.readouterr().err


@pytest.mark.parametrize("value", ["2023", "2023-08", "2023-08-17", "2023-08-17T10:00:00Z",
                                   "2023-08-17 10:00:00+02:00", "2024-02-29"])
def test_real_dates_pass_at_every_precision(value):
    assert validate.iso_date(value) == value


@pytest.mark.parametrize("value", ["2026-13-45", "2026-13", "2023-02-29", "yesterday", "2023-8-1",
                                   "2023-08-17Tnoon", ""])
def test_impossible_dates_fail(value):
    with pytest.raises(ValueError, match="expected a real ISO 8601 date"):
        validate.iso_date(value)


def test_cli_accepts_good_values_normalised():
    args = cli.build_parser().parse_args(["events", "--category", "sanction", "--since", "2023-08",
                                          "--actor", "vladimir-putin"])
    assert (args.category, args.since, args.actor) == ("SANCTION", "2023-08", "vladimir-putin")


@pytest.mark.parametrize("command", [["summary"], ["search", "word"], ["events"], ["pairs"],
                                     ["export", "--format", "csv"]])
def test_read_only_commands_never_create_a_store(command, tmp_path, capsys):
    typo = tmp_path / "typo.sqlite"
    assert cli.main([*command, "--db", str(typo)]) == 2
    err = capsys.readouterr().err
    assert "E404" in err and str(typo) in err and "newsgraph ingest" in err
    assert not typo.exists()
