# -*- coding: utf-8 -*-
"""Which work shares a transaction, and what a transient database error does.

Why orders get a transaction each. Validating an invoice and posting a
voucher take their journal's no-gap number sequence (ir.sequence ``no_gap``:
``SELECT ... FOR UPDATE NOWAIT`` on its row) and hold it until the
transaction ends. In a batch of 500 changes that was minutes: an accountant
validating an invoice of the same journal meanwhile got "could not obtain
lock", and once one had posted, the rest of the batch failed on
serialization (OpenERP's cursors are REPEATABLE READ: a row changed by a
transaction that committed after ours began cannot be updated by ours).
So a resource whose importer says ``commits_alone`` (orders: build, confirm,
invoice, validate, pay) is imported one object per transaction, committed
as soon as it is done: the sequence is held from the validation to that
commit only, a fraction of a second. The catalogue and the customers take
no sequence and keep their large batches (a commit each is what would cost).

We chose one transaction per order over "drafts in the batch, a marker, a
second phase that posts" because an order then stays one unit of work: a
server killed between its creation and its invoice's validation rolls back
both, and no marker or second phase can be left behind half done. A
partitioned shop is the exception (numbering.py): there orders of several
workers overlap, so each order's numbering gets a second short transaction,
one worker at a time, and its mapping row is the marker (``dirty`` until the
numbering committed).

Why nothing is lost or doubled. A feed page is applied in dependency order:
the batched resources in one transaction, then each ``commits_alone`` object
in its own, and the advanced cursor is committed last, after every part of
the page. A server killed in between has committed some parts without the
cursor: the next run reads the page again, and what was committed is found
unchanged (same mapping row, same digest) - importing a change twice is
harmless, as the pipeline relies on anyway. A killed order transaction left
nothing: no order, no invoice, no number taken (the sequence's row update
rolls back with it, so the journal has no gap).

Transient errors. A serialization failure, a deadlock or a lock not obtained
(``NOWAIT``) says nothing about the record: the same import succeeds a
moment later. Such an error is raised as ``Transient`` out of the record's
savepoint instead of failing its row. A record imported alone is retried in
a fresh transaction (a savepoint would keep the old snapshot and fail again)
after a short backoff, up to ``ATTEMPTS`` times; the last attempt handles the
error as any other, so the row fails with the reason and the run goes on. A
record of a batch is set aside when it meets one (its savepoint rolled back,
the batch goes on) and retried alone after the batch committed. Other errors
are never retried here: they fail their row at once, as before.
"""
import logging
import time

from psycopg2 import Error as DatabaseError
from psycopg2 import errorcodes

from . import resources

_logger = logging.getLogger(__name__)

# The PostgreSQL errors that a later attempt of the same work can escape (OpenERP's RPC
# layer retries these three too, openerp/osv/osv.py).
TRANSIENT_CODES = (errorcodes.LOCK_NOT_AVAILABLE, errorcodes.SERIALIZATION_FAILURE,
                   errorcodes.DEADLOCK_DETECTED)
# How many times a record is tried in a fresh transaction, and the wait before each retry:
# an accountant's validation holds the sequence for well under a second.
ATTEMPTS = 5
UNIQUE_VIOLATION = errorcodes.UNIQUE_VIOLATION
BINDING_UNIQUE = 'satchmo_binding_shop_object_unique'  # models/binding.py's constraint
BACKOFF_SECONDS = (0.2, 0.5, 1.0, 2.0)


class Transient(Exception):
    """A record met a transient database error: try it again in a fresh transaction."""

    def __init__(self, error):
        super(Transient, self).__init__(u'%s' % error)
        self.error = error


def is_transient(error):
    """Is this error one that trying again in a fresh transaction can escape?

    A unique violation of the mapping table's (backend, resource, shop id) is
    one: another transaction bound the same shop object since ours began
    (partitions importing one dependency at once, dependency_lock.py); a
    fresh transaction finds that row and uses it.
    """
    if isinstance(error, Transient):
        return True
    if (isinstance(error, DatabaseError) and getattr(error, 'pgcode', None) == UNIQUE_VIOLATION
            and BINDING_UNIQUE in (u'%s' % error)):
        return True
    return isinstance(error, DatabaseError) and getattr(error, 'pgcode', None) in TRANSIENT_CODES


def reraise_transient(env, error):
    """Inside a record's ``except``: hand a transient error to the retry, unless this is
    the record's last attempt (``env.retry_transient`` false), where it fails as any error."""
    if getattr(env, 'retry_transient', False) and is_transient(error):
        raise error if isinstance(error, Transient) else Transient(error)


def commits_alone(resource):
    """Does this resource take a journal's sequence, so that each object commits alone?"""
    return getattr(resources.importer_class(resource), 'commits_alone', False)


def sleep(seconds):
    """The backoff's wait (a function of its own, so that a test can see it or skip it)."""
    time.sleep(seconds)


def retrying(attempt, what, attempts=ATTEMPTS):
    """``attempt(retry_transient)`` until it does not meet a transient error; its result.

    Each call must run in a fresh transaction. The last one is called with
    ``retry_transient=False``: a record then fails with its reason instead of
    raising; a transient error raised outside any record still propagates.
    """
    for number in range(attempts):
        last = number == attempts - 1
        try:
            return attempt(not last)
        except Exception as error:
            if last or not is_transient(error):
                raise
            wait = BACKOFF_SECONDS[min(number, len(BACKOFF_SECONDS) - 1)]
            _logger.info("satchmo: %s met a transient database error (%s); attempt %d of %d "
                         "in %.1f s", what, u'%s' % error, number + 2, attempts, wait)
            sleep(wait)
