"""Generated WTForms forms: real validation, normalised data, purposes never required nor on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from werkzeug.datastructures import MultiDict
from wtforms.fields import BooleanField

from formkit.forms import (
    MAX_LENGTHS,
    attested,
    build_form,
    default_region,
    form_class,
    person_data,
    purpose_choices,
)
from formkit.i18n import FIELD_LABELS, MESSAGES
from formkit.spec import load_spec

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SPONSOR = load_spec(EXAMPLES / "parrainage-presidentielle.yaml")
MEMBERSHIP = load_spec(EXAMPLES / "adhesion-parti.yaml")
VOLUNTEER = load_spec(EXAMPLES / "benevolat-municipales.yaml")
ALL = [load_spec(p) for p in sorted(EXAMPLES.glob("*.yaml"))]

VALID = {
    "first_name": "Camille", "last_name": "Martin", "email": "camille@exemple.fr",
    "postal_code": "69001", "attest_eligibility": "y",
}


def submit(spec, data, lang="fr"):
    form = build_form(spec, lang, MultiDict(data))
    return form, form.validate()


def test_valid_submission_without_any_purpose():
    form, ok = submit(SPONSOR, VALID)
    assert ok, form.errors
    assert purpose_choices(form) == {"newsletter": False, "sms": False}
    assert attested(form) == ["eligibility"]


def test_purposes_are_recorded_only_when_ticked():
    form, ok = submit(SPONSOR, {**VALID, "purpose_sms": "y"})
    assert ok and purpose_choices(form) == {"newsletter": False, "sms": True}


@pytest.mark.parametrize("spec", ALL, ids=lambda s: s.id)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_purposes_are_never_required_and_off_by_default(spec, lang):
    form = build_form(spec, lang)
    assert set(form.purpose_fields) == {p.id for p in spec.purposes}
    for name in form.purpose_fields.values():
        field = form[name]
        assert isinstance(field, BooleanField)
        assert field.data is False
        assert not field.flags.required
        assert list(field.validators) == []
        html = field()
        assert "checked" not in html and "required" not in html


def test_attestations_are_required():
    form, ok = submit(SPONSOR, {k: v for k, v in VALID.items() if k != "attest_eligibility"})
    assert not ok
    assert form.errors == {"attest_eligibility": [MESSAGES["fr"]["err_attestation"]]}


@pytest.mark.parametrize(("email", "ok"), [
    ("camille@exemple.fr", True),
    ("  Camille.Martin+campagne@exemple.fr ", True),
    ("camille@", False),
    ("camille exemple.fr", False),
    ("camille@exemple", False),
    ("camille@@exemple.fr", False),
])
def test_email_validation(email, ok):
    form, valid = submit(SPONSOR, {**VALID, "email": email})
    assert valid is ok, form.errors
    if ok:
        assert person_data(form)["email"] == email.strip()


@pytest.mark.parametrize(("spec", "typed", "e164"), [
    (SPONSOR, "06 12 34 56 78", "+33612345678"),
    (SPONSOR, "+33 6 12 34 56 78", "+33612345678"),
    (SPONSOR, "0033612345678", "+33612345678"),
    (SPONSOR, "01.84.00.00.00", "+33184000000"),
    (SPONSOR, "+32 470 12 34 56", "+32470123456"),
    # The Brussels campaign reads numbers without a country code as Belgian ones.
    (VOLUNTEER, "0470 12 34 56", "+32470123456"),
])
def test_phone_is_normalised_to_e164(spec, typed, e164):
    data = {**VALID, "phone": typed}
    if spec is VOLUNTEER:
        data = {"first_name": "Sam", "email": "sam@exemple.be", "phone": typed,
                "postal_code": "1000", "attest_eligibility": "y"}
    form, ok = submit(spec, data)
    assert ok, form.errors
    assert person_data(form)["phone"] == e164


@pytest.mark.parametrize("typed", ["12", "06 12", "not a number", "+33 6 12 34 56 78 90 12"])
def test_bad_phone_numbers_are_refused(typed):
    form, ok = submit(SPONSOR, {**VALID, "phone": typed})
    assert not ok and list(form.errors) == ["phone"]


def test_default_region():
    assert default_region(SPONSOR) == "FR"
    assert default_region(VOLUNTEER) == "BE"


@pytest.mark.parametrize(("code", "ok", "normalised"), [
    ("69001", True, "69001"),
    ("69 001", True, "69001"),
    ("97400", True, "97400"),
    ("6900", False, None),
    ("690011", False, None),
    ("ABCDE", False, None),
])
def test_french_postal_codes(code, ok, normalised):
    form, valid = submit(SPONSOR, {**VALID, "postal_code": code})
    assert valid is ok, form.errors
    if ok:
        assert person_data(form)["postal_code"] == normalised


MEMBER = {
    "first_name": "Camille", "last_name": "Martin", "email": "camille@exemple.fr",
    "address": "12 rue de la République", "postal_code": "69001", "city": "Lyon",
    "country": "FR", "birth_date": "1990-04-01",
    "attest_eligibility": "y", "attest_accuracy": "y", "attest_statutes": "y",
}


@pytest.mark.parametrize(("country", "code", "ok"), [
    ("FR", "1000", False),
    ("BE", "1000", True),
    ("GB", "SW1A 1AA", True),
    ("ZZ", "12-345", True),
    ("BE", "<script>", False),
])
def test_postal_code_follows_the_chosen_country(country, code, ok):
    form, valid = submit(MEMBERSHIP, {**MEMBER, "country": country, "postal_code": code})
    assert valid is ok, form.errors


def test_country_must_be_a_listed_choice():
    form, ok = submit(MEMBERSHIP, {**MEMBER, "country": "XX"})
    assert not ok and "country" in form.errors
    form, ok = submit(MEMBERSHIP, {**MEMBER, "country": ""})
    assert not ok and "country" in form.errors


def test_phone_follows_the_chosen_country():
    form, ok = submit(MEMBERSHIP, {**MEMBER, "country": "BE", "postal_code": "1000", "phone": "0470 12 34 56"})
    assert ok, form.errors
    assert person_data(form)["phone"] == "+32470123456"


@pytest.mark.parametrize(("day", "ok"), [
    ("1990-04-01", True),
    ((dt.date.today() + dt.timedelta(days=2)).isoformat(), False),
    ("1850-01-01", False),
    ("01/04/1990", False),
])
def test_birth_date(day, ok):
    form, valid = submit(MEMBERSHIP, {**MEMBER, "birth_date": day})
    assert valid is ok, form.errors
    if ok:
        assert person_data(form)["birth_date"] == day


def test_max_lengths_on_every_field():
    for spec in ALL:
        form = build_form(spec, "fr")
        for name in form.person_fields:
            field = form[name]
            limit = MAX_LENGTHS.get(name, 200)
            if field.type in ("SelectField", "BirthDateField"):
                continue  # a fixed choice or a parsed date: no free length
            assert f'maxlength="{limit}"' in field(), name
    form, ok = submit(SPONSOR, {**VALID, "first_name": "A" * 101})
    assert not ok and list(form.errors) == ["first_name"]
    form, ok = submit(SPONSOR, {**VALID, "first_name": "A" * 100})
    assert ok


def test_required_fields_and_optional_ones():
    form, ok = submit(SPONSOR, {**VALID, "first_name": "  "})
    assert not ok and list(form.errors) == ["first_name"]
    form, ok = submit(SPONSOR, {**VALID, "phone": ""})  # phone is optional in this spec
    assert ok and "phone" not in person_data(form)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_labels_in_each_language(lang):
    form = build_form(MEMBERSHIP, lang)
    assert form["first_name"].label.text == FIELD_LABELS[lang]["first_name"]
    assert form["local_group"].label.text == {"fr": "Groupe local souhaité", "en": "Preferred local group"}[lang]
    assert form["purpose_newsletter"].label.text == MEMBERSHIP.purpose("newsletter").text[lang]
    form, ok = submit(MEMBERSHIP, {}, lang)
    assert form.errors["first_name"] == [MESSAGES[lang]["err_required"]]


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="not written in 'de'"):
        form_class(SPONSOR, "de")
