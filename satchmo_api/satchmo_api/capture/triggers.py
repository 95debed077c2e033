"""The capture triggers: their SQL, made from rules.py; installing them;
checking that what the database holds is what this version of the app
would install.

Why triggers rather than Django signals: Django 1.3 commits a ``save()``
before it sends ``post_save``, bulk actions and imports send no signal or a
``raw`` one, and m2m rows of a deleted object go without any. A trigger
runs inside the statement that changed the row, whatever sent it.

Every table of rules.py gets one function ``satchmo_api_capture_<table>``
and one ``AFTER INSERT OR UPDATE OR DELETE ... FOR EACH ROW`` trigger named
``satchmo_api_capture``. The function asks ``satchmo_api_mark`` to log the
resource ids the old and the new row show in; ``satchmo_api_mark`` keeps
one row per object and transaction, and a delete the last word (a cascade
deletes children after their parent in some orders).
"""
from django.db import connection

from satchmo_api.capture.rules import rules_by_table
from satchmo_api.models import Change

LOG = Change._meta.db_table
TRIGGER = "satchmo_api_capture"
MARK = "satchmo_api_mark"
# any constant shared by all installers of this database ("capture" in ASCII)
INSTALL_LOCK = 0x63617074757265

MARK_BODY = """
BEGIN
  DELETE FROM %(log)s WHERE txid = txid_current() AND resource = resource_name
    AND object_id = ANY(object_ids) AND (operation = 'upsert' OR change = 'delete');
  INSERT INTO %(log)s (seq, resource, object_id, operation, txid, created)
    SELECT NULL, resource_name, marked.id, change, txid_current(), now()
    FROM (SELECT DISTINCT unnest(object_ids) AS id) marked
    WHERE marked.id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM %(log)s done WHERE done.txid = txid_current()
        AND done.resource = resource_name AND done.object_id = marked.id
        AND done.operation = 'delete')
    ORDER BY marked.id;
END
""" % {"log": LOG}

INDEXES = (
    # what satchmo_api_mark looks up on every marked row
    "CREATE INDEX IF NOT EXISTS satchmo_api_change_txn_object ON %s (txid, resource, object_id)"
    % LOG,
    # rows waiting to be published, whatever the size of the published log
    "CREATE INDEX IF NOT EXISTS satchmo_api_change_unpublished ON %s (id) WHERE seq IS NULL"
    % LOG,
)


def function_name(table):
    return "%s_%s" % (TRIGGER, table)


def _mark(resource, query, operation):
    return "PERFORM %s('%s', ARRAY(%s)::integer[], %s);" % (MARK, resource, query, operation)


def trigger_body(rules):
    """The trigger function's body for one table's [(resource, ids, own, watched)]."""
    deleted, inserted, updated = [], [], []
    for resource, ids, own, watched in rules:
        old, new = ids.format(row="OLD"), ids.format(row="NEW")
        deleted.append(_mark(resource, old, "'delete'" if own else "'upsert'"))
        inserted.append(_mark(resource, new, "'upsert'"))
        update = _mark(resource, old + " UNION " + new, "'upsert'")
        if watched:
            update = "IF ROW(%s) IS DISTINCT FROM ROW(%s) THEN %s END IF;" % (
                ", ".join("OLD." + name for name in watched),
                ", ".join("NEW." + name for name in watched), update)
        updated.append(update)
    return "\n".join(
        ["", "BEGIN", "  IF TG_OP = 'DELETE' THEN"] + ["    " + s for s in deleted] +
        ["  ELSIF TG_OP = 'INSERT' THEN"] + ["    " + s for s in inserted] +
        ["  ELSE"] + ["    " + s for s in updated] +
        ["  END IF;", "  RETURN NULL;", "END", ""])


def expected_functions():
    """{function name: (body, table or None)} this version installs."""
    functions = {MARK: (MARK_BODY, None)}
    for table, rules in rules_by_table().items():
        functions[function_name(table)] = (trigger_body(rules), table)
    return functions


def install():
    """Create or replace the log's indexes, the functions and the triggers,
    and drop triggers of this app on tables the rules no longer name.
    Runs in the caller's transaction."""
    cursor = connection.cursor()
    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INSTALL_LOCK])
    for statement in INDEXES:
        cursor.execute(statement)
    cursor.execute("CREATE OR REPLACE FUNCTION %s(resource_name text, object_ids integer[], "
                   "change text) RETURNS void AS $body$%s$body$ LANGUAGE plpgsql"
                   % (MARK, MARK_BODY))
    functions = expected_functions()
    for name, (body, table) in sorted(functions.items()):
        if table is None:
            continue
        cursor.execute("CREATE OR REPLACE FUNCTION %s() RETURNS trigger AS $body$%s$body$ "
                       "LANGUAGE plpgsql" % (name, body))
        cursor.execute("DROP TRIGGER IF EXISTS %s ON %s" % (TRIGGER, table))
        cursor.execute("CREATE TRIGGER %s AFTER INSERT OR UPDATE OR DELETE ON %s "
                       "FOR EACH ROW EXECUTE PROCEDURE %s()" % (TRIGGER, table, name))
    wanted = set(table for _, table in functions.values())
    for table in _tables_with_trigger(cursor):
        if table not in wanted:
            cursor.execute("DROP TRIGGER %s ON %s" % (TRIGGER, table))
    return len(wanted) - 1


def _tables_with_trigger(cursor):
    cursor.execute("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                   "WHERE t.tgname = %s AND pg_table_is_visible(c.oid)", [TRIGGER])
    return [name for name, in cursor.fetchall()]


def unsupported():
    """Why this database cannot have capture, or None."""
    if connection.vendor != "postgresql":
        return ("change capture needs PostgreSQL; this shop's database is %s"
                % connection.vendor)
    return None


def problems():
    """What is missing or stale, in words a shop owner can act on; [] when
    capture is installed exactly as this version of the app installs it."""
    if unsupported():
        return [unsupported()]
    cursor = connection.cursor()
    cursor.execute("SELECT p.proname, p.prosrc FROM pg_proc p "
                   "WHERE pg_function_is_visible(p.oid) AND (p.proname = %s OR p.proname LIKE %s)",
                   [MARK, TRIGGER + r"\_%"])
    installed = dict(cursor.fetchall())
    cursor.execute("SELECT c.relname, t.tgenabled, p.proname FROM pg_trigger t "
                   "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                   "WHERE t.tgname = %s AND pg_table_is_visible(c.oid)", [TRIGGER])
    triggers = dict((table, (enabled, function)) for table, enabled, function in cursor.fetchall())
    found = []
    for name, (body, table) in sorted(expected_functions().items()):
        if name not in installed:
            found.append("function %s is missing" % name)
        elif installed[name] != body:
            found.append("function %s is stale (installed by another version)" % name)
        if table is None:
            continue
        if table not in triggers:
            found.append("trigger %s on %s is missing" % (TRIGGER, table))
        elif triggers[table] != ("O", name):
            found.append("trigger %s on %s is disabled or calls another function"
                         % (TRIGGER, table))
    wanted = set(table for _, table in expected_functions().values())
    found.extend("trigger %s on %s is stale (no rule names that table)" % (TRIGGER, table)
                 for table in sorted(set(triggers) - wanted))
    return found
