"""Load and validate form specs (../shared/spec/formspec.md) into typed objects.

Loading checks the *schema*: keys, types, translations, ids. Whether the spec would publish an
invalid consent is the linter's job (``formkit.lint``), so keys such as ``required: true`` on a
purpose load fine here and are refused there with their rule id. Every problem names its path in
the file (``purposes[1].text.en``), and all problems are reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scanner.vocabulary import Channel, CoreAction

from .errors import SCHEMA, Problem, SpecError
from .i18n import UI_LANGUAGES

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
DURATION_RE = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")

KNOWN_FIELDS: tuple[str, ...] = (
    "first_name", "last_name", "email", "phone", "postal_code",
    "city", "address", "country", "birth_date",
)
"""Field names with built-in labels and validation (formspec.md); others need a label."""

PURPOSE_RETENTION_WORDS = ("until-withdrawn", "election-end")

SUBSCRIPTION_ID = "newsletter"
"""On a newsletter-only form the subscription itself is a consent (art. 6(1)(a)): the ledger
records, exports and withdraws it under this purpose id (see ``Spec.consent_purposes``)."""

Text = dict[str, str]
"""One text per language of the spec."""


@dataclass(frozen=True)
class Duration:
    """An ISO 8601 date duration (years, months, weeks, days)."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    text: str = ""

    def after(self, day: dt.date) -> dt.date:
        month_index = day.month - 1 + self.months + 12 * self.years
        year, month = day.year + month_index // 12, month_index % 12 + 1
        # Clamp the day: 31 January + P1M is the last day of February.
        for dom in range(day.day, 0, -1):
            try:
                moved = dt.date(year, month, dom)
                break
            except ValueError:
                continue
        return moved + dt.timedelta(days=self.days + 7 * self.weeks)

    def __str__(self) -> str:
        return self.text


UNTIL_WITHDRAWN_LIMIT = Duration(years=3, text="P3Y")
"""An ``until-withdrawn`` consent lapses three years after it was last given (a new submission
renews it). Our judgement, following the CNIL's three years from the last contact coming from
the person (référentiel « gestion des activités commerciales », prospection): a consent nobody
has renewed for three years no longer reflects a current wish, and data kept without end breaks
art. 5(1)(e). The notice says so (formkit.render) and the ledger applies it (ledger.retention)."""


def parse_duration(value: str) -> Duration | None:
    match = DURATION_RE.match(value)
    if not match or value == "P":
        return None
    y, m, w, d = (int(g) if g else 0 for g in match.groups())
    return Duration(y, m, w, d, value)


@dataclass(frozen=True)
class Controller:
    name: str | None
    address: str | None = None
    email: str | None = None
    dpo: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class FieldSpec:
    name: str
    required: bool = False
    label: Text | None = None
    """Only for names outside KNOWN_FIELDS (the built-in ones have their own labels)."""


@dataclass(frozen=True)
class Attestation:
    id: str
    text: Text


@dataclass(frozen=True)
class PurposeSpec:
    id: str
    text: Text
    channels: tuple[Channel, ...] = ()
    """formspec allows at most one; more is kept so the linter can say bundled-channels."""
    retention: str = "until-withdrawn"
    """until-withdrawn | election-end | an ISO 8601 duration."""
    required: bool = False
    checked: bool = False

    @property
    def channel(self) -> Channel | None:
        return self.channels[0] if self.channels else None


@dataclass(frozen=True)
class Retention:
    election_end: dt.date | None = None
    core_action: Duration | None = None


@dataclass(frozen=True)
class Recipient:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Spec:
    id: str
    version: int
    languages: tuple[str, ...]
    action: CoreAction
    title: Text
    submit: Text
    controller: Controller | None
    privacy_url: str | None
    fields: tuple[FieldSpec, ...]
    attestations: tuple[Attestation, ...] = ()
    purposes: tuple[PurposeSpec, ...] = ()
    retention: Retention = field(default_factory=Retention)
    recipients: tuple[Recipient, ...] = ()
    double_opt_in: bool = False
    source: str = "<spec>"

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def subscription(self) -> PurposeSpec | None:
        """On a newsletter-only form, the subscription as a consent: e-mail, worded by the title
        and the submit label the person saw, kept until the election's end when there is one
        (the notice keeps form data until then plus ``core_action``), else until withdrawn."""
        if self.action is not CoreAction.NEWSLETTER:
            return None
        wording = {lang: f"{self.title[lang]} — {self.submit[lang]}" for lang in self.languages}
        retention = "election-end" if self.retention.election_end else "until-withdrawn"
        return PurposeSpec(SUBSCRIPTION_ID, wording, (Channel.EMAIL,), retention)

    @property
    def consent_purposes(self) -> tuple[PurposeSpec, ...]:
        """Every consent a submission records: the subscription of a newsletter-only form (given
        by submitting), then the optional purposes (one box each)."""
        subscription = self.subscription
        return (subscription, *self.purposes) if subscription else self.purposes

    def purpose(self, purpose_id: str) -> PurposeSpec:
        for purpose in self.consent_purposes:
            if purpose.id == purpose_id:
                return purpose
        raise KeyError(f"form {self.id!r} has no purpose {purpose_id!r}")


class _Reader:
    """Walks the parsed YAML, collecting every schema problem with its path."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] = ()

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.source, path, SCHEMA, message))

    def mapping(self, value: Any, path: str, allowed: dict[str, bool]) -> dict[str, Any] | None:
        """Check a mapping's keys: ``allowed`` maps each key to whether it is required."""
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping, got {_kind(value)}")
            return None
        for key in value:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.problem(_join(path, str(key)), f"unknown key {key!r} (known keys: {known})")
        for key, required in allowed.items():
            if required and key not in value:
                self.problem(_join(path, key), "missing required key")
        return value

    def string(self, value: Any, path: str, *, pattern: re.Pattern[str] | None = None,
               what: str = "") -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(path, f"expected a non-empty string, got {_kind(value)}")
            return None
        if pattern and not pattern.match(value):
            self.problem(path, f"bad {what or 'value'} {value!r}")
            return None
        return value.strip()

    def boolean(self, value: Any, path: str) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(path, f"expected true or false, got {_kind(value)}")
            return False
        return value

    def text(self, value: Any, path: str) -> Text:
        """A translated text: one non-empty string per language of the spec."""
        if isinstance(value, str):
            self.problem(path, "expected one text per language (e.g. {fr: ..., en: ...}), got a string")
            return {}
        if not isinstance(value, dict):
            self.problem(path, f"expected one text per language, got {_kind(value)}")
            return {}
        result: Text = {}
        for lang in value:
            if lang not in self.languages:
                self.problem(_join(path, str(lang)), f"language {lang!r} is not in `languages`")
        for lang in self.languages:
            if lang not in value or value[lang] is None:
                self.problem(_join(path, lang), "missing translation")
            else:
                text = self.string(value[lang], _join(path, lang))
                if text:
                    result[lang] = text
        return result

    def items(self, value: Any, path: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, f"expected a list, got {_kind(value)}")
            return []
        return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {bool: "a boolean", int: "a number", float: "a number", str: f"the string {value!r}",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


TOP_KEYS = {
    "id": True, "version": True, "languages": True, "action": True, "title": True,
    "submit": True, "controller": False, "privacy_url": False, "fields": True,
    "attestations": False, "purposes": False, "retention": False, "recipients": False,
    "double_opt_in": False,
}
PURPOSE_KEYS = {"id": True, "channel": False, "text": True, "retention": False,
                "required": False, "checked": False, "default": False}


def parse_spec(data: Any, source: str = "<spec>") -> Spec:
    """Validate parsed YAML; raise SpecError listing every problem."""
    r = _Reader(source)
    top = r.mapping(data, "", TOP_KEYS)
    if top is None:
        raise SpecError(r.problems)

    spec_id = r.string(top.get("id"), "id", pattern=ID_RE, what="id (use [a-z0-9-])")
    version = top.get("version")
    if "version" in top and (not isinstance(version, int) or isinstance(version, bool) or version < 1):
        r.problem("version", f"expected a whole number from 1, got {_kind(version)}")

    languages = r.items(top.get("languages"), "languages")
    for i, lang in enumerate(languages):
        if lang not in UI_LANGUAGES:
            r.problem(f"languages[{i}]", f"unsupported language {lang!r} (supported: {', '.join(UI_LANGUAGES)})")
    if "languages" in top and not languages:
        r.problem("languages", "list at least one language")
    if len(set(map(str, languages))) != len(languages):
        r.problem("languages", "a language is listed twice")
    r.languages = tuple(lang for lang in languages if lang in UI_LANGUAGES)

    action = None
    if "action" in top:
        try:
            action = CoreAction(top["action"])
        except ValueError:
            r.problem("action", f"unknown action {top['action']!r} (one of: {', '.join(CoreAction)})")

    title = r.text(top.get("title"), "title") if "title" in top else {}
    submit = r.text(top.get("submit"), "submit") if "submit" in top else {}

    controller = None
    if top.get("controller") is not None:
        c = r.mapping(top["controller"], "controller",
                      {"name": False, "address": False, "email": False, "dpo": False, "phone": False})
        if c is not None:
            controller = Controller(**{k: r.string(c.get(k), f"controller.{k}") for k in
                                       ("name", "address", "email", "dpo", "phone")})

    privacy_url = r.string(top.get("privacy_url"), "privacy_url")
    if privacy_url and not re.match(r"^https?://[^\s/]+", privacy_url):
        r.problem("privacy_url", f"expected an http(s) URL, got {privacy_url!r}")

    fields: list[FieldSpec] = []
    seen_fields: set[str] = set()
    for i, raw in enumerate(r.items(top.get("fields"), "fields")):
        path = f"fields[{i}]"
        f = r.mapping(raw, path, {"name": True, "required": False, "label": False})
        if f is None:
            continue
        name = r.string(f.get("name"), f"{path}.name", pattern=FIELD_NAME_RE, what="field name")
        label = r.text(f["label"], f"{path}.label") if "label" in f else None
        if name and name not in KNOWN_FIELDS and label is None:
            r.problem(f"{path}.label", f"field {name!r} is not a known field, so it needs a label per language")
        if name in seen_fields:
            r.problem(f"{path}.name", f"duplicate field {name!r}")
        if name:
            seen_fields.add(name)
            fields.append(FieldSpec(name, r.boolean(f.get("required"), f"{path}.required"), label))
    if "fields" in top and not fields and not r.problems:
        r.problem("fields", "list at least one field")

    attestations: list[Attestation] = []
    for i, raw in enumerate(r.items(top.get("attestations"), "attestations")):
        path = f"attestations[{i}]"
        a = r.mapping(raw, path, {"id": True, "text": True})
        if a is None:
            continue
        att_id = r.string(a.get("id"), f"{path}.id", pattern=ID_RE, what="id (use [a-z0-9-])")
        text = r.text(a.get("text"), f"{path}.text") if "text" in a else {}
        if att_id:
            attestations.append(Attestation(att_id, text))

    purposes: list[PurposeSpec] = []
    seen_purposes: set[str] = set()
    for i, raw in enumerate(r.items(top.get("purposes"), "purposes")):
        path = f"purposes[{i}]"
        p = r.mapping(raw, path, PURPOSE_KEYS)
        if p is None:
            continue
        purpose_id = r.string(p.get("id"), f"{path}.id", pattern=ID_RE, what="id (use [a-z0-9-])")
        if purpose_id in seen_purposes:
            r.problem(f"{path}.id", f"duplicate purpose {purpose_id!r}")
        channels = _channels(r, p.get("channel"), f"{path}.channel")
        text = r.text(p.get("text"), f"{path}.text") if "text" in p else {}
        retention = p.get("retention", "until-withdrawn")
        if not (retention in PURPOSE_RETENTION_WORDS or (isinstance(retention, str) and parse_duration(retention))):
            r.problem(f"{path}.retention",
                      f"expected until-withdrawn, election-end or an ISO 8601 duration such as P3Y, got {_kind(retention)}")
        required = r.boolean(p.get("required"), f"{path}.required")
        checked = r.boolean(p.get("checked"), f"{path}.checked") or r.boolean(p.get("default"), f"{path}.default")
        if purpose_id:
            seen_purposes.add(purpose_id)
            purposes.append(PurposeSpec(purpose_id, text, channels, str(retention), required, checked))

    if action is CoreAction.NEWSLETTER:
        for i, p in enumerate(purposes):
            if p.id == SUBSCRIPTION_ID:
                r.problem(f"purposes[{i}].id", f"on a newsletter-only form the subscription itself is "
                          f"recorded as {SUBSCRIPTION_ID!r}: give this purpose another id")

    retention = _retention(r, top.get("retention"))
    if any(p.retention == "election-end" for p in purposes) and retention.election_end is None:
        r.problem("retention.election_end", "a purpose keeps data until election-end, so give the election's end date")

    recipients: list[Recipient] = []
    for i, raw in enumerate(r.items(top.get("recipients"), "recipients")):
        rec = r.mapping(raw, f"recipients[{i}]", {"name": True, "role": False})
        if rec is not None:
            name = r.string(rec.get("name"), f"recipients[{i}].name")
            if name:
                recipients.append(Recipient(name, r.string(rec.get("role"), f"recipients[{i}].role")))

    double_opt_in = r.boolean(top.get("double_opt_in"), "double_opt_in")

    if r.problems:
        raise SpecError(r.problems)
    assert spec_id and action is not None  # guaranteed when no problem was found
    return Spec(
        id=spec_id, version=version, languages=r.languages, action=action, title=title,
        submit=submit, controller=controller, privacy_url=privacy_url, fields=tuple(fields),
        attestations=tuple(attestations), purposes=tuple(purposes), retention=retention,
        recipients=tuple(recipients), double_opt_in=double_opt_in, source=source,
    )


def _channels(r: _Reader, value: Any, path: str) -> tuple[Channel, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    channels = []
    for v in values:
        try:
            channels.append(Channel(v))
        except ValueError:
            r.problem(path, f"unknown channel {v!r} (one of: {', '.join(Channel)})")
    return tuple(channels)


def _retention(r: _Reader, value: Any) -> Retention:
    if value is None:
        return Retention()
    m = r.mapping(value, "retention", {"election_end": False, "core_action": False})
    if m is None:
        return Retention()
    end = m.get("election_end")
    if end is not None and not isinstance(end, dt.date):
        try:
            end = dt.date.fromisoformat(str(end))
        except ValueError:
            r.problem("retention.election_end", f"expected a date such as 2027-05-09, got {_kind(end)}")
            end = None
    core = None
    if m.get("core_action") is not None:
        core = parse_duration(str(m["core_action"]))
        if core is None:
            r.problem("retention.core_action", f"expected an ISO 8601 duration such as P6M, got {_kind(m['core_action'])}")
    return Retention(end, core)


def load_spec(path: str | Path) -> Spec:
    """Read and validate one YAML spec file; SpecError names every problem and its path."""
    source = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SpecError([Problem(source, "", SCHEMA, f"cannot read the file: {reason}")]) from None
    except UnicodeDecodeError as exc:
        raise SpecError([Problem(source, "", SCHEMA, f"the file is not UTF-8 text (byte {exc.start})")]) from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise SpecError([Problem(source, where, SCHEMA, f"not valid YAML: {reason}")]) from None
    return parse_spec(data, source)


def load_specs(directory: str | Path) -> list[Spec]:
    """Every ``*.yaml`` / ``*.yml`` spec directly in a folder, sorted by file name."""
    folder = Path(directory)
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return [load_spec(f) for f in files]
