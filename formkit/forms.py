"""WTForms form classes built at run time from a spec, one per language.

A generated form holds, in this order: the spec's personal-data fields (with real validation
and a maximum length each), the required attestations (``attest_<id>``), and one optional box
per purpose (``purpose_<id>``): a BooleanField, off by default, with no validator, so it can
never be required (GDPR art. 7(4); CJEU Planet49 for the default).

The server builds ``form_class(spec, lang)(request.form)``, calls ``validate()``, then reads
``person_data(form)``, ``purpose_choices(form)`` and ``attested(form)``.
"""

from __future__ import annotations

import re
from typing import Any

from wtforms import Form
from wtforms.fields import BooleanField, Field, SelectField
try:
    from wtforms.fields.choices import SelectChoice
except ImportError:  # WTForms < 3.3
    SelectChoice = None  # type: ignore[assignment,misc]
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from .fields import (
    BirthDateField,
    EmailAddress,
    PhoneNumber,
    PlausibleBirthDate,
    PostalCode,
    TrimmedEmailField,
    TrimmedStringField,
    TrimmedTelField,
)
from .i18n import COUNTRIES, FIELD_HINTS, FIELD_LABELS, t
from .spec import FieldSpec, Spec

MAX_LENGTHS: dict[str, int] = {
    "first_name": 100,
    "last_name": 100,
    "email": 254,  # RFC 5321 path limit
    "phone": 32,
    "postal_code": 10,
    "city": 100,
    "address": 200,
    "country": 2,
    "birth_date": 10,
}
CUSTOM_MAX_LENGTH = 200

AUTOCOMPLETE: dict[str, str] = {
    # WCAG 2.1 SC 1.3.5: fields about the user name their purpose with autocomplete tokens.
    "first_name": "given-name",
    "last_name": "family-name",
    "email": "email",
    "phone": "tel",
    "postal_code": "postal-code",
    "city": "address-level2",
    "address": "street-address",
    "country": "country",
    "birth_date": "bday",
}

# Words in a controller's address that tell the country a campaign works in; phone numbers
# typed without a country code are read in that country.
_ADDRESS_COUNTRIES = (
    (r"belgique|belgium|belgie|bruxelles|brussels", "BE"),
    (r"suisse|switzerland|schweiz|gen[eè]ve|lausanne", "CH"),
    (r"luxembourg", "LU"),
    (r"monaco", "MC"),
    (r"canada|qu[eé]bec|montr[eé]al", "CA"),
)

PURPOSE_PREFIX = "purpose_"
ATTESTATION_PREFIX = "attest_"


def purpose_field_name(purpose_id: str) -> str:
    """``phone-calls`` → ``purpose_phone_calls`` (ids are [a-z0-9-], so this cannot collide)."""
    return PURPOSE_PREFIX + purpose_id.replace("-", "_")


def attestation_field_name(attestation_id: str) -> str:
    return ATTESTATION_PREFIX + attestation_id.replace("-", "_")


def default_region(spec: Spec) -> str:
    """The country phone numbers and postal codes are read in when the person gives none:
    France unless the controller's address says otherwise."""
    address = (spec.controller.address or "") if spec.controller else ""
    for pattern, region in _ADDRESS_COUNTRIES:
        if re.search(pattern, address, re.IGNORECASE):
            return region
    return "FR"


def field_label(field: FieldSpec, lang: str) -> str:
    if field.label:
        return field.label[lang]
    return FIELD_LABELS[lang][field.name]


def _choice(value: str, label: str) -> Any:
    # WTForms 3.3 deprecates (value, label) tuples in favour of SelectChoice.
    return SelectChoice(value, label) if SelectChoice else (value, label)


def _person_field(field: FieldSpec, lang: str, region: str) -> Field:
    label = field_label(field, lang)
    max_length = MAX_LENGTHS.get(field.name, CUSTOM_MAX_LENGTH)
    validators: list[Any] = [
        DataRequired(message=t(lang, "err_required")) if field.required else Optional(),
    ]
    render_kw: dict[str, Any] = {}
    if field.name in AUTOCOMPLETE:
        render_kw["autocomplete"] = AUTOCOMPLETE[field.name]
    # The hints give French examples: shown only where numbers are read as French ones.
    description = FIELD_HINTS[lang].get(field.name, "") if region == "FR" else ""
    common = {"id": f"ub-{field.name}", "description": description, "render_kw": render_kw}

    if field.name == "country":
        choices = [_choice("", t(lang, "choose"))] + [_choice(code, name) for code, name in COUNTRIES[lang].items()]
        if field.required:
            validators = [InputRequired(message=t(lang, "err_choice"))]
        return SelectField(label, validators=validators, choices=choices, default="", **common)
    if field.name == "birth_date":
        return BirthDateField(label, validators=[*validators, PlausibleBirthDate(lang)],
                              format="%Y-%m-%d", lang=lang, **common)

    length = Length(max=max_length, message=t(lang, "err_too_long", max=max_length))
    render_kw["maxlength"] = max_length
    if field.name == "email":
        render_kw["spellcheck"] = "false"
        return TrimmedEmailField(label, validators=[*validators, length, EmailAddress(lang)], **common)
    if field.name == "phone":
        return TrimmedTelField(label, validators=[*validators, length, PhoneNumber(lang)], **common)
    if field.name == "postal_code":
        return TrimmedStringField(label, validators=[*validators, length, PostalCode(lang)], **common)
    return TrimmedStringField(label, validators=[*validators, length], **common)


class SpecForm(Form):
    """Base of every generated form; the class attributes below are set per spec and language."""

    spec: Spec
    lang: str
    default_region: str = "FR"
    person_fields: tuple[str, ...] = ()
    attestation_fields: dict[str, str] = {}
    """attestation id → field name"""
    purpose_fields: dict[str, str] = {}
    """purpose id → field name"""


RESERVED_FIELD_NAMES: frozenset[str] = frozenset(
    {name for name in dir(SpecForm) if not name.startswith("_")} | {"spec", "lang", "meta"})
"""Names a spec field cannot take: they are attributes of the form class itself."""


def form_class(spec: Spec, lang: str | None = None) -> type[SpecForm]:
    """A WTForms class for ``spec`` in ``lang`` (default: the spec's first language).

    Built afresh on each call (cheap); a server may cache it per (spec.id, spec.version, lang).
    """
    lang = lang or spec.default_language
    if lang not in spec.languages:
        raise ValueError(f"form {spec.id!r} is not written in {lang!r} (languages: {', '.join(spec.languages)})")

    class Meta:
        # WTForms' own messages (e.g. an unknown select choice) in the form's language.
        locales = [lang, "en"]
        csrf = False  # the server adds its own signed token as a hidden input

    clashes = [f.name for f in spec.fields if f.name in RESERVED_FIELD_NAMES
               or f.name.startswith((PURPOSE_PREFIX, ATTESTATION_PREFIX))]
    if clashes:
        raise ValueError(f"form {spec.id!r}: field name(s) {', '.join(clashes)} are reserved; rename them")
    region = default_region(spec)
    attrs: dict[str, Any] = {
        "Meta": Meta,
        "spec": spec,
        "lang": lang,
        "default_region": region,
        "person_fields": tuple(f.name for f in spec.fields),
        "attestation_fields": {a.id: attestation_field_name(a.id) for a in spec.attestations},
        "purpose_fields": {p.id: purpose_field_name(p.id) for p in spec.purposes},
    }
    for field in spec.fields:
        attrs[field.name] = _person_field(field, lang, region)
    for att in spec.attestations:
        name = attestation_field_name(att.id)
        attrs[name] = BooleanField(att.text[lang], id=f"ub-{name}",
                                   validators=[DataRequired(message=t(lang, "err_attestation"))])
    for purpose in spec.purposes:
        name = purpose_field_name(purpose.id)
        # No validator at all: nothing can make this box required, and default=False keeps it
        # unticked until the person ticks it.
        attrs[name] = BooleanField(purpose.text[lang], id=f"ub-{name}", default=False)
    class_name = "".join(part.capitalize() for part in re.split(r"[^a-z0-9]+", spec.id)) + lang.capitalize() + "Form"
    return type(class_name, (SpecForm,), attrs)


def build_form(spec: Spec, lang: str | None = None, formdata: Any = None) -> SpecForm:
    """An instance, bound to ``formdata`` (e.g. Flask's ``request.form``) when given."""
    return form_class(spec, lang)(formdata=formdata)


def person_data(form: SpecForm) -> dict[str, str]:
    """The personal data of a validated form, normalised: e-mail as validated, phone in
    E.164, postal code upper-case without stray spaces, dates in ISO 8601. Empty optional
    fields are left out."""
    data: dict[str, str] = {}
    for name in form.person_fields:
        field = form[name]
        value = getattr(field, "normalised", None)
        if value is None:
            value = field.data
        if value is None or value == "":
            continue
        data[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return data


def purpose_choices(form: SpecForm) -> dict[str, bool]:
    """purpose id → whether the person ticked its box."""
    return {pid: bool(form[name].data) for pid, name in form.purpose_fields.items()}


def attested(form: SpecForm) -> list[str]:
    """Ids of the attestations the person ticked (all of them once the form validates)."""
    return [aid for aid, name in form.attestation_fields.items() if form[name].data]


def error_messages(form: SpecForm) -> dict[str, list[str]]:
    """field id → its error messages, for the error summary at the top of the form."""
    return {form[name].id: list(form[name].errors) for name in form._fields if form[name].errors}
