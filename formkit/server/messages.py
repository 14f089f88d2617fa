"""What the server says to supporters, in French and English, and how it picks the language.

Every sentence a person reads on a server page or in a confirmation e-mail is here, once per
language, so that a missing translation is a failing test (tests/test_server_units.py) rather
than an English sentence on a French page.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask import request

from formkit.i18n import UI_LANGUAGES

MESSAGES: dict[str, dict[str, str]] = {
    # Refusals of a submission: the form is shown again with what the person typed.
    "refused_token": {
        "fr": "Ce formulaire a expiré ou n'a pas pu être vérifié. Nous avons gardé ce que vous "
              "aviez saisi : vérifiez-le et envoyez-le à nouveau.",
        "en": "This form expired or could not be verified. We kept what you typed: check it "
              "and send it again.",
    },
    "refused_stale": {
        "fr": "Ce formulaire a changé depuis son affichage. Relisez les cases ci-dessous, "
              "puis envoyez-le à nouveau.",
        "en": "This form has changed since it was shown. Read the boxes below again, then "
              "send it again.",
    },
    "refused_honeypot": {
        "fr": "Votre envoi n'a pas été accepté : un champ caché, que seuls les robots "
              "remplissent, n'était pas vide. Si vous êtes une personne, envoyez à nouveau.",
        "en": "Your submission was not accepted: a hidden field that only robots fill in was "
              "not empty. If you are a person, please send it again.",
    },
    "refused_too_fast": {
        "fr": "Le formulaire a été envoyé très vite après son affichage, comme le font les "
              "robots. Patientez quelques secondes puis envoyez-le à nouveau.",
        "en": "The form was sent very soon after it was shown, as robots do. Wait a few "
              "seconds, then send it again.",
    },
    "invalid": {
        "fr": "Certaines réponses sont à corriger : voyez les messages à côté des champs.",
        "en": "Some answers need correcting: see the messages next to the fields.",
    },
    "unavailable_title": {
        "fr": "Votre envoi n'a pas été enregistré",
        "en": "Your submission was not saved",
    },
    "unavailable": {
        "fr": "Notre base de données ne répond pas pour le moment. Rien n'a été enregistré. "
              "Réessayez dans une minute en rechargeant cette page.",
        "en": "Our database is not answering right now. Nothing was saved. Try again in a "
              "minute by reloading this page.",
    },
    "unavailable_form": {
        "fr": "Notre base de données ne répond pas pour le moment : rien n'a été enregistré. "
              "Vos réponses sont toujours ci-dessous ; envoyez à nouveau le formulaire dans une "
              "minute.",
        "en": "Our database is not answering right now: nothing was saved. Your answers are "
              "still below; send the form again in a minute.",
    },
    "too_many_title": {"fr": "Trop d'envois", "en": "Too many submissions"},
    "too_many": {
        "fr": "Nous avons reçu trop d'envois depuis votre connexion. Rien n'a été enregistré : "
              "réessayez dans quelques minutes.",
        "en": "We received too many submissions from your connection. Nothing was saved: try "
              "again in a few minutes.",
    },
    "not_found_title": {"fr": "Page introuvable", "en": "Page not found"},
    "not_found": {
        "fr": "Cette page n'existe pas ou plus.",
        "en": "This page does not exist, or no longer does.",
    },
    "too_large_title": {"fr": "Envoi trop volumineux", "en": "Submission too large"},
    "too_large": {
        "fr": "Cet envoi dépasse la taille permise pour un formulaire. Rien n'a été enregistré.",
        "en": "This submission is larger than a form may be. Nothing was saved.",
    },
    "bad_request_title": {"fr": "Requête invalide", "en": "Bad request"},
    "bad_request": {
        "fr": "Cette requête n'a pas pu être comprise. Rien n'a été enregistré.",
        "en": "This request could not be understood. Nothing was saved.",
    },
    # The receipt.
    "receipt_title": {"fr": "Merci, c'est enregistré", "en": "Thank you, it is saved"},
    "receipt_intro": {
        "fr": "Voici ce que vous avez choisi. Gardez cette page ou le reçu : chaque choix peut "
              "être retiré à tout moment, en un clic.",
        "en": "Here is what you chose. Keep this page or the receipt: each choice can be "
              "withdrawn at any time, in one click.",
    },
    "receipt_test": {
        "fr": "Envoi de test (atelier) : il est enregistré dans le registre de test de l'atelier "
              "(instance/workbench-test.db), jamais dans le vrai registre ni dans ses exports.",
        "en": "Test submission (workbench): it is recorded in the workbench's test ledger "
              "(instance/workbench-test.db), never in the real ledger nor in its exports.",
    },
    "receipt_action": {"fr": "Votre démarche", "en": "What you did"},
    "receipt_granted": {"fr": "Vous avez accepté", "en": "You agreed to"},
    "receipt_refused": {"fr": "Vous n'avez pas accepté", "en": "You did not agree to"},
    "receipt_none": {"fr": "Rien.", "en": "Nothing."},
    "receipt_pending": {
        "fr": "En attente : ces choix ne comptent qu'une fois votre adresse e-mail confirmée. "
              "Nous vous avons envoyé un lien de confirmation.",
        "en": "Pending: these choices count only once your e-mail address is confirmed. We "
              "have sent you a confirmation link.",
    },
    "receipt_pending_title": {"fr": "En attente de confirmation", "en": "Awaiting confirmation"},
    "receipt_attested": {"fr": "Vous avez déclaré", "en": "You stated"},
    "receipt_controller": {"fr": "Responsable du traitement", "en": "Data controller"},
    "receipt_rights": {
        "fr": "Pour exercer vos droits (accès, rectification, effacement)",
        "en": "To exercise your rights (access, rectification, erasure)",
    },
    "receipt_recipients": {"fr": "Destinataires", "en": "Recipients"},
    "receipt_privacy": {"fr": "Politique de confidentialité", "en": "Privacy notice"},
    "receipt_date": {"fr": "Date", "en": "Date"},
    "receipt_id": {"fr": "Numéro du reçu", "en": "Receipt number"},
    "receipt_withdraw": {"fr": "Retirer ce consentement", "en": "Withdraw this consent"},
    "receipt_until": {"fr": "valable jusqu'au", "en": "valid until"},
    "receipt_withdraw_all": {"fr": "Tout retirer", "en": "Withdraw everything"},
    "receipt_json": {"fr": "Télécharger le reçu (JSON)", "en": "Download the receipt (JSON)"},
    # Withdrawal.
    "withdraw_title": {"fr": "Retirer votre consentement", "en": "Withdraw your consent"},
    "withdraw_one": {
        "fr": "Vous allez retirer ce consentement :",
        "en": "You are about to withdraw this consent:",
    },
    "withdraw_all": {
        "fr": "Vous allez retirer tous les consentements donnés avec ce formulaire :",
        "en": "You are about to withdraw every consent given with this form:",
    },
    "withdraw_button": {"fr": "Confirmer le retrait", "en": "Confirm withdrawal"},
    "withdrawn_title": {"fr": "C'est fait", "en": "Done"},
    "withdrawn": {
        "fr": "Votre consentement est retiré, avec effet immédiat. Vous ne recevrez plus de "
              "messages à ce titre.",
        "en": "Your consent is withdrawn, effective immediately. You will receive no more "
              "messages for it.",
    },
    "withdrawn_all": {
        "fr": "Vos consentements donnés avec ce formulaire sont retirés, avec effet immédiat. Vous "
              "ne recevrez plus de messages à ces titres.",
        "en": "Your consents given with this form are withdrawn, effective immediately. You will "
              "receive no more messages for them.",
    },
    "link_invalid_title": {"fr": "Lien non valide", "en": "Invalid link"},
    "link_invalid": {
        "fr": "Ce lien n'est pas valide : il a peut-être été coupé lors d'un copier-coller. "
              "Écrivez au responsable du traitement pour retirer votre consentement.",
        "en": "This link is not valid: it may have been cut when copied. Write to the data "
              "controller to withdraw your consent.",
    },
    # Double opt-in.
    "confirm_title": {"fr": "Confirmer votre adresse e-mail", "en": "Confirm your e-mail address"},
    "confirm_intro": {
        "fr": "Confirmez que cette adresse est la vôtre pour recevoir ce que vous avez demandé.",
        "en": "Confirm that this address is yours to receive what you asked for.",
    },
    "confirm_button": {"fr": "Je confirme", "en": "I confirm"},
    "confirmed_title": {"fr": "Adresse confirmée", "en": "Address confirmed"},
    "confirmed": {
        "fr": "Merci : votre adresse est confirmée et vos choix sont pris en compte.",
        "en": "Thank you: your address is confirmed and your choices now count.",
    },
    "confirm_expired": {
        "fr": "Ce lien de confirmation a expiré. Inscrivez-vous à nouveau pour en recevoir un autre.",
        "en": "This confirmation link has expired. Sign up again to receive a new one.",
    },
    "mail_subject": {"fr": "Confirmez votre adresse e-mail", "en": "Confirm your e-mail address"},
    "mail_body": {
        "fr": "Bonjour,\n\nVous avez demandé à recevoir des messages de {controller} via le "
              "formulaire « {title} ».\nPour confirmer que cette adresse est la vôtre, ouvrez ce "
              "lien :\n\n{link}\n\nSi ce n'est pas vous, ignorez ce message : sans confirmation, "
              "vous ne recevrez rien.\n",
        "en": "Hello,\n\nYou asked to receive messages from {controller} through the form "
              "\"{title}\".\nTo confirm that this address is yours, open this link:\n\n{link}\n\n"
              "If this was not you, ignore this message: without confirmation you will receive "
              "nothing.\n",
    },
}


def t(key: str, lang: str) -> str:
    texts = MESSAGES[key]
    return texts.get(lang) or texts["fr"]


def choose_language(languages: Sequence[str], requested: str | None = None) -> str:
    """``?lang=`` when the form has it, else the browser's Accept-Language, else the first."""
    if requested in languages:
        return requested  # type: ignore[return-value]
    try:
        best = request.accept_languages.best_match(list(languages))
    except RuntimeError:  # outside a request
        best = None
    return best or languages[0]


def page_language(requested: str | None = None) -> str:
    """For pages that belong to no form (429, 404): among the interface languages."""
    if requested is None:
        try:
            requested = request.args.get("lang")
        except RuntimeError:
            requested = None
    return choose_language(UI_LANGUAGES, requested)
