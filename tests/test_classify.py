"""The shared text classifier on tables of realistic sentences (tests/data/classify_<lang>.yaml).

Each table row names the text and what must be read from it. Purposes, sensitive categories and
the opt-out / entailed / negated flags are always checked (left out means empty or false);
channels, core actions, non-consents, withdrawal, core messages, core sharing, site preference
and the number of distinct matters are checked when the row gives them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from scanner.classify import Meaning, classify, detect, normalise, notice_facts, polarity
from scanner.vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory

DATA = Path(__file__).parent / "data"
TABLES = {path.stem.split("_", 1)[1]: yaml.safe_load(path.read_text(encoding="utf-8"))
          for path in sorted(DATA.glob("classify_*.yaml"))}
MINIMUM_ROWS = {"fr": 60, "en": 60, "de": 15, "nl": 15, "es": 15, "it": 15}

ALWAYS = {"purposes": (Purpose, frozenset()), "sensitive": (SensitiveCategory, frozenset())}
FLAGS = ("opt_out", "entailed", "negated")
WHEN_GIVEN_SETS = {"channels": Channel, "core_actions": CoreAction, "non_consents": NonConsent}
WHEN_GIVEN_FLAGS = ("withdrawal", "core_messages", "core_sharing", "site_preference")

CASES = [
    pytest.param(lang, case, id=f"{lang}-{i:02d}-{case['text'][:40]}")
    for lang, table in TABLES.items()
    for i, case in enumerate(table["cases"])
]


def _mismatches(meaning: Meaning, case: dict) -> list[str]:
    problems = []
    for name, (enum, empty) in ALWAYS.items():
        expected = frozenset(enum(v) for v in case.get(name, [])) if name in case else empty
        if getattr(meaning, name) != expected:
            problems.append(f"{name}: {sorted(getattr(meaning, name))} != {sorted(expected)}")
    for name in FLAGS:
        if getattr(meaning, name) != case.get(name, False):
            problems.append(f"{name}: {getattr(meaning, name)} != {case.get(name, False)}")
    for name, enum in WHEN_GIVEN_SETS.items():
        if name in case and getattr(meaning, name) != frozenset(enum(v) for v in case[name]):
            problems.append(f"{name}: {sorted(getattr(meaning, name))} != {sorted(case[name])}")
    for name in WHEN_GIVEN_FLAGS:
        if name in case and getattr(meaning, name) != case[name]:
            problems.append(f"{name}: {getattr(meaning, name)} != {case[name]}")
    if "matters" in case and meaning.distinct_matters != case["matters"]:
        problems.append(f"distinct_matters: {meaning.distinct_matters} != {case['matters']}")
    return problems


@pytest.mark.parametrize(("lang", "case"), CASES)
def test_table_row_with_language_given(lang: str, case: dict) -> None:
    meaning = classify(case["text"], lang)
    assert not _mismatches(meaning, case), f"{case['text']!r}: {_mismatches(meaning, case)}"


@pytest.mark.parametrize(("lang", "case"), CASES)
def test_table_row_with_language_detected(lang: str, case: dict) -> None:
    """The scanner does not know each label's language: detection (or, for a label with no
    telling word, every lexicon at once) must read the row the same way."""
    meaning = classify(case["text"])
    assert not _mismatches(meaning, case), f"{case['text']!r} ({meaning.lang}): {_mismatches(meaning, case)}"


@pytest.mark.parametrize("lang", sorted(MINIMUM_ROWS))
def test_tables_are_large_enough(lang: str) -> None:
    assert len(TABLES[lang]["cases"]) >= MINIMUM_ROWS[lang]


@pytest.mark.parametrize(("text", "lang"), [
    ("Je souhaite recevoir la lettre d'information de la campagne", "fr"),
    ("I would like to receive the newsletter from the campaign", "en"),
    ("Ich möchte den Newsletter der Wählergemeinschaft erhalten", "de"),
    ("Ik wil de nieuwsbrief van de lijst ontvangen", "nl"),
    ("Deseo recibir el boletín de la campaña", "es"),
    ("Desidero ricevere la newsletter della campagna", "it"),
])
def test_language_detection(text: str, lang: str) -> None:
    assert detect(normalise(text)) == lang


def test_normalise_folds_inclusive_writing_and_accents() -> None:
    assert normalise("Je suis inscrit·e, informé(e)s ET tenu·es  au courant") == "je suis inscrit, informes et tenu au courant"
    assert normalise("L’équipe\u00a0d’Œuvre") == "l'equipe d'oeuvre"


@pytest.mark.parametrize(("label", "sign"), [("Oui", 1), ("Ja", 1), ("Yes", 1), ("Non", -1), ("Nein", -1),
                                             ("No thanks", -1), ("Nee", -1), ("Per SMS", 0)])
def test_option_polarity(label: str, sign: int) -> None:
    assert polarity(label) == sign


def test_notice_facts() -> None:
    facts = notice_facts("Vos données sont traitées par l'Association X, responsable du traitement. Vous pouvez "
                         "vous désinscrire à tout moment. Droits d'accès et de rectification : dpo@x.example.")
    assert facts.data_protection and facts.controller and facts.withdrawal and facts.rights
    anonymous = notice_facts("Vos données sont traitées dans le respect du RGPD. Écrivez-nous à contact@x.example.")
    assert anonymous.data_protection and not anonymous.controller and not anonymous.rights
    assert not notice_facts("Les informations recueillies font l'objet d'un traitement destiné à la gestion des soutiens.").controller


def test_classifier_is_fast() -> None:
    """The scanner calls it thousands of times a page set: patterns are compiled once and a
    fresh sentence costs well under a millisecond."""
    texts = [f"{case['text']} {i}" for i in range(20) for table in TABLES.values() for case in table["cases"]]
    start = time.perf_counter()
    for text in texts:
        classify(text)
    per_call = (time.perf_counter() - start) / len(texts)
    assert per_call < 0.001, f"{per_call * 1000:.2f} ms per call"


def test_every_language_lexicon_defines_every_category() -> None:
    """A lexicon that forgets a category would silently read that language worse."""
    from scanner.classify.engine import _LIST_NAMES, _TABLE_NAMES
    from scanner.classify.lexicons import LEXICONS

    for code, module in LEXICONS.items():
        missing = [name for name in (*_LIST_NAMES, *_TABLE_NAMES) if not getattr(module, name, None)]
        assert not missing, f"lexicon_{code} lacks {missing}"
        assert module.LANG == code and len(module.STOPWORDS) >= 20


@pytest.mark.parametrize(("text", "survey"), [
    ("Comment avez-vous connu l'événement ?", True), ("How did you hear about us?", True),
    ("Wie haben Sie von uns erfahren?", True), ("Hoe heb je over ons gehoord?", True),
    ("¿Cómo nos conociste?", True), ("Come hai saputo della petizione?", True),
    ("Comment souhaitez-vous être informé ?", False), ("How would you like to hear from us?", False),
    ("Wie möchten Sie informiert werden?", False),
])
def test_survey_question(text: str, survey: bool) -> None:
    """A question about how the person found the campaign: its options are answers, not consents."""
    from scanner.classify import looks_like_survey

    assert looks_like_survey(text) is survey


@pytest.mark.parametrize(("text", "fact", "expected"), [
    ("This notice explains how Leeds Greens collects and uses your personal data.", "controller", True),
    ("L'association Tours en Commun traite vos données pour gérer les signatures.", "controller", True),
    ("Groen Tilburg is verantwoordelijk voor de verwerking van je persoonsgegevens.", "controller", True),
    ("De vzw Groen Leuven verwerkt je gegevens.", "controller", True),
    ("Die Initiative Stadtbus Jena e.V. verarbeitet Ihre Daten.", "controller", True),
    ("We process your personal data only to run this petition.", "controller", False),
    ("Ce site traite vos données personnelles uniquement pour enregistrer votre parrainage.", "controller", False),
    ("Nous traitons vos données pour gérer les signatures.", "controller", False),
    ("Wir verarbeiten Ihre Daten.", "controller", False),
    ("Vous pouvez consulter, modifier ou supprimer vos données en écrivant à rgpd@x.example.", "rights", True),
    ("You can request a copy of your data or ask us to delete it.", "rights", True),
    ("Je kunt je gegevens inzien, laten aanpassen of verwijderen.", "rights", True),
    ("Puedes acceder, rectificar y suprimir tus datos.", "rights", True),
    ("Sie können der Nutzung Ihrer Daten jederzeit widersprechen.", "rights", True),
    ("Nous supprimons vos données après trois ans.", "rights", False),
    ("You can change your preferences at any time.", "withdrawal", True),
    ("Ihre Einwilligung können Sie jederzeit zurückziehen.", "withdrawal", True),
    ("Puoi ritirare il tuo consenso in qualsiasi momento.", "withdrawal", True),
])
def test_notice_wording(text: str, fact: str, expected: bool) -> None:
    """Notices name the controller and the rights in many phrasings; a pronoun or "this site"
    names nobody (rules.md, missing-controller)."""
    assert getattr(notice_facts(text), fact) is expected
