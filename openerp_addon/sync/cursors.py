# -*- coding: utf-8 -*-
"""Where a run's transactions come from.

A real run commits its work in batches, each in a fresh cursor of the
database (so the caller's transaction - a button click, the cron - holds
nothing), and takes its lock in yet another one. Unit tests run inside one
TransactionCase cursor that must never be committed: ``SharedCursors`` hands
that cursor out for every session and turns commits into savepoints.
"""
from contextlib import contextmanager

from openerp import pooler


class DatabaseCursors(object):
    """Fresh cursors on the database of ``cr``: each session commits or rolls back alone."""

    def __init__(self, dbname):
        self.dbname = dbname

    def cursor(self):
        return pooler.get_db(self.dbname).cursor()

    def pool(self):
        return pooler.get_pool(self.dbname)

    @contextmanager
    def session(self):
        """A transaction: committed when the block ends, rolled back if it raises."""
        cr = self.cursor()
        try:
            yield cr, self.pool()
            cr.commit()
        except Exception:
            cr.rollback()
            raise
        finally:
            cr.close()


class SharedCursors(object):
    """Everything in one existing cursor (tests): a session is a savepoint."""

    def __init__(self, cr):
        self.cr = cr
        self.sessions = 0

    def cursor(self):
        return self.cr

    def pool(self):
        return pooler.get_pool(self.cr.dbname)

    @contextmanager
    def session(self):
        self.sessions += 1
        name = 'satchmo_session_%d' % self.sessions
        self.cr.execute('SAVEPOINT %s' % name)
        try:
            yield self.cr, self.pool()
            self.cr.execute('RELEASE SAVEPOINT %s' % name)
        except Exception:
            self.cr.execute('ROLLBACK TO SAVEPOINT %s' % name)
            raise


def is_shared(cursors, cr):
    """Is ``cr`` the tests' one cursor (SharedCursors), whose transaction belongs to the
    test: locks and previews must neither commit, roll back nor close it."""
    return cr is getattr(cursors, 'cr', None)
