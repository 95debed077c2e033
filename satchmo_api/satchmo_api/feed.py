"""Writing, publishing and reading the change log, in raw SQL.

Raw SQL because the guarantee "a client never skips a change" rests on which
statement sees which committed rows; the ORM would hide that.

Writing: the capture triggers (capture/triggers.py) insert rows with
``seq`` NULL (not published yet) in the shop's own transaction, one per
object and transaction.

Publishing (by the reader, before it reads): under an advisory lock, give
every committed unpublished row a ``seq`` above the highest one handed out,
and above the pruning horizon (pruning may have emptied the log), and
commit. Uncommitted rows are invisible to it, so they are numbered by a
later publication, above everything a client may already have seen. Rows
of a transaction still open can delay nothing but themselves. One
publication numbers at most ``PUBLISH_CHUNK`` rows, oldest first, so that a
backfill of a large store spreads over many short requests instead of one
that runs past the client's timeout.
"""
import datetime

from django.db import connection, transaction

from satchmo_api.models import Change

TABLE = Change._meta.db_table
HORIZON_TABLE = "satchmo_api_feedhorizon"
# any constant shared by all publishers of this database ("satchmo" in ASCII)
PUBLISH_LOCK = 0x736174636D6F

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
    " FROM (SELECT id FROM " + TABLE + " WHERE seq IS NULL ORDER BY id LIMIT %s) chunk"
    ") numbered WHERE c.id = numbered.id")
PUBLISH_CHUNK = 5000


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
    cursor.execute(_PUBLISH, [PUBLISH_CHUNK])
    published = cursor.rowcount
    transaction.commit_unless_managed()
    return published


def horizon():
    """The pruning horizon: changes at or below it are gone."""
    cursor = connection.cursor()
    cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM " + HORIZON_TABLE)
    return cursor.fetchone()[0]


def read(after, limit):
    """Up to ``limit`` published changes after ``after`` and the feed's state
    read *after* them: (rows, has_more, horizon, head).

    The horizon comes after the rows: a prune that commits between the two
    statements deleted rows this read may have missed, and the caller sees
    it in the horizon and answers 410 instead of a silent gap. More are
    ready when a further published row exists or committed rows still wait
    beyond this publication's chunk. Two queries after the publication,
    whatever the page holds.
    """
    publish()
    cursor = connection.cursor()
    cursor.execute("SELECT seq, resource, object_id, operation FROM " + TABLE +
                   " WHERE seq > %s ORDER BY seq LIMIT %s", [after, limit + 1])
    rows = [{"seq": seq, "resource": resource, "id": object_id, "operation": operation}
            for seq, resource, object_id, operation in cursor.fetchall()]
    cursor.execute(_STATE)
    horizon_seq, newest, waiting = cursor.fetchone()
    return rows[:limit], len(rows) > limit or waiting, horizon_seq, max(newest, horizon_seq)


_STATE = (
    "SELECT (SELECT COALESCE(MAX(seq), 0) FROM " + HORIZON_TABLE + "),"
    " (SELECT COALESCE(MAX(seq), 0) FROM " + TABLE + "),"
    " EXISTS (SELECT 1 FROM " + TABLE + " WHERE seq IS NULL)")


def head():
    """The newest published ``seq``: a cursor that skips nothing committed so far."""
    publish()
    cursor = connection.cursor()
    cursor.execute(_STATE)
    horizon_seq, newest, _ = cursor.fetchone()
    return max(newest, horizon_seq)


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
