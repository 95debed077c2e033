"""Writing, publishing and reading the change log, in raw SQL.

Raw SQL because the guarantee "a client never skips a change" rests on which
statement sees which committed rows; the ORM would hide that.

Writing (in the shop's own transaction, from the signals):
1. DELETE this transaction's earlier rows for the same object: an order
   placed in one transaction touches the order a dozen times.
2. INSERT the row with ``seq`` NULL: not published yet.

Publishing (by the reader, before it reads): under an advisory lock, give
every committed unpublished row a ``seq`` above the highest one handed out,
and above the pruning horizon (pruning may have emptied the log), and
commit. Uncommitted rows are invisible to it, so they are numbered by a
later publication, above everything a client may already have seen. Rows
of a transaction still open can delay nothing but themselves.
"""
import datetime

from django.db import connection, transaction

from satchmo_api.models import Change

TABLE = Change._meta.db_table
HORIZON_TABLE = "satchmo_api_feedhorizon"
# any constant shared by all publishers of this database ("satchmo" in ASCII)
PUBLISH_LOCK = 0x736174636D6F

_FORGET_EARLIER = (
    "DELETE FROM " + TABLE + " WHERE txid = txid_current() "
    "AND resource = %s AND object_id = %s AND (operation = 'upsert' OR %s = 'delete')")
# A cascade sends the children's post_delete (an upsert of the parent) after
# the parent's own delete: once deleted in this transaction, it stays so.
_INSERT = (
    "INSERT INTO " + TABLE + " (seq, resource, object_id, operation, txid, created) "
    "SELECT NULL, %s, %s, %s, txid_current(), %s WHERE NOT EXISTS ("
    "SELECT 1 FROM " + TABLE + " WHERE txid = txid_current() AND resource = %s "
    "AND object_id = %s AND operation = 'delete')")
# Of several committed, unpublished changes of one object only the last
# matters to a client that has not seen any of them.
_COLLAPSE_UNPUBLISHED = (
    "DELETE FROM " + TABLE + " old USING " + TABLE + " newer "
    "WHERE old.seq IS NULL AND newer.seq IS NULL AND old.resource = newer.resource "
    "AND old.object_id = newer.object_id AND old.id < newer.id")
_PUBLISH = (
    "UPDATE " + TABLE + " c SET seq = numbered.seq FROM ("
    " SELECT id, GREATEST((SELECT COALESCE(MAX(seq), 0) FROM " + TABLE + "),"
    " (SELECT COALESCE(MAX(seq), 0) FROM " + HORIZON_TABLE + "))"
    " + row_number() OVER (ORDER BY id) AS seq"
    " FROM " + TABLE + " WHERE seq IS NULL) numbered "
    "WHERE c.id = numbered.id")


def record(resource, object_ids, operation):
    """Log ``operation`` on each id of ``resource`` in the current transaction."""
    cursor = connection.cursor()
    now = datetime.datetime.now()
    for object_id in object_ids:
        if object_id is None:
            continue
        cursor.execute(_FORGET_EARLIER, [resource, object_id, operation])
        cursor.execute(_INSERT, [resource, object_id, operation, now, resource, object_id])
    # Inside a managed transaction this only marks it dirty; outside one
    # (Django 1.3 commits each save before post_save) it commits our rows.
    transaction.commit_unless_managed()


def record_all(resource, table):
    """Backfill: an upsert for every row of ``table`` in one statement."""
    cursor = connection.cursor()
    cursor.execute(
        "INSERT INTO " + TABLE + " (seq, resource, object_id, operation, txid, created) "
        "SELECT NULL, %s, id, %s, txid_current(), %s FROM " + table + " ORDER BY id",
        [resource, Change.UPSERT, datetime.datetime.now()])
    count = cursor.rowcount
    transaction.commit_unless_managed()
    return count


def publish():
    """Number the committed, unpublished changes after every number so far.

    Its own short transaction: the lock makes publishers take turns, and
    each statement after it sees what the previous publisher committed.
    """
    cursor = connection.cursor()
    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLISH_LOCK])
    cursor.execute(_COLLAPSE_UNPUBLISHED)
    cursor.execute(_PUBLISH)
    published = cursor.rowcount
    transaction.commit_unless_managed()
    return published


def horizon():
    """The pruning horizon: changes at or below it are gone."""
    cursor = connection.cursor()
    cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM " + HORIZON_TABLE)
    return cursor.fetchone()[0]


def read(after, limit):
    """Up to ``limit`` published changes after ``after``, and whether more are ready."""
    publish()
    cursor = connection.cursor()
    cursor.execute("SELECT seq, resource, object_id, operation FROM " + TABLE +
                   " WHERE seq > %s ORDER BY seq LIMIT %s", [after, limit + 1])
    rows = [{"seq": seq, "resource": resource, "id": object_id, "operation": operation}
            for seq, resource, object_id, operation in cursor.fetchall()]
    return rows[:limit], len(rows) > limit


def head():
    """The newest published ``seq``: a cursor that skips nothing committed so far."""
    publish()
    cursor = connection.cursor()
    cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM " + TABLE)
    return max(cursor.fetchone()[0], horizon())


def prune(older_than):
    """Delete published changes created before ``older_than``; move the horizon.

    Only a prefix of the log goes (everything up to the newest old enough
    row), so the horizon says exactly which cursors can no longer be
    served. Returns (rows deleted, new horizon).
    """
    publish()
    cursor = connection.cursor()
    cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM " + TABLE +
                   " WHERE created < %s AND seq IS NOT NULL", [older_than])
    cut = cursor.fetchone()[0]
    deleted = 0
    if cut > horizon():
        cursor.execute("DELETE FROM " + TABLE + " WHERE seq <= %s", [cut])
        deleted = cursor.rowcount
        cursor.execute("DELETE FROM " + HORIZON_TABLE)
        cursor.execute("INSERT INTO " + HORIZON_TABLE + " (seq) VALUES (%s)", [cut])
    transaction.commit_unless_managed()
    return deleted, horizon()
