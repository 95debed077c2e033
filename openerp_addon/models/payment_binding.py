# -*- coding: utf-8 -*-
"""What makes a shop payment impossible to register twice.

A shop payment is registered as one account.voucher that carries the shop
and the payment's key ("payment-17", docs/api.rst). PostgreSQL refuses a
second voucher with the same (shop, key), whatever happens around it: a
re-run, a run resumed after a crash, two workers, a mapping row deleted by
hand. The payment's mapping row (resource "payments", shop id = the key)
tells people what happened to it; the voucher's key is the guarantee.

Payment rows belong to their order's row: the shop API has no payments
resource (payments come inside their order), so retrying or marking dirty a
payment row acts on its order, which registers what is missing.
"""
from openerp.osv import fields, orm
from openerp.tools.translate import _


class account_voucher(orm.Model):
    _inherit = 'account.voucher'

    _columns = {
        'satchmo_backend_id': fields.many2one('satchmo.backend', 'Satchmo shop',
                                              readonly=True, ondelete='restrict'),
        'satchmo_payment_key': fields.char('Shop payment key', size=64, readonly=True,
                                           help="The shop's payment this voucher registers"),
    }

    _sql_constraints = [
        ('satchmo_payment_unique', 'unique (satchmo_backend_id, satchmo_payment_key)',
         'This shop payment is already registered.'),
    ]

    def copy(self, cr, uid, id, default=None, context=None):
        """A copy is another payment: it does not register the shop's."""
        default = dict(default or {}, satchmo_backend_id=False, satchmo_payment_key=False)
        return super(account_voucher, self).copy(cr, uid, id, default=default, context=context)


class satchmo_binding(orm.Model):
    _inherit = 'satchmo.binding'

    _columns = {
        'order_binding_id': fields.many2one(
            'satchmo.binding', 'Order row', ondelete='cascade', readonly=True,
            help="For a payment: the mapping row of its order."),
        'shop_amount': fields.char('Shop amount', size=32, readonly=True,
                                   help="Orders and payments: the shop's amount"),
        'erp_amount': fields.char('OpenERP amount', size=32, readonly=True,
                                  help="Orders: OpenERP's total; payments: the voucher"),
        'note': fields.text('Note', readonly=True,
                            help="Payments: what a person should know about a registered "
                                 "one, e.g. a cent above the invoice left as a credit"),
    }

    def _owners(self, cr, uid, ids, context=None):
        """These rows, a payment row replaced by its order's row."""
        owners = []
        for row in self.browse(cr, uid, ids, context=context):
            target = row.order_binding_id.id if row.resource == 'payments' else row.id
            if not target:  # never silently retry nothing
                raise orm.except_orm(
                    _('Cannot retry'),
                    _('The payment %s is not linked to its order\'s row: retry the order '
                      'instead.') % row.shop_id)
            if target and target not in owners:
                owners.append(target)
        return owners

    def action_retry(self, cr, uid, ids, context=None):
        return super(satchmo_binding, self).action_retry(
            cr, uid, self._owners(cr, uid, ids, context), context=context)

    def action_mark_dirty(self, cr, uid, ids, context=None):
        return super(satchmo_binding, self).action_mark_dirty(
            cr, uid, self._owners(cr, uid, ids, context), context=context)
