"""WTForms fields and validators for the personal data a campaign form collects.

Each field that needs it keeps a ``normalised`` value after validation (an E.164 phone number,
an upper-cased postal code, a normalised e-mail), so the server stores one canonical form of the
data. Validators are small callables raising ``ValidationError``, WTForms' way; their messages
come from ``formkit.i18n`` in the form's language.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from wtforms import Form
from wtforms.fields import DateField, EmailField, StringField, TelField
from wtforms.validators import ValidationError

from .i18n import t

FR_POSTAL_RE = re.compile(r"^\d{5}$")
OTHER_POSTAL_RE = re.compile(r"^[A-Z0-9][A-Z0-9 \-]{1,9}$")
# Countries whose postal codes are five digits like France's (Monaco uses 980xx).
FIVE_DIGIT_REGIONS = {"FR", "MC"}


OTHER_COUNTRY = "ZZ"
"""The country select's "another country" choice (ISO 3166 user-assigned code)."""


def chosen_country(form: Form) -> str | None:
    """The person's choice in a ``country`` field, when the form has one and it is filled."""
    code = getattr(getattr(form, "country", None), "data", None)
    return code if isinstance(code, str) and len(code) == 2 else None


def region_of(form: Form) -> str:
    """The country to read phone numbers and postal codes in: the person's choice in a
    ``country`` field when there is one (and it is not "other"), else the spec's default."""
    code = chosen_country(form)
    if code and code != OTHER_COUNTRY:
        return code
    return getattr(form, "default_region", "FR")


class EmailAddress:
    """A syntactically valid address. Deliverability (DNS) is not checked: forms must validate
    offline, and a typo in the domain is caught by the confirmation e-mail."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, form: Form, field: Any) -> None:
        if not field.data:
            return
        try:
            result = validate_email(field.data.strip(), check_deliverability=False)
        except EmailNotValidError:
            raise ValidationError(t(self.lang, "err_email")) from None
        field.normalised = result.normalized


class PhoneNumber:
    """A possible and valid number for its country, stored in E.164 (+33612345678)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, form: Form, field: Any) -> None:
        if not field.data:
            return
        try:
            number = phonenumbers.parse(field.data, region_of(form))
        except phonenumbers.NumberParseException:
            raise ValidationError(t(self.lang, "err_phone")) from None
        if not phonenumbers.is_valid_number(number):
            raise ValidationError(t(self.lang, "err_phone"))
        field.normalised = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class PostalCode:
    """Five digits in France and Monaco; elsewhere lenient (letters, digits, space, hyphen),
    because postal formats vary and a wrong refusal costs a supporter."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, form: Form, field: Any) -> None:
        if not field.data:
            return
        code = re.sub(r"\s+", " ", field.data.strip().upper())
        if chosen_country(form) != OTHER_COUNTRY and region_of(form) in FIVE_DIGIT_REGIONS:
            code = code.replace(" ", "")
            if not FR_POSTAL_RE.match(code):
                raise ValidationError(t(self.lang, "err_postal_fr"))
        elif not OTHER_POSTAL_RE.match(code):
            raise ValidationError(t(self.lang, "err_postal"))
        field.normalised = code


class PlausibleBirthDate:
    """Not in the future and not more than 120 years ago."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, form: Form, field: Any) -> None:
        if field.data is None:
            return
        today = dt.date.today()
        if not (dt.date(today.year - 120, 1, 1) <= field.data <= today):
            raise ValidationError(t(self.lang, "err_birth_date"))


class TrimmedStringField(StringField):
    """Leading and trailing spaces are never part of a name or a city."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        super().process_formdata(valuelist)
        if isinstance(self.data, str):
            self.data = self.data.strip()


class TrimmedEmailField(EmailField):
    def process_formdata(self, valuelist: list[Any]) -> None:
        super().process_formdata(valuelist)
        if isinstance(self.data, str):
            self.data = self.data.strip()


class TrimmedTelField(TelField):
    def process_formdata(self, valuelist: list[Any]) -> None:
        super().process_formdata(valuelist)
        if isinstance(self.data, str):
            self.data = self.data.strip()


class BirthDateField(DateField):
    """An HTML date input whose parse error is in the form's language."""

    def __init__(self, *args: Any, lang: str = "fr", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lang = lang

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(t(self.lang, "err_date")) from None
