# -*- coding: utf-8 -*-
"""The whole sync run, top to bottom.

    run_sync
      open the run record
      take the shop's lock (or record "yielded" and stop)
      incremental: read the change feed from the backend's cursor, page by page
      full (or first run, or cursor pruned): store head, list every resource
        per batch (a feed page, or a listing page):
          per resource in dependency order: fetch changed objects by ids
            per object: savepoint, map, bind, apply (importer.Env.import_one)
          the catalogue and customers: one transaction for the batch; orders (they take
          journal sequences): one short transaction per order (transactions.py; a
          partitioned run: two, the numbering one under the journals' lock, numbering.py)
          commit the advanced cursor once every part of the batch is committed
      retry failed rows that are due, and rows marked dirty
      (a shop with partitions: this run the catalogue and customers, partitions.py the orders)
      tell the managers about new failures; close the run record

The cursor only advances with (or after) the committed work it covers, so a
server killed mid-run resumes from the last committed batch: changes after it
are read again, and importing a change twice is harmless (same binding row,
same record, digest equal -> unchanged). A transient database error (a lock
not obtained, a serialization failure) retries its record in a fresh
transaction before it fails (transactions.py).
"""
import logging
import time
from collections import OrderedDict

from openerp import SUPERUSER_ID
from psycopg2.extensions import TransactionRollbackError
from openerp.osv import orm

from . import currency, resources
from .binder import Binder
from .client import CursorPruned, ShopClient, ShopError
from .cursors import DatabaseCursors
from .importer import Counts, Env
from .isolation import OBJECT_ERRORS, listing_reason, shop_answers
from .pages import FEED_PAGE
from .lock import backend_lock, try_lock
from .prefetch import Prefetched
from .progress import Progress, Silent
from .runlog import RunLog
from . import numbering, pages, partitions, transactions

_logger = logging.getLogger(__name__)

resources.load()


def make_client(backend):
    """The real HTTP client of a backend (tests pass a factory of fakes instead)."""
    return ShopClient(backend.url, backend.api_token or '', verify=backend.verify_tls,
                      timeout=backend.timeout or 30)


def run_sync(cr, uid, backend_id, full=False, context=None, client_factory=None,
             cursors=None, on_start=None, partition=None):
    """Synchronize one shop (or, with ``partition`` k, that partition of it: partitions.py);
    returns the id of the satchmo.sync.run that tells how it went.

    ``on_start(run_id)`` is called once the run record is committed (a
    button running the sync in the background opens it then).
    """
    cursors = cursors or DatabaseCursors(cr.dbname)
    sync = Sync(cursors, uid, backend_id, client_factory or make_client, context)
    sync.part = partitions.part_of(cursors, uid, backend_id, partition, context)
    log = RunLog(cursors, uid, backend_id, full, context, partition=sync.part.run_number)
    run_id = log.start()
    sync.progress = Progress(cursors, uid, run_id, backend_id, context)
    if on_start:
        on_start(run_id)
    with backend_lock(cursors, backend_id, partition) as locked:
        if not locked:
            log.finish('yielded', 'Another run of this shop was in progress; this run '
                                  'stopped without importing anything.')
            return run_id
        log.interrupted_runs()
        try:
            blocked, forced = sync.first_sync_gate() if partition is None else (None, None)
            blocked = blocked or currency.run_gate(sync)  # every run, even a forced one
            if blocked:
                log.finish('failed', blocked, sync.counts)
                return run_id
            if forced:
                log.mark_forced(forced)
            note = sync.run(full)
        except ShopError as error:
            log.finish('failed', u'%s' % error, sync.counts)
            sync.notify(run_id)
            return run_id
        except Exception as error:
            _logger.exception("satchmo: run %s of backend %s crashed", run_id, backend_id)
            log.finish('failed', u'Unexpected error (see the server log): %s: %s'
                       % (type(error).__name__, error), sync.counts)
            sync.notify(run_id)
            return run_id
        log.finish('done', note, sync.counts)
        sync.notify(run_id)
    return run_id


def retry(cr, uid, binding_ids, context=None, client_factory=None):
    """Import exactly these mapping rows again, now, in the caller's transaction."""
    bindings = Sync.pool_of(cr).get('satchmo.binding')
    rows = bindings.browse(cr, uid, binding_ids, context=context)
    by_backend = OrderedDict()
    for row in rows:
        by_backend.setdefault(row.backend_id.id, []).append(row)
    counts = Counts()
    for backend_id, backend_rows in by_backend.items():
        if not try_lock(cr, backend_id):
            raise orm.except_orm('Synchronization running',
                                 'A synchronization of this shop is running: retry when it '
                                 'has finished.')
        sync = Sync(None, uid, backend_id, client_factory or make_client, context)
        env = sync.env(cr, sync.pool_of(cr))
        try:
            sync.reimport(env, backend_rows)
        except ShopError as error:
            raise orm.except_orm('Shop not available', u'%s' % error)
        counts.merge(env.counts)
    return counts


class Sync(object):
    """The steps of one run of one shop; ``run_sync`` above is the order they go in."""

    def __init__(self, cursors, uid, backend_id, client_factory, context=None):
        self.cursors = cursors
        self.uid = uid
        self.backend_id = backend_id
        self.client_factory = client_factory
        self.context = context or {}
        self.counts = Counts()
        self._client = None
        self._reader = None  # the prefetching thread's client (see prefetch.py)
        self.notes = []  # what the run record says besides its counts
        self.progress = Silent()  # run_sync gives a run's real progress (sync/progress.py)
        self.part = partitions.Part()  # the whole shop, unless run_sync says otherwise

    @staticmethod
    def pool_of(cr):
        from openerp import pooler
        return pooler.get_pool(cr.dbname)

    def backend(self, cr, pool):
        return pool.get('satchmo.backend').browse(cr, self.uid, self.backend_id,
                                                  context=self.context)

    def client(self, backend):
        """The shop client, made once per run (read as superuser: the token is manager-only)."""
        if self._client is None:
            backend = backend._table.browse(backend._cr, SUPERUSER_ID, backend.id,
                                            context=self.context)
            self._client = self.client_factory(backend)
            self._reader = (self.client_factory(backend)
                            if isinstance(self._client, ShopClient) else self._client)
        return self._client

    def env(self, cr, pool):
        backend = self.backend(cr, pool)
        binder = Binder(cr, self.uid, pool, self.backend_id,
                        retry_limit=backend.retry_limit or 5, context=self.context)
        env = Env(cr, self.uid, pool, backend, self.client(backend), binder, self.context)
        env.lock_dependencies = self.part.partitioned  # dependency_lock.py
        return env

    def batch(self, work, cursor=None):
        """Run ``work(env)`` in one transaction, committed with the cursor it reached.

        A record that met a transient error was set aside: it is retried alone
        once the batch committed, and the cursor then waits for it.
        """
        env = transactions.retrying(
            lambda retry: self.session(work, cursor, deferring=True), 'a batch')
        for redo in env.deferred:
            self.alone(redo, 'a record set aside')
        if env.deferred and cursor is not None:
            self.alone(lambda env: None, 'the cursor', cursor=cursor)

    def alone(self, work, what, cursor=None, step=None):
        """Run ``work(env)`` in a short transaction of its own, retried on transient errors;
        its time (commit and retries included) is counted as ``step``."""
        started = time.time()
        transactions.retrying(
            lambda retry: self.session(work, cursor, retry_transient=retry), what)
        if step:
            self.counts.add_step(step, time.time() - started)

    def session(self, work, cursor=None, deferring=False, retry_transient=True):
        """One transaction: ``work(env)``, then the cursor (unless records were set aside)."""
        with self.cursors.session() as (cr, pool):
            env = self.env(cr, pool)
            env.retry_transient = retry_transient
            env.deferred = [] if deferring else None
            work(env)
            if cursor is not None and not env.deferred:
                partitions.store_position(cr, pool, self.uid, self.backend_id, self.part,
                                          cursor, context=self.context)
        self.counts.merge(env.counts)  # only what was committed is counted
        return env

    # -- the run ---------------------------------------------------------------------------
    def first_sync_gate(self):
        """(why the first sync must not start, or None; the red lines a manager forced past).

        Before a shop's first sync the setup checklist runs (models/checklist.py):
        a red blocking line stops it unless the run was started with "force".
        """
        blockers = self._checklist_blockers()
        if not blockers:
            return None, None
        if self.context.get('satchmo_force_first_sync'):
            return None, u' '.join(blockers)
        from openerp.addons.openerp_addon.models.checklist import gate_reason
        return gate_reason(blockers), None

    def _checklist_blockers(self, attempts=3):
        """Run and store the checklist; a run yielding at the same moment writes the
        backend row too (its last run), so a serialization failure is retried in a
        fresh transaction instead of failing the run that holds the lock."""
        for attempt in range(attempts):
            try:
                with self.cursors.session() as (cr, pool):
                    backend = self.backend(cr, pool)
                    return pool.get('satchmo.backend').first_sync_blockers(
                        cr, self.uid, self.backend_id, self.client(backend),
                        context=self.context)
            except TransactionRollbackError:
                if attempt == attempts - 1:
                    raise

    def run(self, full):
        with self.cursors.session() as (cr, pool):
            position = partitions.read_position(cr, pool, self.uid, self.backend(cr, pool),
                                                self.part, context=self.context)
            waiting = partitions.waiting(self.backend(cr, pool), self.part)
            self.client(self.backend(cr, pool))
        if waiting:
            return waiting
        note = None
        if full or not position:
            self.full_resync()
        else:
            try:
                self.read_feed(position)
            except CursorPruned as error:
                note = (u'The shop pruned its change feed past our cursor %d (horizon %s): '
                        u'this run listed everything instead.' % (position, error.horizon))
                self.full_resync()
        self.retry_due()
        return u'\n'.join(([note] if note else []) + self.notes) or None

    def read_feed(self, position):
        """Import the feed page by page; the next page is read while one is imported."""
        for page in Prefetched(self.feed_pages(position)):
            self.progress.feed_page(page)
            self.apply_page(page['results'], page['last_seq'])
            self.progress.committed(self.counts, len(page['results']))

    def feed_pages(self, position):
        return pages.feed_pages(self._reader, position, FEED_PAGE)

    def apply_page(self, changes, cursor):
        """One feed page: the latest operation per object, resources in dependency order;
        batched resources in one transaction, the others object by object, then the cursor."""
        latest = OrderedDict()
        for change in changes:
            if not self.part.takes(change['resource']):
                continue
            latest[(change['resource'], change['id'])] = change['operation']
        by_resource = OrderedDict()  # resource: (ids to import, ids deleted)
        for (resource, shop_id), operation in latest.items():
            by_resource.setdefault(resource, ([], []))[operation == 'delete'].append(shop_id)
        names = resources.in_order(set(by_resource))
        if not any(transactions.commits_alone(resource) for resource in names):
            return self.batch(lambda env: [self.import_ids(env, resource, *by_resource[resource])
                                           for resource in names], cursor=cursor)
        for resource in names:
            self.import_resource(resource, *by_resource[resource])
        self.alone(lambda env: None, 'the cursor', cursor=cursor)

    def import_resource(self, resource, ids, deletes=(), force=False):
        """These objects in one batch, or (orders) each in a transaction of its own."""
        if transactions.commits_alone(resource):
            return self.import_alone(resource, ids, deletes, force)
        self.batch(lambda env: self.import_ids(env, resource, ids, deletes, force))

    def import_ids(self, env, resource, ids, deletes=(), force=False):
        """Fetch objects by ids in pages and import them; an id the shop lacks was deleted."""
        for found, broken, gone in pages.fetched(env.client, resource, ids,
                                                env.backend.page_size or 100):
            for payload in self.part.mine(resource, found):
                env.import_one(resource, payload, force=force)
            self.not_found(env, resource, broken, gone)
        self.not_found(env, resource, {}, deletes)

    def not_found(self, env, resource, broken, gone):
        if not self.part.owns(resource, None):
            return
        for shop_id, reason in sorted(broken.items()):
            env.fail_one(resource, shop_id, reason)
        for shop_id in gone:
            env.delete_one(resource, shop_id)

    def import_alone(self, resource, ids, deletes=(), force=False):
        """import_ids, each object in a transaction of its own (transactions.py)."""
        for found, broken, gone in pages.fetched(self._client, resource, ids, self.page_size()):
            for payload in self.part.mine(resource, found):
                numbering.import_order(self, resource, payload, force=force)
            if broken or gone:
                self.batch(lambda env: self.not_found(env, resource, broken, gone))
        if deletes:
            self.batch(lambda env: self.not_found(env, resource, {}, deletes))

    def full_resync(self):
        """List every resource and import what differs; store the head read first."""
        head = self._client.head()
        self.progress.listing(self._client.totals(filter(self.part.takes, resources.in_order())))
        complete = True
        for resource in filter(self.part.takes, resources.in_order()):
            listed = set()
            listing = self._reader.list_all(resource, limit=self.page_size())
            try:
                for page in Prefetched(listing):  # the next page is read while one is imported
                    self.import_listed(resource, page)
                    self.progress.committed(self.counts, len(page))
                    listed.update(str(payload['id']) for payload in page)
            except OBJECT_ERRORS as error:
                if not shop_answers(self._client):
                    raise
                complete = False
                self.notes.append(listing_reason(resource, error))
                self.counts.add(resource, 'failed')
                self.counts.new_failures += 1
                continue
            self.batch(lambda env: self.archive_unlisted(env, resource, listed))
        if complete:
            self.batch(lambda env: None, cursor=head)

    def import_listed(self, resource, page):
        if not transactions.commits_alone(resource):
            return self.batch(lambda env: [env.import_one(resource, p) for p in page])
        for payload in self.part.mine(resource, page):
            numbering.import_order(self, resource, payload)

    def archive_unlisted(self, env, resource, listed):
        if not self.part.owns(resource, None):
            return
        for shop_id in env.binder.bound_ids(resource):
            if shop_id not in listed:
                env.delete_one(resource, shop_id)

    def retry_due(self):
        """The failed rows that are due, and those marked dirty, imported again."""
        with self.cursors.session() as (cr, pool):
            env = self.env(cr, pool)
            due = pages.ids_to_fetch(env.binder.model.browse(
                cr, self.uid, env.binder.due_for_retry(), context=self.context))
        for resource in filter(self.part.takes, resources.in_order(set(due))):
            self.import_resource(resource, due[resource], force=True)

    def reimport(self, env, rows):
        """Fetch these rows' objects again and import them, even if their payload is unchanged."""
        by_resource = pages.ids_to_fetch(rows)
        for resource in resources.in_order(set(by_resource)):
            self.import_ids(env, resource, by_resource[resource], (), force=True)

    def page_size(self):
        with self.cursors.session() as (cr, pool):
            return self.backend(cr, pool).page_size or 100

    def notify(self, run_id):
        """One message on the backend when this run produced new failures."""
        if not self.counts.new_failures:
            return
        failed = dict((resource, row['failed'])
                      for resource, row in self.counts.by_resource.items() if row['failed'])
        try:
            with self.cursors.session() as (cr, pool):
                backends = pool.get('satchmo.backend')
                if hasattr(backends, 'notify_failures'):
                    backends.notify_failures(cr, self.uid, self.backend_id, run_id,
                                             failed or self.counts.new_failures,
                                             context=self.context)
        except Exception:
            _logger.exception("satchmo: could not post the failures of run %s", run_id)
