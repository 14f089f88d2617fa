"""`unbundle ledger`: verify the proof of consent, export contactable people, purge, subject rights.

Exit codes: 0 ok; 1 verification failed or the command failed (a clear message, never a
traceback). Every command takes ``--db URL`` (env ``UNBUNDLE_DB``; default: SQLite at
``instance/unbundle.db`` under the current directory, the same as ``unbundle serve``).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlalchemy import exc
from sqlalchemy.engine import make_url

from ..cli_options import db_option, format_option, output_option, secret_option
from ..config import default_db_url, stored_secret
from ..errors import UnbundleError
from ..spec import load_specs
from .service import PROVENANCE_KEYS, Ledger, LedgerError

F = TypeVar("F", bound=Callable[..., Any])


date_type = click.DateTime(formats=["%Y-%m-%d"])


def _clean_errors(func: F) -> F:
    """Errors a user can act on become one clean line and exit code 1, not a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UnbundleError as error:
            raise click.ClickException(str(error)) from None

    return wrapper  # type: ignore[return-value]


def _secret(given: str | None) -> str | None:
    """The key the server seals with: given, else the one it generated in the instance folder."""
    return stored_secret(given)


def _open(db: str | None, secret: str | None = None) -> Ledger:
    url = db or default_db_url()
    missing = _missing_sqlite_file(url)
    if missing:
        # Opening would create an empty database: say where we looked instead.
        raise LedgerError(f"There is no ledger database at {missing}. Give --db (or UNBUNDLE_DB) "
                          "with the server's database URL, or run the command where the server "
                          "keeps its instance folder.")
    return Ledger(url, secret=secret.encode() if secret else None)


def _missing_sqlite_file(url: str) -> str | None:
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        return None  # Ledger() explains a bad URL
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:") or database.startswith("file:"):
        return None
    return None if Path(database).exists() else database


def _emit(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as error:
            raise LedgerError(f"Cannot write {output}: {error.strerror}.") from None
    else:
        click.echo(text, nl=not text.endswith("\n"))


@click.group(short_help="Prove, export and purge the consents kept by the form backend.",
             epilog="Example: unbundle ledger verify --db sqlite:///instance/unbundle.db")
def ledger() -> None:
    """Prove, export and purge the consents kept by the form backend (GDPR art. 7, 15, 17)."""


@ledger.command(short_help="Check that no consent fact was altered or deleted.",
                epilog="Example: unbundle ledger verify --db postgresql+psycopg://u@host/db")
@db_option
@secret_option
@format_option("text", "json")
@_clean_errors
def verify(db: str | None, secret: str | None, fmt: str) -> None:
    """Re-hash the consent chain and name every event whose stored facts changed or that is missing.

    Exits 0 when the chain is intact, 1 otherwise.
    """
    key = _secret(secret)
    store = _open(db, key)
    try:
        report = store.verify()
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps({"ok": report.ok, "events_checked": report.events_checked,
                               "sealed": report.sealed,
                               "problems": [{"event_id": p.event_id, "message": p.message}
                                            for p in report.problems]}, indent=2))
    else:
        for problem in report.problems:
            click.echo(problem.line())
        seal = {True: ", seal checked", False: ", seal NOT checked (no --secret)", None: ""}[report.sealed]
        verdict = "ok" if report.ok else f"FAILED: {len(report.problems)} problem(s)"
        click.echo(f"{verdict}: {report.events_checked} events checked{seal}")
    if not report.ok:
        raise click.exceptions.Exit(1)


@ledger.command(short_help="Export the people who may be contacted for one purpose today.",
                epilog="Example: unbundle ledger export --form parrainage-camille-2027 --purpose sms")
@db_option
@click.option("--form", "form_id", required=True, metavar="ID", help="Form id (the spec's `id`).")
@click.option("--purpose", "purpose_id", required=True, metavar="ID", help="Purpose id (the spec's `purposes[].id`).")
@format_option("csv", "json", default="csv")
@output_option
@click.option("--today", type=date_type, default=None, help="Judge retention as of this date (YYYY-MM-DD); default: today (UTC).")
@click.option("--fields", default=None, metavar="A,B",
              help="Personal fields to export (default: the name and what the purpose's channel needs, "
                   "e.g. email for e-mail, phone for SMS).")
@_clean_errors
def export(db: str | None, form_id: str, purpose_id: str, fmt: str, output: str | None,
           today: dt.datetime | None, fields: str | None) -> None:
    """Export the people who may be contacted for one purpose today, with provenance.

    Only consents currently granted (and confirmed where the form requires it), not withdrawn and
    within retention. Each row says where the contact came from (form, version, date, wording),
    and carries only the personal fields the channel needs (data minimisation; see --fields).
    """
    store = _open(db)
    try:
        wanted = [f.strip() for f in fields.split(",") if f.strip()] if fields is not None else None
        rows = store.export(form_id, purpose_id, today=today.date() if today else None, fields=wanted)
        unknown = "" if rows else _unknown_ids(store, form_id, purpose_id)
    finally:
        store.close()
    if fmt == "json":
        _emit(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", output)
    else:
        _emit(_csv(rows), output)
    click.echo(f"{len(rows)} contact(s) exported for {form_id}/{purpose_id}", err=True)
    if unknown:
        click.echo(f"warning: {unknown}", err=True)


def _unknown_ids(store: Ledger, form_id: str, purpose_id: str) -> str:
    """Why an export is empty when the ids are not in the ledger at all (a typo, most often):
    an empty list alone would read as "nobody agreed"."""
    from sqlalchemy import select

    from .db import read_transaction
    from .models import ConsentEvent

    events = ConsentEvent.__table__
    with read_transaction(store.engine) as conn:
        forms = sorted(conn.execute(select(events.c.form_id).distinct()).scalars())
        if form_id not in forms:
            known = ", ".join(forms) or "none yet"
            return f"the ledger holds no form {form_id!r} (forms in it: {known}); check --form."
        purposes = sorted(p for p in conn.execute(
            select(events.c.purpose_id).distinct().where(
                events.c.form_id == form_id,
                events.c.action.in_(("granted", "refused", "requested", "withdrawn")))
        ).scalars() if p)
    if purpose_id not in purposes:
        return (f"form {form_id!r} has no purpose {purpose_id!r} in the ledger "
                f"(its purposes: {', '.join(purposes) or 'none'}); check --purpose.")
    return ""


PERSONAL_FIRST = ("contact_id", "email", "phone", "first_name", "last_name")
PROVENANCE = PROVENANCE_KEYS[1:]


def _csv(rows: list[dict[str, Any]]) -> str:
    present = {k for r in rows for k in r}
    first = [k for k in PERSONAL_FIRST if k == "contact_id" or k in present]  # minimised exports
    other = sorted(present - set(PERSONAL_FIRST) - set(PROVENANCE))
    columns = [*first, *other, *PROVENANCE]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


@ledger.command(short_help="Delete personal data past its retention; the proof stays.",
                epilog="Example: unbundle ledger purge --specs examples --today 2027-11-10 --dry-run")
@db_option
@secret_option
@click.option("--today", type=date_type, default=None, help="Purge as of this date (YYYY-MM-DD); default: today (UTC).")
@click.option("--dry-run", is_flag=True, help="Report what would be deleted; delete nothing.")
@click.option("--specs", "specs_dir", type=click.Path(file_okay=False, exists=True), default=None,
              envvar="UNBUNDLE_SPECS", help="Folder of form specs whose retention may shorten what was stored. Env: UNBUNDLE_SPECS.")
@format_option("text", "json")
@_clean_errors
def purge(db: str | None, secret: str | None, today: dt.datetime | None, dry_run: bool,
          specs_dir: str | None, fmt: str) -> None:
    """Delete personal data past its retention (the spec's election_end + core_action, each
    purpose's own retention); withdrawn consents keep nothing. The proof of consent stays and
    still verifies. On SQLite the file is vacuumed so that no trace of the data remains.
    """
    specs = load_specs(specs_dir) if specs_dir else []
    day = today.date() if today else dt.datetime.now(dt.UTC).date()
    store = _open(db, _secret(secret))  # each deletion appends an event: keep the head sealed
    try:
        report = store.purge(specs, today=day, dry_run=dry_run)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps({
            "dry_run": report.dry_run, "today": report.today.isoformat(), "kept": report.kept,
            "deleted": report.deleted, "notes": list(report.notes),
            "items": [{"contact_id": i.contact_id, "form_id": i.form_id, "reason": i.reason,
                       "needed_until": i.needed_until.isoformat() if i.needed_until else None}
                      for i in report.items]}, indent=2))
        return
    verb = "would delete" if dry_run else "deleted"
    for item in report.items:
        until = f" (needed until {item.needed_until})" if item.needed_until else ""
        click.echo(f"{verb} {item.contact_id} on {item.form_id}: {item.reason}{until}")
    for note in report.notes:
        click.echo(f"note: {note}")
    summary = "would be deleted" if dry_run else "deleted"
    click.echo(f"{len(report.items)} contact(s) {summary}, {report.kept} kept, as of {day}")


@ledger.command(short_help="Print everything held about a person (art. 15); --erase (art. 17).",
                epilog="Example: unbundle ledger subject alice@example.org --erase")
@click.argument("identifier", metavar="EMAIL|PHONE")
@db_option
@secret_option
@click.option("--erase", is_flag=True, help="Erase the person's personal data (art. 17) after printing it.")
@output_option
@_clean_errors
def subject(identifier: str, db: str | None, secret: str | None, erase: bool, output: str | None) -> None:
    """Print everything held about a person, as JSON (GDPR art. 15); with --erase, erase it (art. 17).

    The proof that consents were given and withdrawn stays, without the person's data.
    """
    store = _open(db, _secret(secret))  # --erase appends an event: keep the head sealed
    try:
        found = store.subject(identifier)
        _emit(json.dumps(found, indent=2, ensure_ascii=False) + "\n", output)
        if erase:
            erased = store.erase_subject(identifier)
            click.echo(f"erased {erased} record(s)", err=True)
    finally:
        store.close()


__all__ = ["ledger"]
