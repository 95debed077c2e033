# -*- coding: utf-8 -*-
"""Status rules of a shop: which orders stay drafts, what a cancellation does to an invoice.

Satchmo's *Blocked* status is how a shop owner stops a suspected fraud; the
order must not get a numbered invoice in the books. So statuses listed in
*Statuses kept as drafts* (Blocked by default, any others the owner names)
are imported as draft sale orders and never confirmed or invoiced.

A shop cancellation of an order that OpenERP has already invoiced cannot be
copied by cancelling: a validated invoice is in the books. The row says so
and offers **Refund** (one click: a refund of the invoice, reconciled with it
when the invoice is still open, a draft refund to pay back when it is paid);
with *Refund invoices of cancelled orders* switched on the connector creates
that refund itself and the row's note says which refund it made.
"""
from openerp import SUPERUSER_ID
from openerp.osv import fields, orm
from openerp.tools.translate import _

DEFAULT_DRAFT_STATUSES = u'Blocked'


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    _columns = {
        'draft_statuses': fields.char(
            'Statuses kept as drafts', size=256,
            help="Comma-separated shop statuses whose orders are imported as draft sale "
                 "orders and never confirmed, invoiced or paid (e.g. Blocked: suspected "
                 "fraud)."),
        'refund_cancelled': fields.boolean(
            'Refund invoices of cancelled orders',
            help="When the shop cancels an order OpenERP already invoiced, create the "
                 "refund at once. Off: the order's row offers a Refund button."),
    }

    _defaults = {
        'draft_statuses': DEFAULT_DRAFT_STATUSES,
        'refund_cancelled': False,
    }

    def statuses_kept_as_drafts(self, cr, uid, backend, context=None):
        text = backend.draft_statuses or u''
        return set(part.strip().lower() for part in text.split(',') if part.strip())


class satchmo_binding(orm.Model):
    _inherit = 'satchmo.binding'

    _columns = {
        'refund_id': fields.many2one('account.invoice', 'Refund', readonly=True,
                                     ondelete='set null',
                                     help="Orders cancelled in the shop after they were "
                                          "invoiced: the refund of their invoice"),
    }

    def action_refund(self, cr, uid, ids, context=None):
        """The one click that refunds the invoice of an order the shop cancelled."""
        self._check_may_review(cr, uid, ids, context=context)
        from openerp.addons.openerp_addon.sync import order_status
        for row in self.browse(cr, SUPERUSER_ID, ids, context=context):
            if row.resource != 'orders' or not row.res_id:
                raise orm.except_orm(_('Nothing to refund'),
                                     _('Only the row of an invoiced order can be refunded.'))
            order = self.pool.get('sale.order').browse(cr, SUPERUSER_ID, row.res_id,
                                                       context=context)
            try:
                refund_id = order_status.refund(cr, SUPERUSER_ID, self.pool, row, order,
                                                context=context)
            except ValueError as error:
                raise orm.except_orm(_('Nothing to refund'), u'%s' % error)
            number = self.pool.get('account.invoice').browse(
                cr, SUPERUSER_ID, refund_id, context=context).number
            self.write(cr, SUPERUSER_ID, [row.id], {
                'state': 'synced', 'error': False, 'next_retry': False,
                'note': _('Cancelled in the shop after it was invoiced: refund %s created.')
                % (number or refund_id)}, context=context)
        return True
