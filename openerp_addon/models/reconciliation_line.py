# -*- coding: utf-8 -*-
"""One difference a reconciliation found, and its repair.

Each line links to the shop object's mapping row and to the OpenERP record.
*Import again* fetches and imports exactly the selected lines' objects
through the pipeline's retry path (sync/pipeline.py ``retry``), as a row's
Retry does; an object OpenERP never saw gets its mapping row first. A line
whose difference needs a person (a posted invoice edited by hand, a payment
registered twice) is never overwritten: it says what to do instead.
"""
from openerp import SUPERUSER_ID
from openerp.osv import fields, orm
from openerp.tools.translate import _

from openerp.addons.openerp_addon.sync.reconcile import KINDS

REPAIRS = [('import', 'Import again'), ('person', 'Needs a person')]
LINE_STATES = [('open', 'Open'), ('imported', 'Imported again'),
               ('failed', 'Import failed')]


class satchmo_reconciliation_line(orm.Model):
    _name = 'satchmo.reconciliation.line'
    _description = 'Satchmo reconciliation: one difference'
    _order = 'reconciliation_id desc, resource, month, id'
    _rec_name = 'shop_id'

    _columns = {
        'reconciliation_id': fields.many2one('satchmo.reconciliation', 'Reconciliation',
                                             required=True, ondelete='cascade', select=True),
        'backend_id': fields.related('reconciliation_id', 'backend_id', type='many2one',
                                     relation='satchmo.backend', string='Shop',
                                     readonly=True),
        'resource': fields.char('Shop resource', size=32, readonly=True),
        'shop_id': fields.char('Shop id', size=64, readonly=True),
        'month': fields.char('Month', size=7, readonly=True),
        'kind': fields.selection(list(KINDS.items()), 'Difference', readonly=True,
                                 select=True),
        'detail': fields.text('What differs', readonly=True),
        'repair': fields.selection(REPAIRS, 'Repair', readonly=True),
        'advice': fields.text('What to do', readonly=True),
        'state': fields.selection(LINE_STATES, 'State', readonly=True),
        'result': fields.text('Result of Import again', readonly=True),
        'shop_amount': fields.float('Shop', digits=(16, 2), readonly=True),
        'erp_amount': fields.float('OpenERP', digits=(16, 2), readonly=True),
        'difference': fields.float('Difference', digits=(16, 2), readonly=True),
        'binding_id': fields.many2one('satchmo.binding', 'Mapping row', readonly=True,
                                      ondelete='set null'),
        'model': fields.char('OpenERP model', size=64, readonly=True),
        'res_id': fields.integer('OpenERP record id', readonly=True),
    }
    _defaults = {'state': 'open'}

    def action_import_again(self, cr, uid, ids, context=None):
        """Fetch and import exactly these lines' objects; lines needing a person are left.

        Runs with the connector's rights after checking the person may
        change the mapping rows (as Retry does, models/binding_review.py).
        """
        lines = [l for l in self.browse(cr, uid, ids, context=context)]
        repairable = [l for l in lines if l.repair == 'import']
        if not repairable:
            raise orm.except_orm(_('Needs a person'), u'\n'.join(
                u'%s %s: %s' % (l.resource, l.shop_id, l.advice or l.detail) for l in lines))
        bindings = self.pool.get('satchmo.binding')
        bindings.check_access_rights(cr, uid, 'write')
        row_of = {}
        for line in repairable:
            row_of[line.id] = line.binding_id.id if line.binding_id else bindings.create(
                cr, SUPERUSER_ID, {'backend_id': line.reconciliation_id.backend_id.id,
                                   'resource': line.resource, 'shop_id': line.shop_id,
                                   'state': 'dirty'}, context=context)
        bindings.check_access_rule(cr, uid, list(set(row_of.values())), 'write',
                                   context=context)
        from openerp.addons.openerp_addon.sync import pipeline
        pipeline.retry(cr, SUPERUSER_ID, sorted(set(row_of.values())), context=context)
        for line in repairable:
            row = bindings.browse(cr, SUPERUSER_ID, row_of[line.id], context=context)
            ok = row.state == 'synced'
            self.write(cr, SUPERUSER_ID, [line.id], {
                'state': ok and 'imported' or 'failed', 'binding_id': row.id,
                'model': row.model or False, 'res_id': row.res_id or False,
                'result': ok and _('Imported again; the next reconciliation shows whether '
                                   'OpenERP now agrees.') or row.error or row.state},
                context=context)
        return True

    def action_open_binding(self, cr, uid, ids, context=None):
        line = self.browse(cr, uid, ids[0], context=context)
        if not line.binding_id:
            raise orm.except_orm(_('No mapping row'),
                                 _('OpenERP never imported this shop object: Import again '
                                   'creates its row.'))
        return {'type': 'ir.actions.act_window', 'res_model': 'satchmo.binding',
                'res_id': line.binding_id.id, 'view_mode': 'form', 'view_type': 'form',
                'target': 'current'}

    def action_open_record(self, cr, uid, ids, context=None):
        line = self.browse(cr, uid, ids[0], context=context)
        if not line.model or not line.res_id:
            raise orm.except_orm(_('Nothing to open'),
                                 _('OpenERP has no record for this shop object.'))
        return {'type': 'ir.actions.act_window', 'res_model': line.model,
                'res_id': line.res_id, 'view_mode': 'form', 'view_type': 'form',
                'target': 'current'}
