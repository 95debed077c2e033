# -*- coding: utf-8 -*-
"""The "partitions" setting of a shop, and the scheduled actions that run them.

With partitions = N > 1 the shop gets N scheduled actions of its own, one
per partition (sync/partitions.py says what each imports). OpenERP runs as
many of them at once as it has cron workers: start it with
``--workers`` and ``--max-cron-threads`` >= N + 1 (the partitions and the
main scheduled action). Changing N moves customers between partitions, so
every partition then starts again from the shop-wide cursor (re-reading a
change is harmless: unchanged objects are found unchanged).
"""
import logging

from openerp import SUPERUSER_ID
from openerp.osv import fields, orm

_logger = logging.getLogger(__name__)

PARTITION_JOB = '_cron_sync_partition'


class satchmo_backend_partitions(orm.Model):
    _inherit = 'satchmo.backend'

    _columns = {
        'partitions': fields.integer(
            'Partitions',
            help="How many OpenERP cron workers import this shop's orders at once (each "
                 "customer's orders in one of them). 1: one run imports everything. More "
                 "needs OpenERP started with --workers and --max-cron-threads of at least "
                 "partitions + 1."),
        'dependencies_cursor': fields.integer(
            'Catalogue and customers cursor', readonly=True,
            help="With partitions: the last change whose catalogue and customers are "
                 "imported; the partitions' orders never read past it."),
        'partition_ids': fields.one2many('satchmo.partition', 'backend_id', 'Partitions',
                                         readonly=True),
    }

    _defaults = {'partitions': 1, 'dependencies_cursor': 0}

    _sql_constraints = [
        ('partitions_positive', 'CHECK (partitions > 0)',
         'A shop has at least one partition.'),
    ]

    def create(self, cr, uid, values, context=None):
        backend_id = super(satchmo_backend_partitions, self).create(cr, uid, values,
                                                                    context=context)
        if values.get('partitions', 1) > 1:
            self._set_up_partitions(cr, backend_id, context=context)
        return backend_id

    def copy(self, cr, uid, id, default=None, context=None):
        """A copied shop gets partition rows and scheduled actions of its own (create)."""
        default = dict(default or {}, partition_ids=[], dependencies_cursor=0)
        return super(satchmo_backend_partitions, self).copy(cr, uid, id, default,
                                                            context=context)

    def unlink(self, cr, uid, ids, context=None):
        """A deleted shop's partitions' scheduled actions go with it."""
        ids = [ids] if isinstance(ids, (int, long)) else ids
        partitions = self.pool.get('satchmo.partition')
        rows = partitions.browse(cr, SUPERUSER_ID, partitions.search(
            cr, SUPERUSER_ID, [('backend_id', 'in', ids)], context=context), context=context)
        crons = [row.cron_id.id for row in rows if row.cron_id]
        result = super(satchmo_backend_partitions, self).unlink(cr, uid, ids, context=context)
        if crons:
            self.pool.get('ir.cron').unlink(cr, SUPERUSER_ID, crons, context=context)
        return result

    def write(self, cr, uid, ids, values, context=None):
        ids = [ids] if isinstance(ids, (int, long)) else ids
        changed = []
        if 'partitions' in values:
            changed = [row['id'] for row in self.read(cr, uid, ids, ['partitions'],
                                                      context=context)
                       if row['partitions'] != values['partitions']]
        result = super(satchmo_backend_partitions, self).write(cr, uid, ids, values,
                                                               context=context)
        for backend_id in changed:
            self._set_up_partitions(cr, backend_id, context=context)
        if any(name.startswith('cron_') for name in values):
            self._follow_main_cron(cr, context=context)
        return result

    def _cron_values(self, cr, context=None):
        """The schedule of the partitions' actions: the main action's (on/off, interval)."""
        main = self._get_cron(cr, SUPERUSER_ID, context=context)
        return {'interval_number': main.interval_number if main else 15,
                'interval_type': main.interval_type if main else 'minutes',
                'active': bool(main and main.active)}

    def _follow_main_cron(self, cr, context=None):
        """The shops' schedule was switched or changed: their partitions' actions follow."""
        partitions = self.pool.get('satchmo.partition')
        ids = partitions.search(cr, SUPERUSER_ID, [('cron_id', '!=', False)], context=context)
        crons = [row.cron_id.id for row in partitions.browse(cr, SUPERUSER_ID, ids,
                                                              context=context)]
        if crons:
            self.pool.get('ir.cron').write(cr, SUPERUSER_ID, crons,
                                           self._cron_values(cr, context=context),
                                           context=context)

    def _set_up_partitions(self, cr, backend_id, context=None):
        """One partition row and one scheduled action per partition, every cursor at the
        shop-wide one; those beyond the new count are removed."""
        backend = self.browse(cr, SUPERUSER_ID, backend_id, context=context)
        partitions = self.pool.get('satchmo.partition')
        crons = self.pool.get('ir.cron')
        count = backend.partitions if backend.partitions > 1 else 0
        for row in backend.partition_ids:
            if row.index >= count:
                if row.cron_id:
                    crons.unlink(cr, SUPERUSER_ID, [row.cron_id.id], context=context)
                partitions.unlink(cr, SUPERUSER_ID, [row.id], context=context)
        existing = dict((row.index, row) for row in backend.partition_ids if row.index < count)
        schedule = self._cron_values(cr, context=context)
        for index in range(count):
            cron_values = dict(
                schedule, name=u'Satchmo: %s, partition %d of %d' % (backend.name, index + 1,
                                                                     count),
                user_id=SUPERUSER_ID, model=self._name, function=PARTITION_JOB,
                args=repr((int(backend_id), index)), numbercall=-1, doall=False)
            row = existing.get(index)
            if row and row.cron_id:
                crons.write(cr, SUPERUSER_ID, [row.cron_id.id], cron_values, context=context)
                cron_id = row.cron_id.id
            else:
                cron_id = crons.create(cr, SUPERUSER_ID, cron_values, context=context)
            values = {'cursor': backend.cursor or 0, 'cron_id': cron_id}
            if row:
                partitions.write(cr, SUPERUSER_ID, [row.id], values, context=context)
            else:
                partitions.create(cr, SUPERUSER_ID, dict(values, backend_id=backend_id,
                                                         index=index), context=context)
        super(satchmo_backend_partitions, self).write(
            cr, SUPERUSER_ID, [backend_id], {'dependencies_cursor': backend.cursor or 0},
            context=context)

    def _run_partition(self, cr, uid, backend_id, index, context=None):
        """The one place that runs a partition (and that tests replace)."""
        from openerp.addons.openerp_addon.sync.pipeline import run_sync
        return run_sync(cr, uid, backend_id, context=context, partition=index)

    def action_sync_partition(self, cr, uid, ids, index, context=None):
        """Import partition ``index``'s orders now, as its scheduled action does; show the run."""
        run_id = self._run_partition(cr, uid, ids[0], index, context=context)
        return self._open_run(cr, uid, run_id, context=context)

    def _cron_sync_partition(self, cr, uid, backend_id, index, context=None):
        """A partition's scheduled action: its customers' orders, if the shop still has it."""
        backend = self.browse(cr, SUPERUSER_ID, backend_id, context=context)
        if not backend.exists() or not backend.active or index >= backend.partitions:
            return True
        try:
            self._run_partition(cr, uid, backend_id, index, context=context)
        except Exception:
            _logger.exception('Satchmo sync of backend %s, partition %s failed',
                              backend_id, index + 1)
            cr.rollback()
        return True
