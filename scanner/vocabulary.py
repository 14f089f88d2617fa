"""The purpose vocabulary shared by the linter, the form generator and the scanner.

rules.md, "Vocabulary": a *core action* is what the person came to do; an *optional purpose* is
any other use of the data, which needs its own consent; some required statements are *not a
consent* at all; a *channel* is a means of contact. Wording for each of these lives in
``scanner.classify``; this module only names the categories.
"""

from __future__ import annotations

from enum import StrEnum


class CoreAction(StrEnum):
    SPONSORSHIP = "sponsorship"  # parrainage / soutien of a candidate (not CNIL "referral")
    PETITION = "petition"
    MEMBERSHIP = "membership"
    DONATION = "donation"
    VOLUNTEER = "volunteer"
    EVENT = "event"
    CONTACT = "contact"
    NEWSLETTER = "newsletter"  # only when subscribing is the form's whole job


class Purpose(StrEnum):
    """Optional purposes: each needs its own, separate consent."""

    COMMUNICATION = "communication"  # news, newsletter, political messages, by any channel
    SHARING = "sharing"  # passing data to other organisations ("partenaires")
    PUBLICATION = "publication"  # publishing the person's name (public list of supporters)
    FUNDRAISING = "fundraising"  # soliciting donations
    PROFILING = "profiling"  # targeting, segmentation, analysis of opinions


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    PHONE = "phone"
    POST = "post"
    MESSAGING = "messaging"  # WhatsApp, Telegram, Signal…


class NonConsent(StrEnum):
    """Statements that may be required because they are not consents (rules.md)."""

    TERMS = "terms"  # accepting the CGU / terms of use
    PRIVACY_ACK = "privacy-ack"  # "I have read the privacy notice"
    ELIGIBILITY = "eligibility"  # age, nationality, registered voter
    ACCURACY = "accuracy"  # "I certify that the information is accurate"


class SensitiveCategory(StrEnum):
    """GDPR art. 9(1) special categories a campaign form has no reason to ask for.

    Political opinion is deliberately absent: it is inherent to the action (art. 9(2)(a), (d)).
    """

    RELIGION = "religion"
    ORIGIN = "origin"  # racial or ethnic origin
    HEALTH = "health"
    SEXUALITY = "sexuality"  # sex life or sexual orientation
    UNION = "union"  # trade-union membership
    BIOMETRIC = "biometric"
    GENETIC = "genetic"


# Purpose slugs that specs commonly use, mapped to the category they belong to. A spec purpose
# with a channel is COMMUNICATION over that channel whatever its slug.
PURPOSE_SLUGS: dict[str, Purpose] = {
    "newsletter": Purpose.COMMUNICATION,
    "news": Purpose.COMMUNICATION,
    "sms": Purpose.COMMUNICATION,
    "phone-calls": Purpose.COMMUNICATION,
    "calls": Purpose.COMMUNICATION,
    "post": Purpose.COMMUNICATION,
    "postal-mail": Purpose.COMMUNICATION,
    "messaging": Purpose.COMMUNICATION,
    "partner-sharing": Purpose.SHARING,
    "sharing": Purpose.SHARING,
    "public-listing": Purpose.PUBLICATION,
    "publication": Purpose.PUBLICATION,
    "fundraising": Purpose.FUNDRAISING,
    "donation-requests": Purpose.FUNDRAISING,
    "profiling": Purpose.PROFILING,
}
