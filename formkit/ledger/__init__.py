"""The consent ledger: append-only, hash-chained proof of every consent and withdrawal.

Public API: :mod:`formkit.ledger.service` (``Ledger``, ``Submission``, ``Receipt``…); CLI:
:mod:`formkit.ledger.cli`; design and guarantees: docs/ledger.md.
"""
