"""Receipts: how they are stored, and rendered as a Kantara Consent Receipt (v1.1) with ISO/IEC
27560 record fields.

Kantara CR v1.1 gives the top-level names (consentReceiptID, piiControllers, services/purposes…);
ISO/IEC 27560:2023 (consent record information structure) adds what a record must say about
the notice, the purpose's state and the event; those live under ``"iso27560"``. Only fields we
know are filled: no invented values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..spec import Spec
from .records import Receipt, ReceiptPurpose

KANTARA_VERSION = "KI-CR-v1.1.0"


def consent_receipt(receipt: Receipt, title: str = "") -> dict[str, Any]:
    given = [p for p in receipt.purposes if p.state in ("granted", "pending")]
    controller = {
        "piiController": receipt.controller,
        "contact": receipt.controller_contact,
        "address": receipt.controller_address,
        "email": receipt.controller_contact,
        "piiControllerUrl": receipt.privacy_url,
    }
    return {
        "version": KANTARA_VERSION,
        "jurisdiction": "EU (GDPR); FR (CNIL)",
        "consentTimestamp": int(receipt.created_at.timestamp()),
        "collectionMethod": f"web form ({receipt.source})",
        "consentReceiptID": receipt.receipt_id,
        "language": receipt.lang,
        "piiPrincipalId": receipt.contact_id,
        "piiControllers": [{k: v for k, v in controller.items() if v}],
        "policyUrl": receipt.privacy_url,
        "services": [{
            "service": title or receipt.form_id,
            "purposes": [{
                "purpose": p.wording,
                "purposeCategory": [p.purpose_id],
                "consentType": "EXPLICIT",  # an unticked box the person ticked (art. 4(11))
                "piiCategory": [p.channel] if p.channel else [],
                "primaryPurpose": False,  # optional purposes are never the core action
                "termination": p.retention if p.expires_on is None else f"{p.retention} (until {p.expires_on})",
                "thirdPartyDisclosure": bool(receipt.recipients),
                "thirdPartyName": "; ".join(receipt.recipients),
            } for p in given],
        }],
        "sensitive": False,  # the linter refuses special-category fields (art. 9)
        "spiCat": [],
        "iso27560": {
            "schemaVersion": "ISO/IEC 27560:2023",
            "recordId": receipt.receipt_id,
            "piiPrincipalId": receipt.contact_id,
            "noticeId": receipt.notice_version,
            "formId": receipt.form_id,
            "formVersion": receipt.form_version,
            "event": {
                "type": "given",
                "timestamp": receipt.created_at.isoformat(),
                "method": receipt.source,
                "location": receipt.page_url,
            },
            "purposes": [{
                "purposeId": p.purpose_id,
                "purpose": p.wording,
                "state": {"granted": "given", "pending": "pending-confirmation", "refused": "refused"}[p.state],
                "channel": p.channel,
                "retention": p.retention,
                "expiresOn": p.expires_on.isoformat() if p.expires_on else None,
            } for p in receipt.purposes],
            "attestations": list(receipt.attestations),
            "recipients": list(receipt.recipients),
            "ledgerEventHashes": list(receipt.event_hashes),
        },
    }


def receipt_document(receipt: Receipt, spec: Spec) -> dict[str, Any]:
    doc = {f: getattr(receipt, f) for f in (
        "controller", "controller_contact", "controller_address", "privacy_url", "notice_version",
        "source", "page_url")}
    doc.update(
        title=spec.title.get(receipt.lang, spec.id),
        attestations=list(receipt.attestations), recipients=list(receipt.recipients),
        event_hashes=list(receipt.event_hashes),
        purposes=[{"purpose_id": p.purpose_id, "wording": p.wording, "state": p.state,
                   "channel": p.channel, "retention": p.retention,
                   "expires_on": p.expires_on.isoformat() if p.expires_on else None}
                  for p in receipt.purposes],
    )
    return doc


def receipt_from_row(row: Any) -> Receipt:
    doc = row["document"]
    purposes = tuple(ReceiptPurpose(p["purpose_id"], p["wording"], p["state"], p["channel"],
                                    p["retention"], dt.date.fromisoformat(p["expires_on"]) if p["expires_on"] else None)
                     for p in doc["purposes"])
    return Receipt(
        receipt_id=row["id"], contact_id=row["contact_id"], form_id=row["form_id"],
        form_version=row["form_version"], created_at=row["created_at"], controller=doc["controller"],
        lang=row["lang"],
        granted=tuple(p.purpose_id for p in purposes if p.state == "granted"),
        refused=tuple(p.purpose_id for p in purposes if p.state == "refused"),
        pending_confirmation=tuple(p.purpose_id for p in purposes if p.state == "pending"),
        controller_contact=doc["controller_contact"], controller_address=doc["controller_address"],
        privacy_url=doc["privacy_url"], notice_version=doc["notice_version"], source=doc["source"],
        page_url=doc["page_url"], attestations=tuple(doc["attestations"]), purposes=purposes,
        recipients=tuple(doc["recipients"]), event_hashes=tuple(doc["event_hashes"]),
    )
