"""The spec linter: examples lint clean, each bad example is refused with exactly its rule id,
and the text judgements (through scanner.classify) catch bundled wording in every place a spec
holds text."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from formkit.cli import cli
from formkit.lint import ERROR, WARNING, has_errors, lint_file, lint_spec, severity
from formkit.spec import parse_spec
from scanner.rules import RULES

ROOT = Path(__file__).resolve().parents[1]

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOOD = sorted(EXAMPLES.glob("*.yaml"))
BAD = sorted((EXAMPLES / "bad").glob("*.yaml"))

BASE = """
id: petition-test
version: 1
languages: [fr, en]
action: petition
title: {fr: Pétition pour le train de nuit, en: Petition for the night train}
submit: {fr: Je signe, en: Sign}
controller: {name: Collectif Rail, email: contact@rail.example}
privacy_url: https://rail.example/confidentialite
fields:
  - {name: email, required: true}
retention: {core_action: P6M}
"""


def spec_with(**changes):
    data = yaml.safe_load(BASE)
    data.update(changes)
    return parse_spec(data, "test.yaml")


def errors(problems) -> set[tuple[str, str]]:
    return {(p.path, p.rule) for p in problems if severity(p) == ERROR}


def warnings(problems) -> set[tuple[str, str]]:
    return {(p.path, p.rule) for p in problems if severity(p) == WARNING}


def expected_rule(path: Path) -> str:
    return "schema" if path.stem.startswith("schema-") else path.stem


def test_there_are_enough_examples():
    assert len(GOOD) >= 4
    stems = {expected_rule(p) for p in BAD}
    # One bad spec per refusal in formspec.md's table, plus schema errors.
    assert {"bundled-consent", "prechecked-consent", "bundled-channels", "multi-purpose-consent",
            "implied-consent", "missing-controller", "missing-rights-info",
            "sensitive-data-field", "insecure-transport", "schema"} <= stems
    assert stems - {"schema"} <= set(RULES), "a bad example is named after an unknown rule id"


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_every_example_lints_clean(path):
    problems = lint_file(path)
    assert not has_errors(problems), "\n".join(p.line() for p in problems)
    result = CliRunner().invoke(cli, ["form", "lint", str(path)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_every_bad_example_is_refused_with_its_rule(path):
    rule = expected_rule(path)
    assert path.read_text(encoding="utf-8").startswith("#"), "a bad example starts with a comment saying what is wrong"
    result = CliRunner().invoke(cli, ["form", "lint", str(path)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines and all(line.startswith(f"{path}: ") for line in lines), result.output
    assert any(f": {rule}: " in line for line in lines), result.output
    # Exactly that rule among the errors: an unexpected refusal fails as surely as a missing one.
    assert {p.rule for p in lint_file(path) if severity(p) == ERROR} == {rule}


def test_json_format_and_several_files(tmp_path):
    bad, good = EXAMPLES / "bad" / "bundled-consent.yaml", tmp_path / "good.yaml"
    good.write_text(BASE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["form", "lint", "--format", "json", str(good), str(bad)])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert records == [{"file": str(bad), "path": "purposes[0].required", "rule": "bundled-consent",
                        "message": records[0]["message"], "severity": "error"}]


def test_warnings_are_printed_but_do_not_fail(tmp_path):
    data = yaml.safe_load(BASE)
    del data["privacy_url"]
    path = tmp_path / "no-privacy-url.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["form", "lint", str(path)])
    assert result.exit_code == 0
    assert f"{path}: privacy_url: missing-privacy-notice: warning: " in result.output


def test_lint_help_ends_with_an_example():
    for command in (["form", "lint", "--help"], ["form", "build", "--help"], ["form", "--help"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 0
        last_paragraph = result.output.strip().split("\n\n")[-1].strip()
        assert last_paragraph.startswith("Example: unbundle form"), result.output


def test_missing_file_is_a_schema_error_not_a_traceback(tmp_path):
    result = CliRunner().invoke(cli, ["form", "lint", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "schema: cannot read the file" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- Structural refusals --------------------------------------------------------------------


def purpose(**extra):
    return {"id": "newsletter", "channel": "email",
            "text": {"fr": "Je souhaite recevoir la lettre d'information par e-mail.",
                     "en": "I want to receive the newsletter by e-mail."}, **extra}


def test_clean_base_spec():
    assert lint_spec(spec_with(purposes=[purpose()])) == []


@pytest.mark.parametrize(("extra", "path", "rule"), [
    ({"required": True}, "purposes[0].required", "bundled-consent"),
    ({"checked": True}, "purposes[0].checked", "prechecked-consent"),
    ({"default": True}, "purposes[0].checked", "prechecked-consent"),
    ({"channel": ["email", "sms"]}, "purposes[0].channel", "bundled-channels"),
])
def test_structural_refusals(extra, path, rule):
    assert errors(lint_spec(spec_with(purposes=[purpose(**extra)]))) == {(path, rule)}


def test_controller_and_rights():
    assert errors(lint_spec(spec_with(controller=None))) == {
        ("controller", "missing-controller"), ("controller", "missing-rights-info")}
    assert errors(lint_spec(spec_with(controller={"name": "Collectif"}))) == {
        ("controller", "missing-controller"), ("controller.dpo", "missing-rights-info")}
    # A postal address is a contact, and a DPO address is where rights are exercised.
    assert errors(lint_spec(spec_with(controller={"name": "Collectif", "address": "1 rue X, Dijon",
                                                  "dpo": "dpo@x.example"}))) == set()


@pytest.mark.parametrize(("url", "refused"), [
    ("http://rail.example/vie-privee", True),
    ("http://127.0.0.1:5000/privacy", False),
    ("http://localhost/privacy", False),
    ("http://[::1]/privacy", False),
    ("https://rail.example/vie-privee", False),
])
def test_insecure_privacy_url(url, refused):
    found = errors(lint_spec(spec_with(privacy_url=url)))
    assert (("privacy_url", "insecure-transport") in found) is refused


@pytest.mark.parametrize("name", ["purpose_extra", "attest_more", "data", "errors", "validate", "lang"])
def test_reserved_field_names(name):
    field = {"name": name, "label": {"fr": "Autre", "en": "Other"}}
    spec = spec_with(fields=[{"name": "email"}, field])
    assert ("fields[1].name", "schema") in errors(lint_spec(spec))
    from formkit.forms import form_class

    with pytest.raises(ValueError, match="reserved"):
        form_class(spec, "fr")


# --- Text judgements (scanner.classify) -----------------------------------------------------
# Each case is a realistic wording; if one fails only because the classifier misses the
# sentence, keep it: it documents what the linter must catch.


@pytest.mark.parametrize(("name", "label", "flagged"), [
    ("religion", {"fr": "Religion", "en": "Religion"}, True),
    ("conviction", {"fr": "Votre religion", "en": "Your religion"}, True),
    ("sante", {"fr": "État de santé", "en": "Health condition"}, True),
    ("union", {"fr": "Appartenance syndicale", "en": "Trade union membership"}, True),
    ("orientation", {"fr": "Orientation sexuelle", "en": "Sexual orientation"}, True),
    ("origin", {"fr": "Origine ethnique", "en": "Ethnic origin"}, True),
    ("occupation", {"fr": "Profession", "en": "Occupation"}, False),
    ("local_group", {"fr": "Groupe local souhaité", "en": "Preferred local group"}, False),
])
def test_sensitive_fields(name, label, flagged):
    spec = spec_with(fields=[{"name": "email"}, {"name": name, "label": label}])
    found = {rule for _, rule in errors(lint_spec(spec))}
    assert ("sensitive-data-field" in found) is flagged


@pytest.mark.parametrize(("fr", "en", "rule"), [
    ("J'accepte les CGU et de recevoir la newsletter.",
     "I accept the terms of use and to receive the newsletter.", "multi-purpose-consent"),
    ("Je certifie que les informations sont exactes et j'accepte de recevoir la newsletter.",
     "I certify that the information is accurate and agree to receive the newsletter.",
     "multi-purpose-consent"),
    ("Je souhaite recevoir la newsletter.", "I want to receive the newsletter.", "bundled-consent"),
    ("Je certifie être inscrit·e sur les listes électorales.", "I certify that I am registered to vote.", None),
    ("J'ai pris connaissance de la politique de confidentialité.",
     "I have read the privacy policy.", None),
])
def test_attestation_wording(fr, en, rule):
    spec = spec_with(attestations=[{"id": "check", "text": {"fr": fr, "en": en}}])
    found = errors(lint_spec(spec))
    expected = {(f"attestations[0].text.{lang}", rule) for lang in ("fr", "en")} if rule else set()
    assert found == expected


@pytest.mark.parametrize(("submit", "rule"), [
    ({"fr": "Je signe", "en": "Sign"}, None),
    ({"fr": "Je signe et je reçois la newsletter", "en": "Sign and receive the newsletter"},
     "multi-purpose-consent"),
    ({"fr": "Recevoir la newsletter", "en": "Receive the newsletter"}, "implied-consent"),
])
def test_submit_wording(submit, rule):
    found = errors(lint_spec(spec_with(submit=submit)))
    expected = {(f"submit.{lang}", rule) for lang in ("fr", "en")} if rule else set()
    assert found == expected


def test_title_implying_a_purpose():
    title = {"fr": "Signez : vous recevrez ensuite nos actualités par e-mail",
             "en": "Sign: you will then receive our news by e-mail"}
    found = errors(lint_spec(spec_with(title=title)))
    assert ("title.fr", "implied-consent") in found and ("title.en", "implied-consent") in found


def test_newsletter_only_form_may_speak_of_its_newsletter():
    spec = spec_with(action="newsletter",
                     title={"fr": "Recevez la lettre d'information", "en": "Get the newsletter"},
                     submit={"fr": "Je m'abonne à la newsletter", "en": "Subscribe to the newsletter"})
    assert errors(lint_spec(spec)) == set()


@pytest.mark.parametrize(("text", "rule"), [
    ({"fr": "Je souhaite recevoir la newsletter et que mes données soient transmises à vos partenaires.",
      "en": "I want to receive the newsletter and have my data passed to your partners."},
     "multi-purpose-consent"),
    ({"fr": "Je souhaite recevoir les nouvelles par e-mail, SMS et téléphone.",
      "en": "I want to receive news by e-mail, SMS and phone."}, "bundled-channels"),
    ({"fr": "Cochez si vous ne souhaitez pas recevoir la newsletter par e-mail.",
      "en": "Tick if you do not want to receive the newsletter by e-mail."}, "opt-out-consent"),
])
def test_purpose_wording(text, rule):
    found = errors(lint_spec(spec_with(purposes=[purpose(text=text)])))
    assert found == {(f"purposes[0].text.{lang}", rule) for lang in ("fr", "en")}


def test_purpose_text_contradicting_its_channel_is_a_warning():
    text = {"fr": "J'accepte de recevoir des SMS de la campagne.",
            "en": "I agree to receive text messages from the campaign."}
    problems = lint_spec(spec_with(purposes=[purpose(channel="email", text=text)]))
    assert errors(problems) == set()
    assert ("purposes[0].text.fr", "bundled-channels") in warnings(problems)


def test_problem_lines_have_the_documented_shape():
    problems = lint_spec(spec_with(purposes=[purpose(required=True)]))
    assert [p.line() for p in problems] == [
        "test.yaml: purposes[0].required: bundled-consent: " + problems[0].message]


def test_yaml_in_text_is_never_a_traceback(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text(textwrap.dedent("- just\n- a list\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["form", "lint", str(path)])
    assert result.exit_code == 1 and "schema: expected a mapping" in result.output


def test_a_folder_lints_its_specs_like_serve_reads_them(tmp_path):
    result = CliRunner().invoke(cli, ["form", "lint", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    assert f"{len(GOOD)} spec(s) clean." in result.output
    bad = CliRunner().invoke(cli, ["form", "lint", str(EXAMPLES / "bad")])
    assert bad.exit_code == 1 and len({line.split(":")[0] for line in bad.stdout.splitlines()}) == len(BAD)
    empty = CliRunner().invoke(cli, ["form", "lint", str(tmp_path)])
    assert empty.exit_code == 2 and "holds no *.yaml spec" in empty.output


def test_an_election_already_over_is_a_warning(root):
    """Election files are deleted once the election is over: warn a campaign still collecting."""
    from formkit.lint import has_errors, lint_spec
    from formkit.spec import load_spec

    spec = load_spec(root / "examples" / "parrainage-presidentielle.yaml")  # election_end 2027-05-09
    assert lint_spec(spec, today=dt.date(2027, 5, 9)) == []
    [late] = lint_spec(spec, today=dt.date(2027, 5, 10))
    assert late.path == "retention.election_end" and "ended on 2027-05-09" in late.message
    assert not has_errors([late])


def test_a_newsletter_form_keeps_the_newsletter_id_for_its_subscription(tmp_path):
    from formkit.errors import SpecError
    from formkit.spec import load_spec

    text = (ROOT / "examples" / "lettre-information.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "clash.yaml"
    bad.write_text(text.replace("  - id: sms\n", "  - id: newsletter\n", 1), encoding="utf-8")
    with pytest.raises(SpecError, match=r"purposes\[0\]\.id: schema: on a newsletter-only form"):
        load_spec(bad)
    spec = load_spec(ROOT / "examples" / "lettre-information.yaml")
    assert [p.id for p in spec.consent_purposes] == ["newsletter", "sms"]
    assert spec.purposes[0].id == "sms"  # the subscription is no checkbox of the form
