"""Writing and reading the change log with raw SQL.

Raw SQL because the ordering guarantee depends on which statement draws the
sequence number and which statement's snapshot gives ``bound`` (see
models.py); the ORM would hide both.

Writing one change takes three statements, in this order:

1. DELETE this transaction's earlier rows for the same object. Besides
   collapsing repeated changes (an order placed in one transaction touches
   the order a dozen times), its ``txid_current()`` makes sure the
   transaction owns a txid *before* it draws a ``seq``.
2. INSERT the row (draws ``seq``), ``bound`` still NULL: not yet servable.
3. UPDATE ``bound`` from a snapshot taken by this later statement, hence
   after ``seq`` was drawn (READ COMMITTED: each statement has its own
   snapshot; Django's default isolation level).
"""
import datetime

from django.db import connection, transaction

from satchmo_api.models import Change

TABLE = Change._meta.db_table
HORIZON_TABLE = "satchmo_api_feedhorizon"

_FORGET_EARLIER = (
    "DELETE FROM " + TABLE + " WHERE txid = txid_current() "
    "AND resource = %s AND object_id = %s AND (operation = 'upsert' OR %s = 'delete')")
# A cascade sends the children's post_delete (an upsert of the parent) after
# the parent's own delete: once deleted in this transaction, it stays so.
_INSERT = (
    "INSERT INTO " + TABLE + " (resource, object_id, operation, txid, bound, created) "
    "SELECT %s, %s, %s, txid_current(), NULL, %s WHERE NOT EXISTS ("
    "SELECT 1 FROM " + TABLE + " WHERE txid = txid_current() AND resource = %s "
    "AND object_id = %s AND operation = 'delete')")
_SET_BOUND = (
    "UPDATE " + TABLE + " SET bound = txid_snapshot_xmax(txid_current_snapshot()) "
    "WHERE txid = txid_current() AND bound IS NULL")
_XMIN = "txid_snapshot_xmin(txid_current_snapshot())"


def record(resource, object_ids, operation):
    """Log ``operation`` on each id of ``resource`` in the current transaction."""
    cursor = connection.cursor()
    now = datetime.datetime.now()
    for object_id in object_ids:
        if object_id is None:
            continue
        cursor.execute(_FORGET_EARLIER, [resource, object_id, operation])
        cursor.execute(_INSERT, [resource, object_id, operation, now, resource, object_id])
    cursor.execute(_SET_BOUND)
    # Inside a managed transaction this only marks it dirty; outside one
    # (Django 1.3 commits each save before post_save) it commits our rows.
    transaction.commit_unless_managed()


def record_all(resource, table):
    """Backfill: an upsert for every row of ``table`` in one statement."""
    cursor = connection.cursor()
    cursor.execute("SELECT txid_current()")
    cursor.execute(
        "INSERT INTO " + TABLE + " (resource, object_id, operation, txid, bound, created) "
        "SELECT %s, id, %s, txid_current(), NULL, %s FROM " + table + " ORDER BY id",
        [resource, Change.UPSERT, datetime.datetime.now()])
    count = cursor.rowcount
    cursor.execute(_SET_BOUND)
    transaction.commit_unless_managed()
    return count


def horizon():
    """The pruning horizon: changes at or below it are gone."""
    cursor = connection.cursor()
    cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM " + HORIZON_TABLE)
    return cursor.fetchone()[0]


def read(after, limit):
    """Up to ``limit`` servable changes after ``after``, and whether more are ready.

    Rows are read in ``seq`` order with the snapshot's xmin in the same
    statement; the page stops at the first row that is not servable yet
    (``bound`` not reached, or NULL), because serving anything past it
    could let the client's cursor jump over a ``seq`` still to commit.
    """
    cursor = connection.cursor()
    cursor.execute(
        "SELECT seq, resource, object_id, operation, bound, " + _XMIN + " FROM " + TABLE +
        " WHERE seq > %s ORDER BY seq LIMIT %s", [after, limit + 1])
    rows = []
    for seq, resource, object_id, operation, bound, xmin in cursor.fetchall():
        if bound is None or bound > xmin:
            return rows, False
        rows.append({"seq": seq, "resource": resource, "id": object_id,
                     "operation": operation})
    if len(rows) > limit:
        return rows[:limit], True
    return rows, False


def head():
    """The newest ``seq`` below which every change is committed or rolled back."""
    cursor = connection.cursor()
    cursor.execute(
        "SELECT COALESCE(MAX(c.seq), 0) FROM " + TABLE + " c, (SELECT " + _XMIN + " AS xmin) s "
        "WHERE c.bound <= s.xmin AND c.seq < COALESCE((SELECT MIN(p.seq) FROM " + TABLE +
        " p WHERE p.bound IS NULL OR p.bound > s.xmin), 2147483647)")
    newest = cursor.fetchone()[0]
    return max(newest, horizon())


def prune(older_than):
    """Delete servable changes created before ``older_than``; move the horizon.

    Only a prefix of the log goes (everything up to the newest old enough
    row, never past the head), so the horizon says exactly which cursors
    can no longer be served. Returns (rows deleted, new horizon).
    """
    limit = head()
    cursor = connection.cursor()
    cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM " + TABLE +
                   " WHERE created < %s AND seq <= %s", [older_than, limit])
    cut = cursor.fetchone()[0]
    deleted = 0
    if cut > horizon():
        cursor.execute("DELETE FROM " + TABLE + " WHERE seq <= %s", [cut])
        deleted = cursor.rowcount
        cursor.execute("DELETE FROM " + HORIZON_TABLE)
        cursor.execute("INSERT INTO " + HORIZON_TABLE + " (seq) VALUES (%s)", [cut])
    transaction.commit_unless_managed()
    return deleted, horizon()
