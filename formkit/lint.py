"""The spec linter: refuse a spec whose published form would collect invalid consent.

The loader (``formkit.spec``) checks the schema; this module checks the *rules* of
../shared/spec/rules.md on a loaded spec, with the refusals listed in formspec.md ("What the
linter refuses"). Structural refusals (a purpose marked required or checked, two channels, no
controller) are read from the spec's keys; judgements on wording (does this attestation also
subscribe to the newsletter? does the submit label imply a purpose?) come from the shared text
classifier ``scanner.classify``, so the linter and the scanner read sentences the same way.

Every problem carries a severity. The table of formspec.md is refused (``error``, exit 1) even
where the scanner's catalog calls the same rule a warning: a spec is written before anything is
published, so there is no reason to let a doubtful consent through. Wording that only *may* be
wrong is a ``warning``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from scanner.classify import Meaning, classify
from scanner.hosts import is_loopback
from scanner.vocabulary import PURPOSE_SLUGS, CoreAction, Purpose

from .errors import SCHEMA, Problem, SpecError
from .forms import ATTESTATION_PREFIX, PURPOSE_PREFIX, RESERVED_FIELD_NAMES
from .spec import KNOWN_FIELDS, Spec, load_spec

ERROR = "error"
WARNING = "warning"

RESERVED_FIELD_PREFIXES = (PURPOSE_PREFIX, ATTESTATION_PREFIX)
"""Generated boxes are named ``purpose_<id>`` / ``attest_<id>`` (formkit.forms)."""


@dataclass(frozen=True)
class LintProblem(Problem):
    """A Problem with the linter's severity (``error`` refuses the spec, ``warning`` does not)."""

    severity: str = ERROR

    def line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        tag = "warning: " if self.severity == WARNING else ""
        return f"{self.file}: {where}{self.rule}: {tag}{self.message}"

    def as_dict(self) -> dict[str, str]:
        return {**super().as_dict(), "severity": self.severity}


def severity(problem: Problem) -> str:
    """Schema problems from the loader are plain Problems, and always errors."""
    return getattr(problem, "severity", ERROR)


def has_errors(problems: list[Problem]) -> bool:
    return any(severity(p) == ERROR for p in problems)


def lint_file(path: str | Path, *, today: dt.date | None = None) -> list[Problem]:
    """Schema problems when the file does not load; otherwise the rule problems of the spec."""
    try:
        spec = load_spec(path)
    except SpecError as exc:
        return list(exc.problems)
    return lint_spec(spec, today=today)


def lint_spec(spec: Spec, *, today: dt.date | None = None) -> list[Problem]:
    """Every rule problem of a loaded spec, in the order of the file. ``today`` (default: the
    real date) only serves to warn about an election that is already over."""
    out = _Collector(spec.source)
    _check_election_date(spec, today or dt.date.today(), out)
    _check_texts_around_the_form(spec, out)
    _check_fields(spec, out)
    _check_attestations(spec, out)
    _check_purposes(spec, out)
    _check_information(spec, out)
    return out.problems


def _check_election_date(spec: Spec, today: dt.date, out: _Collector) -> None:
    end = spec.retention.election_end
    if end is not None and end < today:
        # Election files are deleted once the election is over (CNIL): data collected now
        # would be due for deletion the day it arrives.
        out.add("retention.election_end", SCHEMA,
                f"the election ended on {end.isoformat()}: data collected now is already past its "
                "retention; set the coming election's date, or stop publishing this form", WARNING)


class _Collector:
    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: str, rule: str, message: str, level: str = ERROR) -> None:
        self.problems.append(LintProblem(self.source, path, rule, message, level))


def _names(items) -> str:
    return ", ".join(sorted(str(i) for i in items))


def _core_grants(spec: Spec, meaning: Meaning) -> frozenset[Purpose]:
    """Optional purposes a text grants, leaving out the core action's own matter: on a
    newsletter-only form, "receive the newsletter" is what the person came for (rules.md)."""
    grants = meaning.grants
    if spec.action is CoreAction.NEWSLETTER:
        grants = grants - {Purpose.COMMUNICATION}
    return grants


def _check_texts_around_the_form(spec: Spec, out: _Collector) -> None:
    """Title and submit label: they have no box of their own, so any optional purpose they
    carry is imposed by submitting (implied-consent), or bundled with the action in the one
    control that the submit button is (multi-purpose-consent)."""
    for lang in spec.languages:
        title = spec.title.get(lang, "")
        meaning = classify(title, lang)
        grants = _core_grants(spec, meaning)
        if grants:
            out.add(f"title.{lang}", "implied-consent",
                    f"the title {title!r} presents {_names(grants)} as part of the form's action; "
                    "an optional purpose needs its own unticked box (a `purposes` entry)")

        submit = spec.submit.get(lang, "")
        meaning = classify(submit, lang)
        grants = _core_grants(spec, meaning)
        if grants and len(grants) + (1 if meaning.core_actions else 0) >= 2:
            out.add(f"submit.{lang}", "multi-purpose-consent",
                    f"the submit label {submit!r} grants {_names(grants)} together with the form's "
                    "action in one click; keep the label to the action and offer each purpose "
                    "in its own box")
        elif grants:
            out.add(f"submit.{lang}", "implied-consent",
                    f"the submit label {submit!r} makes {_names(grants)} a consequence of "
                    "submitting; keep the label to the action and offer the purpose in its own box")


def _check_fields(spec: Spec, out: _Collector) -> None:
    for i, field in enumerate(spec.fields):
        path = f"fields[{i}]"
        if field.name.startswith(RESERVED_FIELD_PREFIXES):
            out.add(f"{path}.name", "schema",
                    f"field name {field.name!r} starts with a prefix the generated boxes use "
                    f"({', '.join(RESERVED_FIELD_PREFIXES)}); rename the field")
        elif field.name in RESERVED_FIELD_NAMES:
            out.add(f"{path}.name", "schema",
                    f"field name {field.name!r} is reserved by the generated form; rename the field")
        texts: list[tuple[str, str, str | None]] = [(f"{path}.name", field.name.replace("_", " "), None)]
        if field.label:
            texts += [(f"{path}.label.{lang}", text, lang) for lang, text in field.label.items()]
        for where, text, lang in texts:
            meaning = classify(text, lang)
            if meaning.sensitive:
                out.add(where, "sensitive-data-field",
                        f"field {field.name!r} asks for special-category data ({_names(meaning.sensitive)}, "
                        "GDPR art. 9(1)), which a campaign form has no reason to collect; remove it")
                break
        if field.label and field.name not in KNOWN_FIELDS:
            for lang, text in field.label.items():
                grants = _core_grants(spec, classify(text, lang))
                if grants:
                    out.add(f"{path}.label.{lang}", "implied-consent",
                            f"the label {text!r} of a data field speaks of {_names(grants)}; "
                            "an optional purpose needs its own unticked box (a `purposes` entry)")


def _check_attestations(spec: Spec, out: _Collector) -> None:
    """Attestations are required boxes, so any optional purpose in them is imposed."""
    for i, att in enumerate(spec.attestations):
        for lang, text in att.text.items():
            path = f"attestations[{i}].text.{lang}"
            meaning = classify(text, lang)
            grants = meaning.grants
            if not grants:
                continue
            if meaning.distinct_matters >= 2:
                out.add(path, "multi-purpose-consent",
                        f"the attestation {text!r} also grants {_names(grants)}; as attestations are "
                        "required, this makes the purpose a condition of the form. Keep the "
                        "attestation to what it certifies and add the purpose under `purposes`")
            else:
                out.add(path, "bundled-consent",
                        f"the attestation {text!r} grants {_names(grants)}, and attestations are "
                        "required; move it to `purposes`, where it gets an optional, unticked box")


def _check_purposes(spec: Spec, out: _Collector) -> None:
    for i, purpose in enumerate(spec.purposes):
        path = f"purposes[{i}]"
        if purpose.required:
            out.add(f"{path}.required", "bundled-consent",
                    f"purpose {purpose.id!r} is required, so the form cannot be sent without "
                    "accepting it (GDPR art. 7(4)); remove `required: true`")
        if purpose.checked:
            out.add(f"{path}.checked", "prechecked-consent",
                    f"purpose {purpose.id!r} is ticked by default, and a pre-ticked box is not "
                    "consent (CJEU C-673/17 Planet49); remove `checked`/`default: true`")
        if len(purpose.channels) > 1:
            out.add(f"{path}.channel", "bundled-channels",
                    f"purpose {purpose.id!r} covers {len(purpose.channels)} channels "
                    f"({_names(purpose.channels)}) in one box; consent is given per means of "
                    "contact (CPCE art. L.34-5): make one purpose per channel")
        declared = set(purpose.channels)
        for lang, text in purpose.text.items():
            where = f"{path}.text.{lang}"
            meaning = classify(text, lang)
            if meaning.distinct_matters >= 2:
                extra = _names(meaning.grants) or "several matters"
                out.add(where, "multi-purpose-consent",
                        f"the text {text!r} grants several things in one box ({extra}"
                        f"{', the form action' if meaning.core_actions else ''}"
                        f"{', terms or an attestation' if meaning.non_consents else ''}); "
                        "split it into one purpose per box")
            if meaning.opt_out:
                # Refused rather than warned: the box records consent when ticked, so an
                # opt-out wording records the opposite of what the person meant (rules.md:
                # opt-out-consent is an error).
                out.add(where, "opt-out-consent",
                        f"the text {text!r} is phrased so that ticking means refusing; phrase it "
                        "as an agreement (\"Je souhaite recevoir…\" / \"I want to receive…\")")
            named = set(meaning.channels)
            if len(named) > 1 and len(declared) <= 1:
                out.add(where, "bundled-channels",
                        f"the text {text!r} names several channels ({_names(named)}) for one box; "
                        "make one purpose per channel")
            elif named and declared and not named <= declared:
                out.add(where, "bundled-channels",
                        f"the text {text!r} speaks of {_names(named)} but the purpose declares "
                        f"channel {_names(declared)}; the consent would be recorded for the "
                        "wrong means of contact", WARNING)
            elif named and not declared:
                out.add(where, "bundled-channels",
                        f"the text {text!r} speaks of {_names(named)}; declare `channel: "
                        f"{next(iter(named))}` so consent is recorded per means of contact", WARNING)
            if meaning.negated and meaning.purposes:
                out.add(where, "opt-out-consent",
                        f"the text {text!r} reads as a refusal; a purpose box must say what the "
                        "person agrees to", WARNING)
        if not purpose.channels and PURPOSE_SLUGS.get(purpose.id) is Purpose.COMMUNICATION:
            out.add(f"{path}.channel", "bundled-channels",
                    f"purpose {purpose.id!r} is a means of contact but declares no channel; "
                    "add `channel:` (email, sms, phone, post or messaging)", WARNING)




def _check_information(spec: Spec, out: _Collector) -> None:
    controller = spec.controller
    if controller is None:
        out.add("controller", "missing-controller",
                "no controller: say who collects the data, with a name and a contact "
                "(GDPR art. 13(1)(a))")
    else:
        if not controller.name:
            out.add("controller.name", "missing-controller",
                    "the controller has no name: give the organisation or person responsible "
                    "(party, candidate, financing association)")
        if not (controller.email or controller.address or controller.phone):
            out.add("controller", "missing-controller",
                    "the controller has no contact: give an e-mail, postal address or phone")
    if controller is None or not (controller.dpo or controller.email):
        out.add("controller.dpo" if controller else "controller", "missing-rights-info",
                "no `dpo` nor controller `email`: people need an address where they can exercise "
                "their rights (GDPR art. 13(2)(b))")

    if spec.privacy_url:
        parts = urlsplit(spec.privacy_url)
        if parts.scheme == "http" and not is_loopback(parts.hostname):
            out.add("privacy_url", "insecure-transport",
                    f"privacy_url {spec.privacy_url!r} uses plain http://; use https://")
    else:
        out.add("privacy_url", "missing-privacy-notice",
                "no privacy_url: the generated notice covers the essentials, but link the full "
                "privacy policy too", WARNING)

    if spec.retention.core_action is None and spec.retention.election_end is None:
        out.add("retention", "missing-privacy-notice",
                "no retention: the notice cannot say how long the data is kept (GDPR art. 13(2)(a)); "
                "give retention.election_end and retention.core_action", WARNING)
