"""Where unbundle keeps its state by default, shared by `unbundle serve` and `unbundle ledger`.

One convention, so that the server and the ledger CLI open the same database without flags:
``UNBUNDLE_DB`` when set, otherwise SQLite at ``instance/unbundle.db`` relative to the current
directory (Flask's "instance folder" idea: state beside, not inside, the code).
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "UNBUNDLE_DB"
INSTANCE_DIR = "instance"
DB_FILE = "unbundle.db"


def instance_dir() -> Path:
    """The instance folder: ``./instance`` (absolute); not created here."""
    return (Path.cwd() / INSTANCE_DIR).resolve()


def default_db_url() -> str:
    """``$UNBUNDLE_DB`` if set, else ``sqlite:///<cwd>/instance/unbundle.db`` (absolute path).

    The ledger creates the folder of a SQLite file when it opens it.
    """
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return env
    return f"sqlite:///{instance_dir() / DB_FILE}"
