# -*- coding: utf-8 -*-
"""A shop object imported by one worker at a time, when a shop's import is partitioned.

Two partitions (partitions.py) may need the same product or customer that
is not imported yet, at the same moment. Before such an object is looked up
and imported, its transaction takes a PostgreSQL advisory lock keyed on
(backend, resource, shop id), held until the transaction ends. The first
takes it at once and imports the object. The second finds it taken: it
waits until the first transaction ends, then raises ``Transient``, so its
record is tried again in a fresh transaction - one whose snapshot sees the
object the first committed (a REPEATABLE READ snapshot taken before that
commit never would: it would create the object a second time).

The mapping table's unique (backend, resource, shop id) is the last guard:
two transactions that both began before either bound the object (the lock
was free when each took it) collide on that row; the second gets a unique
violation, which transactions.is_transient treats as the same race, and its
record is tried again the same way. Either way: one record, one mapping row.
"""
import zlib

from .transactions import Transient

# The first key of the two-key advisory lock: "a shop object of a partitioned import"
# (lock.py's LOCK_NAMESPACE and the ones after it are the runs' locks).
DEPENDENCY_NAMESPACE = 0x5A7B


class BeingImported(Exception):
    """Another partition's transaction was importing this object."""


def lock_key(backend_id, resource, shop_id):
    """A stable 32-bit key of one shop object (a collision only makes one wait for nothing)."""
    crc = zlib.crc32('%s:%s:%s' % (int(backend_id), resource, shop_id)) & 0xffffffff
    return crc - 0x100000000 if crc >= 0x80000000 else crc


def hold(cr, backend_id, resource, shop_id):
    """Take the object's lock for this transaction, or wait for it and raise Transient."""
    key = (DEPENDENCY_NAMESPACE, lock_key(backend_id, resource, shop_id))
    cr.execute('SELECT pg_try_advisory_xact_lock(%s, %s)', key)
    if cr.fetchone()[0]:
        return
    cr.execute('SELECT pg_advisory_xact_lock(%s, %s)', key)  # until the other one commits
    raise Transient(BeingImported(u'%s %s was being imported by another partition'
                                  % (resource, shop_id)))
