"""Form classification: what each form is for, whether it is in scope, and what each control,
sentence and notice near it means. Rules judge these readings (``scanner.rules.*.check``).

The readings are plain data computed once per page (``read_page``), so that the fourteen
checks share one classification of every label and sentence.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag
from dataclasses import dataclass, field

from .classify import (Meaning, NoticeFacts, classify, looks_like_login, looks_like_search, looks_like_survey, normalise, notice_facts,
                       polarity, topics)
from .model import Control, FormModel, Link, Notice, PageModel
from .vocabulary import CoreAction, Purpose

# Field names, labels and autocomplete tokens that reveal personal data (GDPR art. 4(1)).
_PERSONAL = re.compile(
    r"\b(nom|noms|name|names|prenom|first|last|given|family|surname|vorname|nachname|naam|voornaam|achternaam|nombre|apellidos?|cognome"
    r"|e-?mail|mail|courriel|phone|tel|telephone|telefon|telefono|portable|mobile|mobil|handy|gsm|cell"
    r"|adresse|address|adres|direccion|indirizzo|street|rue|strasse|postal|zip|postcode|plz|cp|code postal|postleitzahl|cap"
    r"|ville|city|commune|stadt|ort|wohnort|gemeente|woonplaats|ciudad|citta|town"
    r"|birth|naissance|geburt|geboorte|nacimiento|nascita|bday|age|profession|beruf|message|nachricht|bericht|mensaje|messaggio)\b"
)
# A place alone (postcode, town) identifies nobody: a form asking only for it is a lookup ("find
# your polling station", "your local candidates"), not a collection of personal data.
_PLACE = re.compile(r"\b(postal|zip|postcode|plz|cp|code postal|postleitzahl|cap|ville|city|commune|stadt|ort|wohnort|gemeente"
                    r"|woonplaats|ciudad|citta|town|ward|region|departement|pays|country|land)\b")
_STREET = re.compile(r"\b(adresse|address|adres|direccion|indirizzo|street|rue|strasse|straat|calle|via)\b")
_SPLIT_NAME = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
"""Where a field name splits into words: "signup[email_opt_in]", "newsletterOptIn", "FNAME"."""
# Hidden fields that switch an optional purpose on (rules.md, hidden-consent): the name says what
# is switched, the value says "on". Security tokens, ids, sources and UTM fields say neither.
_HIDDEN_PURPOSE = (
    (Purpose.COMMUNICATION, re.compile(r"news ?letter|nieuwsbrief|infolettre|opt ?in|optin|subscribe|abonn|mailing|marketing|sms ?ok|"
                                       r"news|contact ?ok|communication|lettre|werbung|email ?ok|updates")),
    (Purpose.SHARING, re.compile(r"partner|partenaire|third ?part|tiers|share ?data|sharing")),
    (Purpose.PUBLICATION, re.compile(r"publish|public ?name|show ?name|display ?name|publi(er|cation)")),
)
_HIDDEN_NEUTRAL = re.compile(r"token|csrf|nonce|honeypot|captcha|utm|source|referr|page ?id|form ?id|campaign|campagne|tag|_wpcf7|mailpoet ?method|"
                             r"endpoint|api|version|locale|redirect|return|hash|action|petition ?id|embed")
# Words that make a hidden field a setting of the sign-up service rather than an answer: a list
# id, the double opt-in mode, a template or version ("double_optin=1", "newsletter_list_id=1").
_HIDDEN_SETTING = re.compile(r"\b(id|ids|double|doi|type|mode|template|format|version|required)\b")
_TRUTHY = re.compile(r"^(1|true|on|yes|y|oui|ja|si|sí|checked|subscribe|subscribed|opt-?in|accepted?|ok)$", re.I)
_SEARCH_NAMES = re.compile(r"^(q|s|query|search|recherche|keywords?|k|term|suche|zoek|buscar|cerca|search_?query)$", re.I)
_NEWSLETTER_HINT = re.compile(r"newsletter|mailpoet|mailchimp|list-manage|sendinblue|brevo|mailjet|subscribe|abonn|nieuwsbrief|infolettre|sib-form",
                              re.I)
_DATA_KINDS = frozenset(("text", "email", "tel", "textarea"))


@dataclass
class ControlReading:
    """What one consent-relevant control (box, radio group, select, hidden field) carries."""

    control: Control
    meaning: Meaning
    """The meaning of its wording (question and options together for a radio group or select)."""
    purposes: frozenset[Purpose]
    """Optional purposes it grants, the form's own core action left out."""
    matters: int = 0
    """Distinct matters in one control (``Meaning.distinct_matters`` with the core action)."""
    on_by_default: bool = False
    """Consent is given before the person acts: a ticked box, a pre-selected "yes"."""
    refusable: bool = True
    """For a radio group or select: one option refuses (or no option is forced)."""
    hidden_switch: bool = False
    """A hidden field whose name and value switch a purpose on (``newsletter=1``)."""
    text: str = ""
    """The wording the reading is based on (evidence)."""


@dataclass
class NoticeReading:
    """The data-protection information for a form: inline small print plus the linked page."""

    inline: NoticeFacts
    inline_text: str
    link: Link | None = None
    """The privacy link (else the legal-notice link) near the form or on the page."""
    linked: NoticeFacts | None = None
    """What the linked notice says; None when there is no link or it could not be read."""
    linked_url: str = ""

    @property
    def exists(self) -> bool:
        return self.inline.data_protection or self.link is not None

    @property
    def link_unread(self) -> bool:
        """A link exists but its page was not read: the linked notice cannot be judged."""
        return self.link is not None and self.linked is None

    def says(self, fact: str) -> bool:
        return bool(getattr(self.inline, fact) or (self.linked is not None and getattr(self.linked, fact)))


@dataclass
class FormReading:
    form: FormModel
    core_action: CoreAction | None
    in_scope: bool
    personal_data: bool
    why_out: str = ""
    controls: list[ControlReading] = field(default_factory=list)
    sentences: list[tuple[str, Meaning]] = field(default_factory=list)
    notice: NoticeReading | None = None
    submit: Meaning = field(default_factory=Meaning)
    """The submit button's label: a button that also grants a purpose imposes it."""

    @property
    def offered(self) -> frozenset[Purpose]:
        """Purposes some visible control lets the person accept or refuse."""
        return frozenset().union(*(c.purposes for c in self.controls if c.control.visible and not c.hidden_switch))

    def imposed(self, meaning: Meaning) -> frozenset[Purpose]:
        """Optional purposes ``meaning`` grants that no visible control on the form offers."""
        return optional_purposes(meaning, self.core_action) - self.offered

    @property
    def consent_controls(self) -> list[ControlReading]:
        """Visible controls that carry an optional purpose."""
        return [c for c in self.controls if c.purposes and c.control.visible and not c.hidden_switch]


@dataclass
class PageReading:
    page: PageModel
    forms: list[FormReading]

    @property
    def in_scope(self) -> list[FormReading]:
        return [f for f in self.forms if f.in_scope]


# -- scope and core action -------------------------------------------------------------------------
def _name_words(name: str) -> str:
    return " ".join(w for w in _SPLIT_NAME.split(name) if w).lower()


def _words(control: Control) -> str:
    name = _name_words(control.name)
    return normalise(f"{name} {control.label} {control.autocomplete}")


def _is_personal(control: Control) -> bool:
    if not control.visible or control.kind not in _DATA_KINDS:
        return False
    if control.kind in ("email", "tel"):
        return True
    if control.input_type in ("password", "search", "number", "url"):
        return False
    return bool(_PERSONAL.search(_words(control)))


def _scope(form: FormModel) -> tuple[bool, bool, str]:
    """(in scope, collects personal data, why out of scope)."""
    visible = [c for c in form.controls if c.visible]
    personal = [c for c in visible if _is_personal(c)]
    data_fields = [c for c in visible if c.kind in _DATA_KINDS]
    hints = normalise(f"{form.hints} {form.submit_text}")
    if any(c.input_type == "password" for c in visible):
        names = [c for c in personal if c.kind == "text" and re.search(r"\b(nom|name|prenom|first|last|vorname|naam|nombre|cognome)\b", _words(c))]
        if not names:
            return False, bool(personal), "log-in form"
    contact_fields = [c for c in personal if c.kind in ("email", "tel")]
    searchy = any(c.input_type == "search" for c in visible) or bool(re.search(r"\bsearch\b", form.hints))
    if searchy and len(data_fields) <= 1 and not contact_fields:
        return False, False, "search form"
    if len(data_fields) == 1 and data_fields[0].kind == "text" and (
            _SEARCH_NAMES.match(data_fields[0].name) or looks_like_search(f"{hints} {data_fields[0].label}")):
        return False, False, "search form"
    if looks_like_login(f"{hints} {form.heading.split(' | ')[0]}") and len(personal) <= 1:
        return False, bool(personal), "log-in form"  # e-mail-only "magic link" log-in
    if not personal:
        return False, False, "no personal-data field (site preference or poll)"
    if all(c.kind == "text" and _PLACE.search(_words(c)) and not _STREET.search(_words(c)) for c in personal):
        return False, False, "location lookup (a postcode or town only)"
    return True, True, ""


_WEIGHTS = (("submit", 3), ("heading", 2), ("hints", 1), ("fields", 1))


def _core_action(form: FormModel, page: PageModel) -> CoreAction:
    lang = form.lang or page.lang or None
    scores: dict[CoreAction, int] = {}
    first_heading = form.heading.split(" | ")[0] if form.heading else ""
    texts = {
        "submit": form.submit_text,
        "heading": first_heading,
        "hints": _name_words(form.hints),
        "fields": " ".join(c.label for c in form.controls if c.visible and c.kind in ("text", "textarea", "select", "radio")),
    }
    for source, weight in _WEIGHTS:
        for action in topics(texts[source], lang):
            scores[action] = scores.get(action, 0) + weight
    if any(c.kind == "hidden" and _NEWSLETTER_HINT.search(f"{c.name} {c.value}") for c in form.controls) \
            or _NEWSLETTER_HINT.search(form.action):
        scores[CoreAction.NEWSLETTER] = scores.get(CoreAction.NEWSLETTER, 0) + 2
    if not any(c.kind == "textarea" and c.visible for c in form.controls):
        scores.pop(CoreAction.CONTACT, None)  # a contact form has a message box
    newsletter = scores.pop(CoreAction.NEWSLETTER, 0)
    if newsletter and _newsletter_only(form, scores, newsletter):
        return CoreAction.NEWSLETTER
    if any(c.kind == "textarea" and c.visible for c in form.controls) and not scores:
        return CoreAction.CONTACT
    if not scores:
        data = [c for c in form.controls if c.visible and c.kind in _DATA_KINDS]
        if len(data) == 1 and data[0].kind == "email":
            return CoreAction.NEWSLETTER  # a lone e-mail box with no other purpose is a sign-up for news
        return CoreAction.SPONSORSHIP  # support is the generic sign-up of a campaign page
    return max(scores.items(), key=lambda item: item[1])[0]


def _newsletter_only(form: FormModel, others: dict[CoreAction, int], newsletter: int) -> bool:
    """A form whose only job is the newsletter: subscribing words outweigh any other action,
    and it asks for little beyond contact details (rules.md, Vocabulary)."""
    if others and max(others.values()) >= newsletter:
        return False
    data = [c for c in form.controls if c.visible and c.kind in _DATA_KINDS]
    # Sign-up forms for updates often ask name, e-mail, phone and postcode (US and UK list
    # builders): the field count alone does not make them another action; a message box does.
    if any(c.kind == "textarea" for c in data) or len(data) > 6:
        return False
    return any(c.kind == "email" or "mail" in _words(c) for c in data)


# -- controls ----------------------------------------------------------------------------------------
def optional_purposes(meaning: Meaning, core: CoreAction | None) -> frozenset[Purpose]:
    """The optional purposes a text grants, leaving out the form's own core action: on a
    newsletter-only form, receiving the newsletter is what the person came for (rules.md)."""
    grants = meaning.grants
    if meaning.site_preference:
        return frozenset()
    if core is CoreAction.NEWSLETTER:
        grants = grants - {Purpose.COMMUNICATION}  # subscribing is what the person came for
    return grants


def _matters(meaning: Meaning, purposes: frozenset[Purpose], core: CoreAction | None) -> int:
    matters = len(purposes)
    core_in_text = bool(meaning.core_actions or meaning.core_sharing)
    if core is CoreAction.NEWSLETTER and Purpose.COMMUNICATION in meaning.grants:
        core_in_text = True
    if core_in_text:
        matters += 1
    if meaning.distinct_matters > len(meaning.grants) + (1 if meaning.core_actions or meaning.core_sharing else 0):
        matters += 1  # terms, eligibility or accuracy in the same box
    return matters


def _read_box(control: Control, core: CoreAction | None, lang: str | None) -> ControlReading:
    text = control.label
    meaning = classify(text, lang) if text else Meaning()
    if control.group_label and not (meaning.purposes or meaning.non_consents or meaning.core_actions):
        # "Je souhaite être contacté·e par : [x] SMS": the box's meaning is in its group's question.
        text = f"{control.group_label} : {control.label}"
        meaning = classify(text, lang)
    purposes = optional_purposes(meaning, core)
    if control.group_label and looks_like_survey(control.group_label):
        purposes = frozenset()  # "Comment nous avez-vous connus ? [x] Newsletter": an answer, not a consent
    return ControlReading(control, meaning, purposes, _matters(meaning, purposes, core),
                          on_by_default=control.checked and bool(purposes) and not meaning.opt_out, text=text)


def _read_choice(control: Control, core: CoreAction | None, lang: str | None) -> ControlReading:
    """A radio group or select: the question may carry the purpose ("Möchten Sie per SMS
    informiert werden?" Ja / Nein) or the options may ("Signer et recevoir la newsletter").
    Each option is read with its question, so that "Per SMS" under "Wie möchten Sie informiert
    werden?" carries the purpose and "Signer seulement" under "Je souhaite :" does not."""
    question = classify(control.label, lang) if control.label else Meaning()
    if control.label and looks_like_survey(control.label):
        # "How did you hear about us? — Newsletter / Facebook": the options say where the
        # person came from; choosing one grants nothing.
        return ControlReading(control, question, frozenset(), 0, text=control.label)
    purposes: set[Purpose] = set()
    refusable = False
    on = False
    texts = [control.label]
    for option in control.options:
        placeholder = option.disabled or option.value == ""  # "— choisir —" chooses nothing (rules.md)
        sign = polarity(option.label, lang) if option.label else 0
        together = classify(f"{control.label} : {option.label}" if control.label else option.label, lang)
        alone = classify(option.label, lang) if option.label else Meaning()
        if sign == 0 and (alone.negated or alone.opt_out):
            sign = -1
        carried = optional_purposes(together, core) if sign >= 0 else frozenset()
        if not placeholder and (sign < 0 or not carried):
            refusable = True  # choosing this option takes part without the purpose
        purposes |= carried
        # A select's first option shown by default counts as a "yes" only when it says yes by
        # itself ("Oui", "Per E-Mail-Newsletter"), not a neutral preference ("Mensuelle").
        says_yes = sign > 0 or bool(optional_purposes(alone, core)) if option.defaulted else True
        if option.selected and not placeholder and carried and says_yes:
            on = True
            texts.append(option.label)
    if not control.required and not control.checked:
        refusable = True  # an optional question left on nothing (or a placeholder) refuses
    frozen = frozenset(purposes)
    return ControlReading(control, question if question.purposes else classify(" ".join(texts), lang), frozen,
                          _matters(question, frozen, core), on_by_default=on, refusable=refusable,
                          text=" — ".join(t for t in texts if t))


def _read_hidden(control: Control, core: CoreAction | None) -> ControlReading | None:
    name = _name_words(control.name)
    if not name or not _TRUTHY.match(control.value.strip()) or _HIDDEN_SETTING.search(name):
        return None
    if _HIDDEN_NEUTRAL.search(name) and not any(rx.search(name) for _p, rx in _HIDDEN_PURPOSE[1:]):
        if not re.search(r"opt ?in|news ?letter|nieuwsbrief|sms", name):
            return None
    purposes = frozenset(p for p, rx in _HIDDEN_PURPOSE if rx.search(name))
    if core is CoreAction.NEWSLETTER:
        purposes -= {Purpose.COMMUNICATION}  # the subscribe flag of a newsletter-only form
    if not purposes:
        return None
    return ControlReading(control, Meaning(purposes=purposes), purposes, len(purposes), on_by_default=True,
                          hidden_switch=True, text=f"{control.name}={control.value}")


def _read_controls(form: FormModel, core: CoreAction | None, lang: str | None) -> list[ControlReading]:
    out: list[ControlReading] = []
    for control in form.controls:
        if control.kind == "hidden":
            reading = _read_hidden(control, core)
            if reading is not None:
                out.append(reading)
        elif control.kind == "checkbox":
            reading = _read_box(control, core, lang)
            if not control.visible and reading.purposes and control.checked:
                reading.hidden_switch = True  # a ticked box nobody can see (rules.md precedence)
            out.append(reading)
        elif control.kind in ("radio", "select"):
            reading = _read_choice(control, core, lang)
            if not control.visible and reading.on_by_default:
                reading.hidden_switch = True
            out.append(reading)
    # A hidden input that carries the state of a visible custom widget already ticked is that
    # widget's value, judged once as the widget (prechecked-consent), not as a second, hidden
    # consent. Against an unticked widget it stays a hidden switch: it would send "yes" anyway.
    ticked = {r.control.selector: r for r in out if r.control.visible and r.control.kind == "checkbox" and r.on_by_default}
    return [r for r in out if not (r.hidden_switch and r.control.value_of in ticked
                                   and r.purposes <= ticked[r.control.value_of].purposes)]


def same_document(a: str, b: str) -> bool:
    """True when two URLs name the same document (fragment and trailing slash aside)."""
    return urldefrag(a)[0].rstrip("/") == urldefrag(b)[0].rstrip("/")


# -- notices -------------------------------------------------------------------------------------------
def _pick_link(form: FormModel, page: PageModel) -> Link | None:
    for kind in ("privacy", "legal"):
        for links in (form.links, page.links):
            for link in links:
                if link.kind == kind and link.url.startswith(("http://", "https://", "file:")):
                    return link
    return None


def _linked_notice(page: PageModel, link: Link | None, form: FormModel) -> Notice | None:
    if link is None:
        return None
    linked = [n for n in page.notices if n.linked]
    for notice in linked:
        if same_document(notice.url, link.url):
            return notice
    # The notice of a form in an iframe is linked from the frame; the fetch layer may have
    # followed another privacy link of the same site.
    others = [n for n in linked if any(same_document(n.url, l.url) for l in (*form.links, *page.links))]
    return others[0] if others else None


def _read_notice(form: FormModel, page: PageModel, controls: list[ControlReading]) -> NoticeReading:
    # The notice is the data-protection text near the form, not every sentence around it.
    notice_sentences = [s for s in form.small_print if notice_facts(s).data_protection or notice_facts(s).withdrawal]
    inline_text = " ".join(notice_sentences)
    # The boxes' own wording counts for withdrawal ("désinscription possible à tout moment").
    labels = " ".join(c.control.label for c in controls if c.control.visible)
    inline = notice_facts(inline_text)
    if labels and notice_facts(labels).withdrawal:
        inline = NoticeFacts(inline.data_protection, inline.controller, inline.rights, True)
    link = _pick_link(form, page)
    notice = _linked_notice(page, link, form)
    return NoticeReading(inline=inline, inline_text=inline_text, link=link,
                         linked=notice_facts(notice.text) if notice is not None else None,
                         linked_url=notice.url if notice is not None else "")


# -- pages -------------------------------------------------------------------------------------------------
def read_form(form: FormModel, page: PageModel) -> FormReading:
    in_scope, personal, why = _scope(form)
    core = _core_action(form, page) if in_scope else None
    form.in_scope = in_scope
    form.core_action = core.value if core is not None else None
    controls = _read_controls(form, core, None)
    sentences = [(s, classify(s, None)) for s in form.small_print]
    reading = FormReading(form, core, in_scope, personal, why, controls, sentences,
                          submit=classify(form.submit_text) if form.submit_text else Meaning())
    reading.notice = _read_notice(form, page, controls)
    return reading


def read_page(page: PageModel) -> PageReading:
    """Classify every form of the page (sets ``FormModel.core_action`` and ``in_scope``)."""
    return PageReading(page, [read_form(form, page) for form in page.forms])
