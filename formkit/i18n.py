"""Every interface text a supporter reads, in French and English, in one place.

Spec texts (title, purposes, attestations) come from the spec itself; this module holds what the
generator adds: field labels, error messages, the information notice (GDPR art. 13) and the
embed loader's frame title. French strings follow French typography (a no-break space before
``:`` ``;`` ``?`` ``!``, guillemets) and inclusive wording, as the spec texts do.

Add a language by adding a key to each table; ``tests/test_render.py`` checks that every key
exists in every language.
"""

from __future__ import annotations

import datetime as dt

UI_LANGUAGES: tuple[str, ...] = ("fr", "en")
"""A spec may only list languages whose interface strings exist (templates, notice, receipt)."""

NBSP = "\u00a0"

FIELD_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "first_name": "Prénom",
        "last_name": "Nom",
        "email": "Adresse e-mail",
        "phone": "Téléphone",
        "postal_code": "Code postal",
        "city": "Commune",
        "address": "Adresse postale",
        "country": "Pays",
        "birth_date": "Date de naissance",
    },
    "en": {
        "first_name": "First name",
        "last_name": "Last name",
        "email": "E-mail address",
        "phone": "Phone number",
        "postal_code": "Postal code",
        "city": "Town or city",
        "address": "Postal address",
        "country": "Country",
        "birth_date": "Date of birth",
    },
}
"""Labels of the field names formspec.md knows; other fields bring their own label."""

FIELD_HINTS: dict[str, dict[str, str]] = {
    "fr": {
        "phone": "Par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.",
        "postal_code": "Cinq chiffres pour la France, par exemple 69001.",
    },
    "en": {
        "phone": "For example 06 12 34 56 78 or +33 6 12 34 56 78.",
        "postal_code": "Five digits in France, for example 69001.",
    },
}

COUNTRIES: dict[str, dict[str, str]] = {
    "fr": {
        "FR": "France", "BE": "Belgique", "CH": "Suisse", "LU": "Luxembourg", "MC": "Monaco",
        "DE": "Allemagne", "ES": "Espagne", "IT": "Italie", "NL": "Pays-Bas", "PT": "Portugal",
        "GB": "Royaume-Uni", "CA": "Canada", "ZZ": "Autre pays",
    },
    "en": {
        "FR": "France", "BE": "Belgium", "CH": "Switzerland", "LU": "Luxembourg", "MC": "Monaco",
        "DE": "Germany", "ES": "Spain", "IT": "Italy", "NL": "Netherlands", "PT": "Portugal",
        "GB": "United Kingdom", "CA": "Canada", "ZZ": "Another country",
    },
}
"""The country select: ISO 3166 codes (ZZ = other), in the order French campaigns need them."""

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

_UNITS = {
    "fr": {"years": ("an", "ans"), "months": ("mois", "mois"), "weeks": ("semaine", "semaines"),
           "days": ("jour", "jours"), "and": "et"},
    "en": {"years": ("year", "years"), "months": ("month", "months"), "weeks": ("week", "weeks"),
           "days": ("day", "days"), "and": "and"},
}

S = NBSP  # shorthand in the French table below: the space before a high punctuation mark

MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        "required_mark": "(obligatoire)",
        "optional_mark": "(facultatif)",
        "required_intro": "Les champs marqués «" + S + "obligatoire" + S + "» doivent être remplis.",
        "purposes_legend": "Facultatif" + S + ": cochez seulement ce que vous souhaitez",
        "languages_nav": "Langues",
        "purposes_help": "Ces cases sont indépendantes du formulaire" + S + ": vous pouvez "
                         "l'envoyer sans en cocher aucune, et retirer votre accord à tout moment.",
        "attestations_legend": "Attestations requises",
        "error_summary": "Le formulaire contient des erreurs" + S + ":",
        "err_required": "Ce champ est obligatoire.",
        "err_attestation": "Cochez cette case pour envoyer le formulaire.",
        "err_email": "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.",
        "err_phone": "Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78.",
        "err_postal_fr": "Saisissez un code postal français de cinq chiffres, par exemple 69001.",
        "err_postal": "Saisissez un code postal valide.",
        "err_too_long": "Ce champ ne peut pas dépasser {max} caractères.",
        "err_date": "Saisissez une date valide.",
        "err_birth_date": "Saisissez une date de naissance plausible.",
        "err_choice": "Choisissez une valeur dans la liste.",
        "choose": "— Choisir —",
        "notice_heading": "Vos données personnelles",
        "controller": "Responsable du traitement" + S + ":",
        "dpo": "Délégué·e à la protection des données" + S + ":",
        "contact": "Contact" + S + ":",
        "purposes_heading": "Finalités et bases légales",
        "core_purpose": "{action}" + S + ": {basis}",
        "optional_purpose": "{text} — seulement si vous cochez la case" + S + "; base légale" + S
                            + ": votre consentement (art." + S + "6(1)(a) du RGPD).",
        "recipients_heading": "Destinataires",
        "recipients_team": "{controller} et son équipe de campagne.",
        "recipient": "{name} ({role}).",
        "recipient_bare": "{name}.",
        "recipients_none_else": "Vos données ne sont ni vendues ni transmises à d'autres "
                                "organismes sans votre accord.",
        "retention_heading": "Durée de conservation",
        "retention_core": "Données du formulaire" + S + ": {when}.",
        "retention_core_after_election": "jusqu'au {date}, soit {duration} après l'élection du {election}",
        "retention_core_until_election": "jusqu'à la fin de l'élection du {election}",
        "retention_core_duration": "{duration} après votre envoi",
        "retention_core_policy": "voir notre politique de confidentialité",
        "retention_purpose": "{purpose}" + S + ": {when}.",
        "honeypot_label": "Ne remplissez pas ce champ.",
        "retention_until_withdrawn": "jusqu'au retrait de votre consentement, et au plus {limit} "
                                     "après votre dernier accord",
        "retention_election_end": "jusqu'à la fin de l'élection du {election}, ou jusqu'au retrait "
                                  "de votre consentement s'il intervient avant",
        "retention_duration": "{duration} à compter de votre consentement, ou jusqu'à son retrait "
                              "s'il intervient avant",
        "rights_heading": "Vos droits",
        "rights": "Vous pouvez demander l'accès à vos données, leur rectification, leur effacement "
                  "ou leur portabilité, la limitation du traitement, et vous opposer au "
                  "traitement, en écrivant à {contact}.",
        "complaint": "Vous pouvez aussi adresser une réclamation à la CNIL" + S + ":",
        "withdraw_heading": "Retirer votre consentement",
        "withdraw_intro": "Vous pouvez retirer chaque consentement à tout moment, aussi "
                          "facilement que vous l'avez donné" + S + ":",
        "withdraw_email": "{purpose}" + S + ": par le lien de désinscription présent dans chaque "
                          "e-mail, ou en écrivant à {contact}.",
        "withdraw_sms": "{purpose}" + S + ": en répondant STOP à n'importe quel SMS, ou en "
                        "écrivant à {contact}.",
        "withdraw_phone": "{purpose}" + S + ": en le disant lors d'un appel, ou en écrivant à {contact}.",
        "withdraw_post": "{purpose}" + S + ": en écrivant à {contact}.",
        "withdraw_messaging": "{purpose}" + S + ": en répondant STOP dans la conversation, ou en "
                              "écrivant à {contact}.",
        "withdraw_other": "{purpose}" + S + ": en écrivant à {contact}.",
        "withdraw_effect": "Le retrait ne remet pas en cause ce qui a été fait avant lui.",
        "double_opt_in": "Pour les envois par e-mail, nous vous demanderons de confirmer votre "
                         "adresse" + S + ": sans confirmation, rien ne vous sera envoyé.",
        "privacy_link": "Notre politique de confidentialité complète",
        "frame_title": "Formulaire" + S + ": {title}",
        "and": "et",
    },
    "en": {
        "required_mark": "(required)",
        "optional_mark": "(optional)",
        "required_intro": "Fields marked “required” must be filled in.",
        "purposes_legend": "Optional: tick only what you want",
        "languages_nav": "Languages",
        "purposes_help": "These boxes are separate from the form: you can send it without ticking "
                         "any of them, and withdraw your agreement at any time.",
        "attestations_legend": "Required statements",
        "error_summary": "The form has errors:",
        "err_required": "This field is required.",
        "err_attestation": "Tick this box to send the form.",
        "err_email": "Enter a valid e-mail address, for example first.last@example.org.",
        "err_phone": "Enter a valid phone number, for example +33 6 12 34 56 78.",
        "err_postal_fr": "Enter a five-digit French postal code, for example 69001.",
        "err_postal": "Enter a valid postal code.",
        "err_too_long": "This field cannot be longer than {max} characters.",
        "err_date": "Enter a valid date.",
        "err_birth_date": "Enter a plausible date of birth.",
        "err_choice": "Choose a value from the list.",
        "choose": "— Choose —",
        "notice_heading": "Your personal data",
        "controller": "Data controller:",
        "dpo": "Data protection officer:",
        "contact": "Contact:",
        "purposes_heading": "Purposes and legal bases",
        "core_purpose": "{action}: {basis}",
        "optional_purpose": "{text} — only if you tick the box; legal basis: your consent "
                            "(GDPR art. 6(1)(a)).",
        "recipients_heading": "Recipients",
        "recipients_team": "{controller} and its campaign team.",
        "recipient": "{name} ({role}).",
        "recipient_bare": "{name}.",
        "recipients_none_else": "Your data is neither sold nor passed to other organisations "
                                "without your agreement.",
        "retention_heading": "How long we keep your data",
        "retention_core": "Form data: {when}.",
        "retention_core_after_election": "until {date}, that is {duration} after the election of {election}",
        "retention_core_until_election": "until the end of the election of {election}",
        "retention_core_duration": "{duration} after you send the form",
        "retention_core_policy": "see our privacy policy",
        "retention_purpose": "{purpose}: {when}.",
        "honeypot_label": "Leave this field empty.",
        "retention_until_withdrawn": "until you withdraw your consent, and at most {limit} after "
                                     "you last gave it",
        "retention_election_end": "until the end of the election of {election}, or until you "
                                  "withdraw your consent if earlier",
        "retention_duration": "{duration} from your consent, or until you withdraw it if earlier",
        "rights_heading": "Your rights",
        "rights": "You can ask to access, rectify, erase or port your data, to restrict its "
                  "processing, and object to its processing, by writing to {contact}.",
        "complaint": "You can also lodge a complaint with the CNIL, the French data protection "
                     "authority:",
        "withdraw_heading": "Withdrawing your consent",
        "withdraw_intro": "You can withdraw each consent at any time, as easily as you gave it:",
        "withdraw_email": "{purpose}: with the unsubscribe link in every e-mail, or by writing to "
                          "{contact}.",
        "withdraw_sms": "{purpose}: by replying STOP to any text message, or by writing to {contact}.",
        "withdraw_phone": "{purpose}: by saying so during a call, or by writing to {contact}.",
        "withdraw_post": "{purpose}: by writing to {contact}.",
        "withdraw_messaging": "{purpose}: by replying STOP in the conversation, or by writing to "
                              "{contact}.",
        "withdraw_other": "{purpose}: by writing to {contact}.",
        "withdraw_effect": "Withdrawing does not affect what was done before.",
        "double_opt_in": "For e-mails, we will ask you to confirm your address: without "
                         "confirmation, nothing will be sent to you.",
        "privacy_link": "Our full privacy policy",
        "frame_title": "Form: {title}",
        "and": "and",
    },
}

# The core action's purpose and the legal basis we judge right for it. Supporting a candidate,
# signing or joining reveals a political opinion, a special category (GDPR art. 9(1)); a
# political body may process it for its members and the people in regular contact with it
# (art. 9(2)(d)), and the person's own explicit act covers the rest (art. 9(2)(a)).
CORE_ACTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {
        "sponsorship": ("Enregistrer votre parrainage et vous confirmer sa prise en compte",
                        "votre consentement explicite, exprimé en envoyant ce formulaire "
                        "(art." + S + "6(1)(a) et 9(2)(a) du RGPD)."),
        "petition": ("Enregistrer votre signature et la compter dans la pétition",
                     "votre consentement explicite, exprimé en signant "
                     "(art." + S + "6(1)(a) et 9(2)(a) du RGPD)."),
        "membership": ("Gérer votre adhésion (cotisation, vie interne, convocations)",
                       "le contrat d'adhésion (art." + S + "6(1)(b) du RGPD) et, pour l'opinion "
                       "politique qu'il révèle, l'activité d'un organisme politique auprès de ses "
                       "membres (art." + S + "9(2)(d) du RGPD)."),
        "donation": ("Enregistrer votre don et émettre le reçu fiscal",
                     "nos obligations légales de financement politique (code électoral, "
                     "art." + S + "6(1)(c) du RGPD) et l'art." + S + "9(2)(d) du RGPD."),
        "volunteer": ("Organiser votre engagement bénévole dans la campagne",
                      "votre consentement explicite, exprimé en envoyant ce formulaire "
                      "(art." + S + "6(1)(a) et 9(2)(a) du RGPD)."),
        "event": ("Gérer votre inscription à l'événement",
                  "votre consentement explicite, exprimé en vous inscrivant "
                  "(art." + S + "6(1)(a) et 9(2)(a) du RGPD)."),
        "contact": ("Répondre à votre message",
                    "votre demande (art." + S + "6(1)(b) du RGPD) et votre consentement explicite "
                    "(art." + S + "9(2)(a) du RGPD)."),
        "newsletter": ("Vous envoyer la lettre d'information que vous demandez",
                       "votre consentement (art." + S + "6(1)(a) et 9(2)(a) du RGPD), que vous "
                       "pouvez retirer à tout moment par le lien présent dans chaque envoi."),
    },
    "en": {
        "sponsorship": ("Recording your sponsorship and confirming it to you",
                        "your explicit consent, given by sending this form (GDPR art. 6(1)(a) "
                        "and 9(2)(a))."),
        "petition": ("Recording your signature and counting it in the petition",
                     "your explicit consent, given by signing (GDPR art. 6(1)(a) and 9(2)(a))."),
        "membership": ("Managing your membership (fees, internal life, meetings)",
                       "the membership contract (GDPR art. 6(1)(b)) and, for the political "
                       "opinion it reveals, the activity of a political body with its members "
                       "(GDPR art. 9(2)(d))."),
        "donation": ("Recording your donation and issuing the tax receipt",
                     "our legal duties in political financing (French electoral code, GDPR "
                     "art. 6(1)(c)) and GDPR art. 9(2)(d)."),
        "volunteer": ("Organising your volunteering in the campaign",
                      "your explicit consent, given by sending this form (GDPR art. 6(1)(a) and "
                      "9(2)(a))."),
        "event": ("Managing your registration for the event",
                  "your explicit consent, given by registering (GDPR art. 6(1)(a) and 9(2)(a))."),
        "contact": ("Answering your message",
                    "your request (GDPR art. 6(1)(b)) and your explicit consent (GDPR art. 9(2)(a))."),
        "newsletter": ("Sending you the newsletter you ask for",
                       "your consent (GDPR art. 6(1)(a) and 9(2)(a)), which you can withdraw at "
                       "any time with the link in every issue."),
    },
}

CNIL_COMPLAINT_URL = "https://www.cnil.fr/fr/adresser-une-plainte"


def t(lang: str, key: str, **values: object) -> str:
    """The interface text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    text = MESSAGES[lang][key]
    return text.format(**values) if values else text


def date_in_words(day: dt.date, lang: str) -> str:
    """9 mai 2027 / 9 May 2027 (1er for the first day of a French month)."""
    month = MONTHS[lang][day.month - 1]
    if lang == "fr":
        return f"{'1er' if day.day == 1 else day.day}{NBSP}{month} {day.year}"
    return f"{day.day} {month} {day.year}"


def duration_in_words(years: int, months: int, weeks: int, days: int, lang: str) -> str:
    """P1Y6M → "1 an et 6 mois" / "1 year and 6 months"."""
    units = _UNITS[lang]
    parts = [f"{n}{NBSP}{units[name][0 if n == 1 else 1]}"
             for name, n in (("years", years), ("months", months), ("weeks", weeks), ("days", days)) if n]
    if not parts:
        return f"0{NBSP}{units['days'][1]}"
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + f" {units['and']} " + parts[-1]

# What each optional purpose is, in a few words, for the notice (the box's own text is written
# in the first person: "Je souhaite recevoir…"). Purposes with a channel are named by it.
PURPOSE_NOUNS: dict[str, dict[str, str]] = {
    "fr": {
        "email": "Recevoir des nouvelles de la campagne par e-mail",
        "sms": "Recevoir des messages de la campagne par SMS",
        "phone": "Être appelé·e par téléphone par la campagne",
        "post": "Recevoir du courrier postal de la campagne",
        "messaging": "Recevoir des messages de la campagne sur une messagerie",
        "communication": "Recevoir des nouvelles de la campagne",
        "sharing": "Transmettre vos coordonnées à des organismes partenaires",
        "publication": "Publier votre nom parmi les soutiens",
        "fundraising": "Vous solliciter pour des dons",
        "profiling": "Analyser vos centres d'intérêt pour adapter nos messages",
    },
    "en": {
        "email": "Receiving campaign news by e-mail",
        "sms": "Receiving campaign text messages (SMS)",
        "phone": "Being called by the campaign",
        "post": "Receiving campaign letters by post",
        "messaging": "Receiving campaign messages on a messaging app",
        "communication": "Receiving campaign news",
        "sharing": "Passing your contact details to partner organisations",
        "publication": "Publishing your name among the supporters",
        "fundraising": "Asking you for donations",
        "profiling": "Analysing your interests to tailor our messages",
    },
}

FRAME_TITLES: dict[str, str] = {"fr": "Formulaire d'inscription", "en": "Sign-up form"}
"""The embed loader's iframe title when the page does not give one (WCAG 4.1.2: frames need
an accessible name)."""

LANGUAGE_NAMES: dict[str, str] = {"fr": "Français", "en": "English"}
"""Each language named in itself, for the language switch."""
