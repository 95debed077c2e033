# -*- coding: utf-8 -*-
"""One run per shop at a time: a PostgreSQL advisory lock keyed on the backend.

A transaction-level advisory lock (pg_try_advisory_xact_lock) in a cursor of
its own: it never blocks (a second run learns at once that it must yield), it
does not lock the backend row (which each batch updates with the advanced
cursor), and PostgreSQL releases it when that transaction ends - also when
the server dies, so a killed run never leaves a stale lock behind. Unlike
a session-level lock, it cannot leak into OpenERP's pooled connections.
"""
from contextlib import contextmanager

from .cursors import is_shared

# The first key of the two-key advisory lock: "this is a Satchmo backend id".
LOCK_NAMESPACE = 0x5A7C


def try_lock(cr, backend_id, partition=None):
    """The shop's lock, or (``partition`` k) that of its partition k: partitions.py."""
    namespace = LOCK_NAMESPACE if partition is None else LOCK_NAMESPACE + 1 + int(partition)
    cr.execute('SELECT pg_try_advisory_xact_lock(%s, %s)', (namespace, int(backend_id)))
    return cr.fetchone()[0]


@contextmanager
def backend_lock(cursors, backend_id, partition=None):
    """Yields True when this run holds the shop's (partition's) lock, False when another
    run does."""
    cr = cursors.cursor()
    shared = is_shared(cursors, cr)
    try:
        yield try_lock(cr, backend_id, partition)
    finally:
        if not shared:
            cr.rollback()  # ends the transaction: releases the lock
            cr.close()
