# -*- coding: utf-8 -*-
"""One shop's import over several OpenERP cron workers at once (backend setting "partitions").

OpenERP 7 runs scheduled actions in its cron workers (``--workers=N`` with
``--max-cron-threads=M``, or M cron threads without workers): each worker
takes one due ir.cron row (``SELECT ... FOR UPDATE NOWAIT``) and runs it to
the end, so M rows run at once, in M processes - threads of one process
would share one core (the GIL). A shop with ``partitions`` = N > 1 therefore
gets N scheduled actions of its own (models/partition.py), besides the
shop's run that the main scheduled action starts:

* the shop's run imports the dependencies - the catalogue and the customers,
  every resource that is not ``commits_alone``; its feed position is the
  backend's ``dependencies_cursor``;
* partition k (0-based) imports the orders whose customer hashes to k
  (``partition_of``): one customer's orders, payments and reconciliations
  stay in one worker, in feed order (partition 0 also archives the orders the
  shop deleted). It reads the feed from its own cursor (a ``satchmo.partition``
  row).

The first sync is two phases: the partitions wait until the shop's run has
listed the catalogue and the customers (``waiting``). After it, all parts run
at once: a dependency that an order needs and the shop's run has not
imported yet (a product created a moment ago) is imported on demand by the
partition, under an advisory lock per shop object (dependency_lock.py), so
that two workers never create it twice; the mapping table's uniqueness is
the last guard.

The shop-wide ``cursor`` is ``shop_cursor``: the least of the dependencies
cursor and every partition's cursor, i.e. the point up to which every part of
the shop is committed. With N = 1 none of this is used: one run does it all,
exactly as before.
"""
import zlib

from . import transactions

# satchmo.sync.run.partition of a shop's own run (partition k's runs store k + 1)
SHOP_RUN = 0


def partition_of(contact_id, partitions):
    """The partition (0 .. partitions - 1) of a customer: stable across processes and
    restarts (crc32 of the id's text, not Python's hash()), the same for every order of
    the customer."""
    if partitions <= 1:
        return 0
    return (zlib.crc32(str(contact_id)) & 0xffffffff) % partitions


def shop_cursor(dependencies, partition_cursors):
    """The feed position up to which the whole shop is committed: no part is behind it."""
    return min([dependencies or 0] + [cursor or 0 for cursor in partition_cursors])


class Part(object):
    """Which part of a shop's import one run does: the whole shop (``index`` None and
    ``count`` 1), the dependencies of a partitioned shop (``index`` None), or partition
    ``index`` of ``count``."""

    def __init__(self, index=None, count=1):
        self.index = index
        self.count = max(count or 1, 1)

    @property
    def partitioned(self):
        return self.count > 1

    @property
    def run_number(self):
        """What the run record stores: 0 for the shop's run, k + 1 for partition k."""
        return SHOP_RUN if self.index is None else self.index + 1

    def takes(self, resource):
        """Does this run import this resource's objects at all?"""
        if not self.partitioned:
            return True
        alone = transactions.commits_alone(resource)
        return alone if self.index is not None else not alone

    def owns(self, resource, payload):
        """Is this object (its payload; None for an object the shop deleted or could not
        send) this run's? Orders by customer; deletions of orders: partition 0."""
        if not self.partitioned or not transactions.commits_alone(resource):
            return True
        if payload is None:
            return self.index == 0
        return self.index == partition_of(payload.get('contact_id'), self.count)

    def mine(self, resource, payloads):
        """The payloads of this list that this run imports."""
        return [payload for payload in payloads if self.owns(resource, payload)]


def part_of(cursors, uid, backend_id, index, context=None):
    """The Part a run of this backend does (``index`` None: the shop's run)."""
    with cursors.session() as (cr, pool):
        backend = pool.get('satchmo.backend').browse(cr, uid, backend_id, context=context)
        return Part(index, backend.partitions or 1)


def read_position(cr, pool, uid, backend, part, context=None):
    """Where this run reads the feed from (0: it lists everything)."""
    if not part.partitioned:
        return backend.cursor or 0
    if part.index is None:
        return backend.dependencies_cursor or 0
    return pool.get('satchmo.partition').cursor_of(cr, uid, backend.id, part.index,
                                                   context=context)


def store_position(cr, pool, uid, backend_id, part, cursor, context=None):
    """Commit this run's feed position with the work it covers (the caller's transaction).

    A partition writes its own row only; the shop's run writes the backend:
    its dependencies cursor, and the shop-wide cursor as far as every
    partition has committed (read in this transaction: a partition that
    committed since is taken up by the next batch).
    """
    backends = pool.get('satchmo.backend')
    if not part.partitioned:
        return backends.write(cr, uid, [backend_id], {'cursor': cursor}, context=context)
    cursors = pool.get('satchmo.partition')
    if part.index is not None:
        return cursors.store_cursor(cr, uid, backend_id, part.index, cursor, context=context)
    behind = cursors.cursors_of(cr, uid, backend_id, part.count, context=context)
    return backends.write(cr, uid, [backend_id], {
        'dependencies_cursor': cursor, 'cursor': shop_cursor(cursor, behind)}, context=context)


def waiting(backend, part):
    """Why a partition's run imports nothing yet (None: it goes on).

    A partition never starts before the shop's first sync has listed the
    catalogue and the customers: that run passes the setup checklist (a
    partition does not run it), and the first sync's dependencies are
    imported once, in large batches, rather than one by one on demand.
    """
    if part.index is None or backend.dependencies_cursor:
        return None
    return (u"Nothing imported: the shop's first synchronization has not imported the "
            u"catalogue and the customers yet; this partition starts after it.")
