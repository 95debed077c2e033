# -*- coding: utf-8 -*-
"""Satchmo > Reconciliation: does OpenERP hold exactly what the shop sold and was paid?

A reconciliation is one comparison of one shop, kept as a record: per month
the shop's and OpenERP's figures side by side (reconciliation_month.py),
and below every order or object that differs, with its kind and the way
to repair it (reconciliation_line.py). It never changes anything; repairs
are the lines' *Import again*. The comparison itself is sync/reconcile.py.

Runs from the shop form (**Reconcile**) and from a nightly scheduled action
shipped switched off (data/reconciliation_cron.xml). A run that finds
differences posts one message to the shop's connector managers, as a sync
run with failures does.
"""
import logging
import time

from openerp import SUPERUSER_ID
from openerp.osv import fields, orm
from openerp.tools.translate import _

_logger = logging.getLogger(__name__)

STATES = [('running', 'Running'), ('clean', 'Clean'), ('differences', 'Differences'),
          ('failed', 'Failed')]
ACTION_XMLID = 'action_satchmo_reconciliation'


class CountingCursor(object):
    """The cursor, counting the comparison's SQL queries (the run record keeps the count)."""

    def __init__(self, cr):
        self._cr = cr
        self.queries = 0

    def execute(self, query, params=None):
        self.queries += 1
        return self._cr.execute(query, params)

    def __getattr__(self, name):
        return getattr(self._cr, name)


class satchmo_reconciliation(orm.Model):
    _name = 'satchmo.reconciliation'
    _description = 'Satchmo reconciliation'
    _order = 'id desc'

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop', required=True, readonly=True,
                                      ondelete='cascade', select=True),
        'company_id': fields.related('backend_id', 'company_id', type='many2one',
                                     relation='res.company', string='Company', store=True,
                                     readonly=True),
        'date': fields.datetime('Run at', readonly=True),
        'state': fields.selection(STATES, 'Result', readonly=True, required=True),
        'reason': fields.text('Why it failed', readonly=True),
        'order_count': fields.integer('Shop orders compared', readonly=True),
        'difference_count': fields.integer('Differences', readonly=True),
        'repairable_count': fields.integer('Repairable by Import again', readonly=True),
        'seconds': fields.float('Seconds', digits=(12, 2), readonly=True),
        'requests': fields.integer('Shop requests', readonly=True),
        'queries': fields.integer('OpenERP SQL queries', readonly=True,
                                  help="Queries of the comparison itself (a handful "
                                       "whatever the size of the shop)"),
        'month_ids': fields.one2many('satchmo.reconciliation.month', 'reconciliation_id',
                                     'Months', readonly=True),
        'line_ids': fields.one2many('satchmo.reconciliation.line', 'reconciliation_id',
                                    'Differences', readonly=True),
    }
    _defaults = {'state': 'running', 'date': fields.datetime.now}

    def name_get(self, cr, uid, ids, context=None):
        return [(run['id'], u'%s %s' % (run['backend_id'] and run['backend_id'][1] or u'',
                                        run['date'] or u''))
                for run in self.read(cr, uid, ids, ['backend_id', 'date'], context=context)]

    # -- running ------------------------------------------------------------------------
    def reconcile(self, cr, uid, backend_id, context=None, client_factory=None):
        """Compare one shop with OpenERP now; returns the id of the reconciliation record."""
        from openerp.addons.openerp_addon.sync import pipeline, reconcile, reconcile_read
        from openerp.addons.openerp_addon.sync.client import ShopError
        backend = self.pool.get('satchmo.backend').browse(cr, SUPERUSER_ID, backend_id,
                                                          context=context)
        run_id = self.create(cr, uid, {'backend_id': backend_id}, context=context)
        started = time.time()
        try:
            shop = reconcile_read.ShopSide((client_factory or pipeline.make_client)(backend))
        except ShopError as error:
            self.write(cr, uid, [run_id], {'state': 'failed', 'reason': u'%s' % error,
                                           'seconds': time.time() - started}, context=context)
            return run_id
        counting = CountingCursor(cr)
        erp_orders = reconcile_read.erp_orders(counting, backend_id)
        erp_objects = reconcile_read.erp_objects(counting, self.pool, backend_id)
        expect = reconcile.Expectations(cr, SUPERUSER_ID, self.pool, backend)
        months, differences = reconcile.compare_orders(shop.orders, erp_orders, expect)
        differences += reconcile.compare_objects(shop.ids, erp_objects)
        values = {
            'state': differences and 'differences' or 'clean',
            'order_count': len(shop.orders), 'difference_count': len(differences),
            'repairable_count': len([d for d in differences if d.repairable]),
            'requests': shop.requests, 'queries': counting.queries,
            'month_ids': [(0, 0, row) for row in reconcile.month_values(months, differences)],
            'line_ids': [(0, 0, d.values()) for d in differences],
        }
        values['seconds'] = time.time() - started
        self.write(cr, uid, [run_id], values, context=context)
        if differences:
            self.notify(cr, uid, run_id, context=context)
        _logger.info("satchmo: reconciliation %s of shop %s: %d orders, %d differences, "
                     "%.2fs, %d requests, %d queries", run_id, backend_id, len(shop.orders),
                     len(differences), values['seconds'], shop.requests, counting.queries)
        return run_id

    def run_scheduled(self, cr, uid, context=None):
        """The nightly scheduled action: reconcile every active shop, each on its own."""
        backends = self.pool.get('satchmo.backend')
        for backend_id in backends.search(cr, uid, [('active', '=', True)], context=context):
            try:
                self.reconcile(cr, uid, backend_id, context=context)
                cr.commit()
            except Exception:
                cr.rollback()
                _logger.exception("satchmo: reconciliation of shop %s failed", backend_id)
        return True

    # -- telling the managers -----------------------------------------------------------
    def url(self, cr, uid, run_id, context=None):
        base = self.pool.get('ir.config_parameter').get_param(
            cr, SUPERUSER_ID, 'web.base.url', default='')
        action = self.pool.get('ir.model.data').get_object_reference(
            cr, SUPERUSER_ID, 'openerp_addon', ACTION_XMLID)[1]
        return '%s/#id=%d&view_type=form&model=%s&action=%d' % (
            base.rstrip('/'), run_id, self._name, action)

    def notify(self, cr, uid, run_id, context=None):
        """One message on the shop with the totals per kind and a link to the record."""
        run = self.browse(cr, SUPERUSER_ID, run_id, context=context)
        kinds = {}
        for line in run.line_ids:
            kinds[line.kind] = kinds.get(line.kind, 0) + 1
        labels = dict(self.pool.get('satchmo.reconciliation.line')._columns['kind'].selection)
        body = u'<p>%s</p><ul>%s</ul><p><a href="%s">%s</a></p>' % (
            _('The reconciliation of %s found %d differences (%d repairable by Import '
              'again).') % (run.backend_id.name, run.difference_count, run.repairable_count),
            u''.join(u'<li>%s: %d</li>' % (labels.get(kind, kind), n)
                     for kind, n in sorted(kinds.items())),
            self.url(cr, uid, run_id, context=context), _('Open the reconciliation'))
        backends = self.pool.get('satchmo.backend')
        return backends.message_post(
            cr, SUPERUSER_ID, [run.backend_id.id], body=body,
            subject=_('%s: %d differences with the shop') % (run.backend_id.name,
                                                             run.difference_count),
            subtype='mail.mt_comment',
            partner_ids=backends._manager_partner_ids(cr, uid, run.backend_id,
                                                      context=context),
            context=dict(context or {}, mail_post_autofollow=False))


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    def action_reconcile(self, cr, uid, ids, context=None):
        """The shop form's Reconcile button: compare now and open the result."""
        runs = self.pool.get('satchmo.reconciliation')
        run_id = runs.reconcile(cr, uid, ids[0], context=context)
        return {'type': 'ir.actions.act_window', 'res_model': runs._name, 'res_id': run_id,
                'view_mode': 'form', 'view_type': 'form', 'target': 'current',
                'name': _('Reconciliation')}
