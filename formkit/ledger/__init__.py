"""The consent ledger: append-only, hash-chained proof of every consent and withdrawal."""
