"""A throwaway PostgreSQL server on loopback (filled in by the ledger work)."""
