"""Loading specs: the contract's example loads; every schema problem names its path."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
import yaml

from formkit.errors import SpecError
from formkit.spec import load_spec, parse_duration, parse_spec
from scanner.vocabulary import Channel, CoreAction

GOOD = """
id: petition-eau
version: 2
languages: [fr, en]
action: petition
title: {fr: Pour l'eau, en: For water}
submit: {fr: Je signe, en: Sign}
controller: {name: Collectif, email: contact@eau.example}
fields:
  - {name: email, required: true}
purposes:
  - id: newsletter
    channel: email
    text: {fr: Je veux la lettre., en: I want the newsletter.}
"""


def problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(SpecError) as info:
        parse_spec(yaml.safe_load(textwrap.dedent(text)), "spec.yaml")
    return [(p.path, p.message) for p in info.value.problems]


def test_contract_example_loads(root):
    spec = load_spec(root / "examples" / "parrainage-presidentielle.yaml")
    assert spec.id == "parrainage-camille-2027"
    assert spec.action is CoreAction.SPONSORSHIP
    assert spec.languages == ("fr", "en")
    assert [p.channel for p in spec.purposes] == [Channel.EMAIL, Channel.SMS]
    assert spec.retention.election_end == dt.date(2027, 5, 9)
    assert spec.retention.core_action.after(dt.date(2027, 5, 9)) == dt.date(2027, 11, 9)


def test_minimal_spec_loads():
    spec = parse_spec(yaml.safe_load(GOOD), "spec.yaml")
    assert spec.purposes[0].retention == "until-withdrawn"
    assert spec.purposes[0].required is False and spec.purposes[0].checked is False


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ("purposes[0].text.en", "purposes[0].text.en", "missing translation"),
        ("extra", "colour", "unknown key 'colour'"),
        ("bad-id", "id", "bad id"),
        ("dup", "purposes[1].id", "duplicate purpose 'newsletter'"),
        ("type", "version", "expected a whole number"),
        ("channel", "purposes[0].channel", "unknown channel 'pigeon'"),
        ("field", "fields[1].label", "needs a label per language"),
    ],
)
def test_schema_problems_name_their_path(change, path, message):
    data = yaml.safe_load(GOOD)
    if change == "purposes[0].text.en":
        del data["purposes"][0]["text"]["en"]
    elif change == "extra":
        data["colour"] = "red"
    elif change == "bad-id":
        data["id"] = "Petition Eau"
    elif change == "dup":
        data["purposes"].append(dict(data["purposes"][0]))
    elif change == "type":
        data["version"] = "two"
    elif change == "channel":
        data["purposes"][0]["channel"] = "pigeon"
    elif change == "field":
        data["fields"].append({"name": "occupation"})
    found = problems(yaml.safe_dump(data))
    assert any(p == path and message in m for p, m in found), found


def test_every_problem_is_reported_at_once():
    found = problems("id: X\nversion: 0\nlanguages: [fr]\naction: picnic\n")
    paths = {p for p, _ in found}
    assert {"id", "version", "action", "title", "submit", "fields"} <= paths


def test_unreadable_and_invalid_yaml_are_clear_errors(tmp_path):
    with pytest.raises(SpecError, match="missing.yaml: schema: cannot read the file: No such file or directory$"):
        load_spec(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"broken.yaml: line \d+, column \d+: schema: not valid YAML"):
        load_spec(broken)


def test_durations():
    assert parse_duration("P3Y").after(dt.date(2024, 2, 29)) == dt.date(2027, 2, 28)
    assert parse_duration("P1M").after(dt.date(2027, 1, 31)) == dt.date(2027, 2, 28)
    assert parse_duration("P2W").after(dt.date(2027, 1, 1)) == dt.date(2027, 1, 15)
    assert parse_duration("P") is None and parse_duration("3 years") is None
