# -*- coding: utf-8 -*-
"""A partitioned order's numbering: its own short transaction, one worker at a time.

Why. Validating an invoice and posting a voucher take their journal's no-gap
sequence row (ir.sequence ``no_gap``: ``SELECT ... FOR UPDATE NOWAIT``, then
``UPDATE``). When partitions (partitions.py) import orders at once, every
order transaction numbers in the same sales and bank journals; two that
overlap collide on those rows ("could not serialize access due to concurrent
update", "could not obtain lock") and the later one was redone from the
start: with two partitions the run was slower than one (README, bench).

What. A partitioned run splits an order in two transactions:

1. the parallel part - build, confirm, draft invoice, tax correction -
   commits in the partition's transaction as before; the order importer stops
   before the first step that takes a number (``postpone``) and its mapping
   row is left ``dirty``, not ``synced``;
2. the numbering part - validate, pay, reconcile: the same import again (every
   step looks at what exists first, workflow.py, so it goes straight to the
   validation) in a fresh transaction that begins only after this process
   holds the journals' lock (``journals_locked``); it binds the row ``synced``.

Why the lock comes first, in a transaction of its own. OpenERP's cursors are
REPEATABLE READ: a transaction's snapshot is taken at its first statement.
Had the numbering transaction taken the lock itself, its snapshot would
predate the commit of the worker it waited for, and updating the sequence row
that worker had just updated would still fail on serialization. So the lock
is a session-level ``pg_advisory_lock``, taken on a connection of its own and
committed before the numbering transaction's first statement; it is released
right after that transaction committed or rolled back (``finally``), and a
killed process releases it with its connection. The keys are the ids of the
journals the order numbers in (sales, then each payment journal), taken in
ascending order so that two workers never wait for each other crosswise.

Crash-safety. A worker killed between the two transactions leaves a draft
invoice and a ``dirty`` row: the feed page is read again (its cursor is
committed after the numbering) and ``dirty`` rows are retried by every run,
so the next run resumes at the validation - the path an order already takes
when a server died between its invoice and its payment. Nothing says synced
before the numbering committed.

Who does not take the lock. An accountant validating an invoice by hand in
the same journal meanwhile: that collision is still covered by the retry of
transient errors (transactions.py), now of the short numbering transaction.
With one partition nothing of this is used: an order stays one transaction.
"""
import time
from contextlib import contextmanager

from . import payment
from .cursors import is_shared

# The first key of the two-key advisory lock: "a journal whose sequence a worker numbers in"
# (lock.py's LOCK_NAMESPACE and the partitions' ones after it, dependency_lock.py's before).
JOURNAL_NAMESPACE = 0x5A70


def journals_of(env, invoice, payload):
    """The ids of the journals an order's numbering takes a number in, in locking order."""
    journals = set([invoice.journal_id.id])
    backends = env.pool.get('satchmo.backend')
    for one in payment.completed(payload):
        journal = backends.payment_journal_for(env.cr, env.uid, env.backend, one.get('payment'))
        if journal:
            journals.add(journal.id)
    return sorted(journals)


def takes_a_number(env, invoice, payload):
    """Would the order's next steps take a journal's number (validate, or post a payment)?"""
    backend = env.backend
    if invoice.state == 'draft':
        return bool(backend.validate_invoices)
    return (invoice.state == 'open' and bool(backend.register_payments)
            and bool(payment.completed(payload)))


def postpone(env, invoice, payload):
    """In a run that numbers apart (``env.numbering`` a list): note this order's numbering
    for after the commit, and say so (True) - the importer then stops before it."""
    if env.numbering is None or not takes_a_number(env, invoice, payload):
        return False
    env.numbering.append(journals_of(env, invoice, payload))
    return True


@contextmanager
def journals_locked(cursors, journal_ids):
    """Hold the journals' advisory lock, committed, for the block; yields the seconds waited.

    The tests' shared cursor (cursors.SharedCursors) takes the same lock on
    that cursor and commits nothing.
    """
    cr = cursors.cursor()
    shared = is_shared(cursors, cr)
    keys = [(JOURNAL_NAMESPACE, journal_id) for journal_id in sorted(set(map(int, journal_ids)))]
    taken = []
    started = time.time()
    try:
        for key in keys:
            cr.execute('SELECT pg_advisory_lock(%s, %s)', key)
            taken.append(key)
        if not shared:
            cr.commit()  # the lock is the session's: the numbering transaction starts after it
        yield time.time() - started
    finally:
        try:
            if not shared:
                cr.rollback()  # a lock wait interrupted left the transaction aborted
            for key in reversed(taken):
                cr.execute('SELECT pg_advisory_unlock(%s, %s)', key)
            if not shared:
                cr.commit()
        finally:
            if not shared:
                cr.close()


def import_order(sync, resource, payload, force=False):
    """One order of a run (pipeline.Sync): one transaction, or (a partitioned run) the
    parallel part, then the numbering under the journals' lock."""
    what = '%s %s' % (resource, payload['id'])
    if not sync.part.partitioned:
        return sync.alone(lambda env: env.import_one(resource, payload, force=force), what,
                          step=resource + '.transaction')
    first = {}

    def parallel_part(env):
        env.numbering = []
        first['outcome'] = env.import_one(resource, payload, force=force)
        first['journals'] = env.numbering

    sync.alone(parallel_part, what, step=resource + '.transaction')
    if first['outcome'] not in ('created', 'updated') or not first['journals']:
        return
    with journals_locked(sync.cursors, first['journals'][0]) as waited:
        sync.counts.add_step(resource + '.journal_lock', waited)
        sync.alone(lambda env: number(env, resource, payload, first['outcome']),
                   what + ' (numbering)', step=resource + '.numbering')


def number(env, resource, payload, first_outcome):
    """The numbering transaction: the order's import again, from where it stopped.

    The order was counted by its first transaction: this one's outcome
    replaces it only when it failed.
    """
    outcome = env.import_one(resource, payload, force=True)
    if outcome == 'failed':
        env.counts.add(resource, first_outcome, -1)
    elif outcome in ('created', 'updated', 'unchanged'):
        env.counts.add(resource, outcome, -1)
    return outcome
