# -*- coding: utf-8 -*-
"""A dry run of the next sync: what it would do, and nothing of it left behind.

    run_preview
      in a transaction of its own, holding the shop's lock (no run meanwhile):
        read the feed from the stored cursor (one page), or, for a first run,
        list the first LISTED_PER_RESOURCE objects of every resource
        import them as a run would (PreviewEnv: outcomes noted in memory, the
        order workflow switched off)
      roll that transaction back: no record, mapping row, cursor or
        invoice/voucher number of it remains
      then, in another transaction, store what was noted: a satchmo.preview

The stored preview is written from the findings kept in Python, never read
back from the rolled-back transaction, so nothing of the import can leak
into it. What a rollback cannot undo: PostgreSQL sequences behind record ids
(``nextval`` is not transactional), so ids of later records skip some
numbers. No sequence number a person sees is taken: orders are named after
the shop's numbers, and invoices, vouchers and their journal entries, which
take numbers from the journals' sequences, are never created or validated.
"""
import logging
import time
from collections import OrderedDict

from . import resources
from .binder import Binder
from .client import CursorPruned, ShopError
from .cursors import DatabaseCursors, is_shared
from .lock import try_lock
from .preview_env import PreviewEnv

_logger = logging.getLogger(__name__)

# How much one preview reads: one feed page, or the first objects of each resource.
FEED_CHANGES = 500
LISTED_PER_RESOURCE = 100


class Busy(Exception):
    """A run of this shop holds its lock: a preview now would only wait for it."""


def run_preview(dbname, uid, backend_id, client_factory, context=None, cursors=None):
    """Preview the next sync of one shop; returns the id of the stored satchmo.preview."""
    cursors = cursors or DatabaseCursors(dbname)
    started = time.time()
    cr = cursors.cursor()
    cr.execute('SAVEPOINT satchmo_preview')  # what a shared (test) cursor returns to
    try:
        if not try_lock(cr, backend_id):
            raise Busy(u'A synchronization of this shop is running: preview it once it '
                       u'has finished.')
        try:
            summary = _dry_run(cr, uid, cursors.pool(), backend_id, client_factory, context)
        except ShopError as error:
            summary = {'state': 'failed', 'reason': u'%s' % error, 'findings': None}
        except Exception as error:
            _logger.exception("satchmo: preview of backend %s crashed", backend_id)
            summary = {'state': 'failed', 'findings': None,
                       'reason': u'Unexpected error (see the server log): %s: %s'
                                 % (type(error).__name__, error)}
    finally:
        _roll_back(cr, cursors)
    summary['seconds'] = round(time.time() - started, 1)
    with cursors.session() as (cr, pool):
        preview_id = pool.get('satchmo.preview').store(cr, uid, backend_id, summary,
                                                       context=context)
    _logger.info("satchmo: preview %s of backend %s: %s in %.1fs", preview_id, backend_id,
                 summary['state'], summary['seconds'])
    return preview_id


def _roll_back(cr, cursors):
    """Undo everything the dry run did (a shared test cursor: back to its savepoint)."""
    if is_shared(cursors, cr):
        cr.execute('ROLLBACK TO SAVEPOINT satchmo_preview')
        return
    cr.rollback()
    cr.close()


def _dry_run(cr, uid, pool, backend_id, client_factory, context):
    backends = pool.get('satchmo.backend')
    backend = backends.browse(cr, uid, backend_id, context=context)
    from openerp import SUPERUSER_ID  # the token is manager-only; people preview as themselves
    client = client_factory(backends.browse(cr, SUPERUSER_ID, backend_id, context=context))
    binder = Binder(cr, uid, pool, backend_id, retry_limit=backend.retry_limit or 5,
                    context=context)
    env = PreviewEnv(cr, uid, pool, backend, client, binder, context)
    position = backend.cursor or 0
    summary = {'state': 'done', 'position': position, 'findings': env.findings}
    if position:
        try:
            summary.update(_preview_feed(env, client, position))
            return summary
        except CursorPruned as error:
            summary['reason'] = (u'The shop pruned its change feed past our cursor %d '
                                 u'(horizon %s): the next run lists everything, as this '
                                 u'preview did.' % (position, error.horizon))
    summary['mode'] = 'full'
    summary['more'] = _preview_listing(env, client)
    return summary


def _preview_feed(env, client, position):
    """One page of the feed, the latest operation per object, resources in dependency
    order, each imported as the run imports it (pipeline.Sync.import_ids), but all in
    the preview's one transaction (a run commits orders one by one)."""
    from .pipeline import Sync
    page = client.changes(position, limit=FEED_CHANGES)
    latest = OrderedDict()
    for change in page['results']:
        latest[(change['resource'], change['id'])] = change['operation']
    sync = Sync(None, env.uid, env.backend.id, None, env.context)
    for resource in resources.in_order(set(r for r, _ in latest)):
        ids = [i for (r, i), op in latest.items() if r == resource and op != 'delete']
        deletes = [i for (r, i), op in latest.items() if r == resource and op == 'delete']
        sync.import_ids(env, resource, ids, deletes)
    more = page.get('remaining')
    if more is None and page.get('has_more'):
        more = -1  # the shop does not say how many
    return {'mode': 'feed', 'changes': len(page['results']), 'more': more or 0}



def _preview_listing(env, client):
    """The first objects of every resource; deletes only where the listing was complete."""
    totals = client.totals(resources.in_order())
    more, unknown = 0, False
    for resource in resources.in_order():
        objects, complete = [], False
        for page in client.list_all(resource, limit=LISTED_PER_RESOURCE):
            objects.extend(page)
            if len(objects) >= LISTED_PER_RESOURCE:
                break
        else:
            complete = True
        for payload in objects[:LISTED_PER_RESOURCE]:
            env.import_one(resource, payload)
        if complete:
            listed = set(str(payload['id']) for payload in objects)
            for shop_id in env.binder.bound_ids(resource):
                if shop_id not in listed:
                    env.delete_one(resource, shop_id)
        elif totals.get(resource):
            more += max(totals[resource] - LISTED_PER_RESOURCE, 0)
        else:
            unknown = True
    return -1 if unknown else more

