# -*- coding: utf-8 -*-
"""The mapping row: one per shop object, the successor of the original ObjMapper.

A row says which OpenERP record stands for which shop object, and how the
last attempt to import it went. People work from these rows: they see what
failed and why, fix the cause (in the shop or in OpenERP) and retry exactly
the rows they fixed.
"""
from openerp.osv import fields, orm
from openerp.tools.translate import _

STATES = [
    ('synced', 'Up to date'),            # the OpenERP record equals the last imported payload
    ('dirty', 'To import again'),        # re-import at the next run, even if the payload is unchanged
    ('failed', 'Failed, will retry'),    # the last import failed; later runs retry it
    ('exception', 'Needs you'),          # failed retry_limit times: waits for a person
]
STATE_HELP = ("Up to date: the OpenERP record matches what the shop last sent. "
              "To import again: the next synchronization imports it, even unchanged. "
              "Failed, will retry: the last import failed; later synchronizations "
              "retry it by themselves, less and less often. "
              "Needs you: it failed too often; fix the cause (in the shop or in "
              "OpenERP), then press Retry.")


class satchmo_binding(orm.Model):
    _name = 'satchmo.binding'
    _description = 'Satchmo mapping row'
    _order = 'backend_id, resource, id'
    _rec_name = 'shop_id'

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop', required=True,
                                      ondelete='cascade', select=True),
        'company_id': fields.related('backend_id', 'company_id', type='many2one',
                                     relation='res.company', string='Company',
                                     store=True, readonly=True),
        'resource': fields.char('Shop resource', size=32, required=True, select=True,
                                help="The shop API's resource name, e.g. products"),
        'shop_id': fields.char('Shop id', size=64, required=True, select=True),
        'model': fields.char('OpenERP model', size=64),
        'res_id': fields.integer('OpenERP record id'),
        'state': fields.selection(STATES, 'State', required=True, select=True,
                                  help=STATE_HELP),
        'error': fields.text('Last error', readonly=True),
        'attempts': fields.integer('Failed attempts', readonly=True,
                                   help="Failed attempts since the last success"),
        'last_attempt': fields.datetime('Last attempt', readonly=True),
        'last_success': fields.datetime('Last success', readonly=True),
        'next_retry': fields.datetime('Next retry', readonly=True),
        'digest': fields.char('Payload digest', size=64, readonly=True,
                              help="Hash of the last imported payload: an equal payload is "
                                   "skipped"),
    }

    _defaults = {
        'state': 'dirty',
        'attempts': 0,
    }

    _sql_constraints = [
        ('shop_object_unique', 'unique (backend_id, resource, shop_id)',
         'A shop object has exactly one mapping row.'),
    ]

    def action_retry(self, cr, uid, ids, context=None):
        """Import again exactly these rows from the shop, touching nothing else."""
        from openerp.addons.openerp_addon.sync import pipeline
        pipeline.retry(cr, uid, ids, context=context)
        return True

    def action_mark_dirty(self, cr, uid, ids, context=None):
        """Have the next run import these rows again, even if the shop did not change them."""
        self.write(cr, uid, ids, {'state': 'dirty', 'next_retry': False}, context=context)
        return True

    def action_open_record(self, cr, uid, ids, context=None):
        row = self.browse(cr, uid, ids[0], context=context)
        if not row.model or not row.res_id:
            raise orm.except_orm(_('Nothing to open'),
                                 _('This shop object has no OpenERP record yet.'))
        return {
            'type': 'ir.actions.act_window',
            'res_model': row.model,
            'res_id': row.res_id,
            'view_mode': 'form',
            'view_type': 'form',
            'target': 'current',
        }
