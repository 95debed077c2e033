# -*- coding: utf-8 -*-
"""One shop object in: savepoint, map, bind, apply, release - or fail alone.

``Importer`` is the base of the per-resource classes (country.py,
category.py, product.py, partner.py): it maps with the resource's declarative
field map and creates or updates one OpenERP record. ``Env`` is what a run
carries around (cursor, user, backend, client, binder, counts) and runs the
per-record steps, including the on-demand import of a missing dependency.
"""
import hashlib
import json
import logging
import time
from contextlib import contextmanager

from openerp.osv import orm

from .client import ShopError
from .mapper import MappingError, apply_map
from . import dependency_lock, isolation, resources, transactions
from .transactions import Transient, is_transient, reraise_transient

_logger = logging.getLogger(__name__)

# Creates skip the chatter's "created" message and follower subscription: a
# partner costs ~15% less (see docs), and nobody reads thousands of those.
# They also skip writing company defaults back into property fields, which
# stores nothing (models/property_defaults.py).
CREATE_CONTEXT = {'mail_create_nolog': True, 'mail_create_nosubscribe': True,
                  'tracking_disable': True, 'satchmo_skip_property_defaults': True}

OUTCOMES = ('created', 'updated', 'unchanged', 'failed', 'skipped')


def digest_of(payload):
    """A stable hash of a payload: equal payloads (any key order) give equal digests."""
    text = json.dumps(payload, sort_keys=True, separators=(',', ':'))
    return hashlib.sha1(text.encode('utf-8') if isinstance(text, unicode) else text).hexdigest()


def describe(error):
    """A failure reason for people: the message, not a traceback, never a payload dump."""
    if isinstance(error, (orm.except_orm,)):
        return u'%s: %s' % (error.name, error.value)
    if isinstance(error, MappingError):
        return u'%s' % error
    if is_transient(error):
        error = getattr(error, 'error', error)
        return (u'%s: %s (the database stayed busy on every attempt: someone else held '
                u'what this import needed; it is retried later)'
                % (type(error).__name__, (u'%s' % error).strip()))
    return u'%s: %s' % (type(error).__name__, error)


class Counts(object):
    """created/updated/unchanged/failed/skipped per resource, for the run record.

    It also keeps where the time went (``seconds`` per resource, ``steps``:
    named parts of a record's import such as an order's confirmation, as
    [seconds, calls]), so that a run tells which resource or workflow step
    dominates without a profiler: the benchmark reads them from the run.
    """

    def __init__(self):
        self.by_resource = {}
        self.new_failures = 0
        self.seconds = {}
        self.steps = {}
        self.skipped_why = {}  # (resource, reason): how many, for the run's note

    def add(self, resource, outcome, n=1):
        row = self.by_resource.setdefault(resource, dict.fromkeys(OUTCOMES, 0))
        row[outcome] += n

    def skip(self, resource, reason):
        self.add(resource, 'skipped')
        key = (resource, reason)
        self.skipped_why[key] = self.skipped_why.get(key, 0) + 1

    def skip_note(self):
        """Why objects were left out on purpose, in words (None if none was)."""
        if not self.skipped_why:
            return None
        return u'Skipped: ' + u'; '.join(u'%d %s: %s' % (n, resource, reason) for (
            resource, reason), n in sorted(self.skipped_why.items())) + u'.'

    def merge(self, other):
        for resource, row in other.by_resource.items():
            for outcome, n in row.items():
                self.by_resource.setdefault(resource, dict.fromkeys(OUTCOMES, 0))[outcome] += n
        self.new_failures += other.new_failures
        for resource, seconds in other.seconds.items():
            self.seconds[resource] = self.seconds.get(resource, 0.0) + seconds
        for key, n in other.skipped_why.items():
            self.skipped_why[key] = self.skipped_why.get(key, 0) + n
        for step, (seconds, calls) in other.steps.items():
            row = self.steps.setdefault(step, [0.0, 0])
            row[0] += seconds
            row[1] += calls

    def add_step(self, step, seconds):
        row = self.steps.setdefault(step, [0.0, 0])
        row[0] += seconds
        row[1] += 1

    def timings(self):
        """What the run record keeps of the time spent (JSON-friendly)."""
        return {'resources': dict((r, round(s, 3)) for r, s in self.seconds.items()),
                'steps': dict((k, {'seconds': round(v[0], 3), 'calls': v[1]})
                              for k, v in self.steps.items())}


class Importer(object):
    """How one resource's objects become OpenERP records; subclasses say the specifics."""

    resource = None   # the shop API resource name
    model = None      # the OpenERP model its objects become
    order = 100       # dependency order of the run (lower first)
    # True for resources whose import takes a journal's number sequence: each object is
    # then imported and committed in a transaction of its own (transactions.py)
    commits_alone = False

    def __init__(self, env):
        self.env = env
        self.cr, self.uid, self.pool = env.cr, env.uid, env.pool

    def skip_reason(self, payload):
        """A reason to leave this object out on purpose (counted as skipped), or None."""
        return None

    def map(self, payload):
        return apply_map(self.env.field_map(self.resource), payload, self.env)

    def model_for(self, payload):
        return self.model

    def find_existing(self, payload, values):
        """An existing OpenERP record to adopt instead of creating a duplicate (or None)."""
        return None

    def apply(self, payload, values, res_id):
        """Write or create; returns (model, res_id, created)."""
        model_name = self.model_for(payload)
        model = self.pool.get(model_name)
        if not res_id:
            res_id = self.find_existing(payload, values)
        self.check_required(model, values, creating=not res_id)
        if res_id:
            model.write(self.cr, self.uid, [res_id], values, context=self.env.context)
            return model_name, res_id, False
        if 'company_id' in model._all_columns and 'company_id' not in values:
            values = dict(values, company_id=self.env.backend.company_id.id)  # the shop's
        res_id = model.create(self.cr, self.uid, values, context=self.env.create_context)
        return model_name, res_id, True

    def after_bind(self, payload, res_id):
        """After the row is bound (synced): an outcome that replaces created/updated, or None.

        Orders use it to put their row in exception (totals that differ)
        while keeping the draft order they built, which a failure would roll back.
        """
        return None

    def check_required(self, model, values, creating):
        """Say which required field is empty, rather than let PostgreSQL fail the query."""
        for name, value in values.items():
            column = model._all_columns.get(name)
            if column and column.column.required and value in (False, None, u''):
                if creating and name in model._defaults:
                    continue
                raise MappingError("%s (%s) is required but the shop sent it empty"
                                   % (column.column.string, name))

    def deactivate(self, model_name, res_id):
        """The shop deleted the object: archive its record (never delete business data)."""
        model = self.pool.get(model_name)
        if 'active' in model._all_columns:
            model.write(self.cr, self.uid, [res_id], {'active': False}, context=self.env.context)


class Env(object):
    """One run's working set, bound to the cursor of the batch being imported."""

    def __init__(self, cr, uid, pool, backend, client, binder, context=None):
        self.cr, self.uid, self.pool = cr, uid, pool
        self.backend = backend
        self.client = client
        self.binder = binder
        self.context = dict(context or {}, active_test=False)
        self.create_context = dict(self.context, **CREATE_CONTEXT)
        self.counts = Counts()
        self._importers = {}
        self._field_maps = {}
        self._in_progress = set()
        self._savepoints = 0
        self._nested = []  # time of dependencies imported inside the current record
        # transactions.py: a transient database error raises Transient (True) or fails the
        # row (False: the last attempt); records set aside for a retry alone (a batch's)
        self.retry_transient = False
        self.deferred = None
        self.lock_dependencies = False  # a partitioned shop's run: dependency_lock.py
        # numbering.py: in an order's parallel part, the journals of the numbering it
        # postponed (None: an order is numbered in its own transaction)
        self.numbering = None

    @contextmanager
    def step(self, name):
        """Count the time of one named part of a record's import (e.g. 'orders.confirm')."""
        started = time.time()
        try:
            yield
        finally:
            self.counts.add_step(name, time.time() - started)

    def importer(self, resource):
        if resource not in self._importers:
            self._importers[resource] = resources.importer_class(resource)(self)
        return self._importers[resource]

    def field_map(self, resource):
        if resource not in self._field_maps:
            self._field_maps[resource] = self.pool.get('satchmo.field.map').get(
                self.cr, self.uid, resource, context=self.context)
        return self._field_maps[resource]

    # -- the per-record steps ----------------------------------------------------------------
    def import_one(self, resource, payload, force=False):
        """Import one payload in its own savepoint; returns the outcome (see OUTCOMES).

        Its time counts for ``resource``, less that of dependencies it
        imported on demand (those count for their own resource).
        """
        started = time.time()
        self._nested.append(0.0)
        try:
            return self._import_one(resource, payload, force)
        except Transient:
            if len(self._nested) > 1 or self.deferred is None:
                raise  # a dependency's: its dependent is retried; alone: the session is
            self.deferred.append(lambda env: env.import_one(resource, payload, force=force))
            return 'deferred'
        finally:
            elapsed = time.time() - started
            nested = self._nested.pop()
            self.counts.seconds[resource] = (self.counts.seconds.get(resource, 0.0)
                                             + elapsed - nested)
            if self._nested:
                self._nested[-1] += elapsed

    def _import_one(self, resource, payload, force):
        shop_id = payload['id']
        if self.lock_dependencies and not transactions.commits_alone(resource):
            dependency_lock.hold(self.cr, self.backend.id, resource, shop_id)
        digest = digest_of(payload)
        row = self.binder.get(resource, shop_id)
        res_id = self.binder.to_openerp(resource, shop_id) if row else None
        if (not force and row and row.state == 'synced' and row.digest == digest and res_id):
            return self._count(resource, 'unchanged')
        importer = self.importer(resource)
        reason = importer.skip_reason(payload)
        if reason:
            self.counts.skip(resource, reason)
            return 'skipped'
        key = (resource, str(shop_id))
        if key in self._in_progress:
            raise MappingError("%s %s refers to itself through its dependencies"
                               % (resource, shop_id))
        self._in_progress.add(key)
        savepoint = self._savepoint()
        try:
            values = importer.map(payload)
            model, res_id, created = importer.apply(payload, values, res_id)
            self.binder.bind(resource, shop_id, model, res_id, digest, payload)
            outcome = importer.after_bind(payload, res_id)  # may hold the row for a person
        except ShopError:
            self.cr.execute('ROLLBACK TO SAVEPOINT %s' % savepoint)
            raise  # the shop went away: the whole run stops, nothing is marked failed
        except Exception as error:
            self.cr.execute('ROLLBACK TO SAVEPOINT %s' % savepoint)
            reraise_transient(self, error)
            reason = describe(error)
            _logger.info("satchmo: %s %s failed: %s", resource, shop_id, reason)
            if self.binder.fail(resource, shop_id, reason, payload):
                self.counts.new_failures += 1
            return self._count(resource, 'failed')
        finally:
            self._in_progress.discard(key)
        self.cr.execute('RELEASE SAVEPOINT %s' % savepoint)
        return self._count(resource, outcome or ('created' if created else 'updated'))

    def delete_one(self, resource, shop_id):
        """The shop deleted an object: archive its record, keep the row (history)."""
        row = self.binder.get(resource, shop_id)
        res_id = self.binder.to_openerp(resource, shop_id) if row else None
        if not res_id:
            return self._count(resource, 'unchanged')
        if row.digest == 'deleted' and row.state == 'synced':
            return self._count(resource, 'unchanged')
        savepoint = self._savepoint()
        try:
            self.importer(resource).deactivate(row.model, res_id)
            self.binder.bind(resource, shop_id, row.model, res_id, 'deleted')
        except Exception as error:
            self.cr.execute('ROLLBACK TO SAVEPOINT %s' % savepoint)
            if is_transient(error) and self.retry_transient and self.deferred is not None:
                self.deferred.append(lambda env: env.delete_one(resource, shop_id))
                return 'deferred'
            reraise_transient(self, error)
            if self.binder.fail(resource, shop_id, describe(error)):
                self.counts.new_failures += 1
            return self._count(resource, 'failed')
        self.cr.execute('RELEASE SAVEPOINT %s' % savepoint)
        return self._count(resource, 'updated')

    def fail_one(self, resource, shop_id, reason):
        """An object that could not even be fetched fails its row alone."""
        if self.binder.fail(resource, shop_id, reason):
            self.counts.new_failures += 1
        return self._count(resource, 'failed')

    def resolve(self, resource, shop_id):
        """The OpenERP id of a shop object, importing it first if it was never seen."""
        res_id = self.binder.to_openerp(resource, shop_id)
        if res_id:
            return res_id
        found, broken = isolation.fetch_isolating(self.client, resource, [shop_id])
        if broken:  # its own row is failed by the dependent's rollback-free caller: say it here
            raise MappingError(u"it needs %s %s. %s" % (resource, shop_id, broken[str(shop_id)]))
        if not found:
            raise MappingError("%s %s is missing in the shop" % (resource, shop_id))
        if self.import_one(resource, found[0], force=True) == 'failed':
            row = self.binder.get(resource, shop_id)
            raise MappingError("it needs %s %s, which failed: %s"
                               % (resource, shop_id, row and row.error or '?'))
        return self.binder.to_openerp(resource, shop_id)

    def _count(self, resource, outcome):
        self.counts.add(resource, outcome)
        return outcome

    def _savepoint(self):
        self._savepoints += 1
        name = 'satchmo_record_%d' % self._savepoints
        self.cr.execute('SAVEPOINT %s' % name)
        return name
