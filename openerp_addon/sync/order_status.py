# -*- coding: utf-8 -*-
"""The status rules applied to one order (models/order_status.py says why).

``kept_as_draft`` and ``cancelled_after_invoice`` are called by the order
importer's ``progress``; ``refund`` is the one refund of an invoiced order
the shop cancelled, made through OpenERP's own refund wizard and recorded on
the order's row so that it is never made twice.
"""
from . import workflow


def kept_as_draft(env, order, payload):
    """None to go on; else '' (a draft, left alone) or the reason to hold the row."""
    backend = env.backend
    status = (payload.get('status') or u'').strip().lower()
    kept = env.pool.get('satchmo.backend').statuses_kept_as_drafts(env.cr, env.uid, backend)
    if status not in kept:
        return None
    if order.state == 'draft':
        return u''
    return (u'the shop now says %s, a status kept as a draft, but the order was already '
            u'confirmed here: check it by hand' % payload.get('status'))


def cancelled_after_invoice(env, order, payload):
    """The reason for the row of an order the shop cancelled after it was invoiced."""
    invoice = workflow.live_invoice(order)
    number = invoice and invoice.number or u'draft'
    row = env.binder.get('orders', payload['id'])
    if row and row.refund_id:
        return None, u'cancelled in the shop after it was invoiced (%s): refunded by %s' % (
            number, row.refund_id.number or row.refund_id.id)
    if invoice is None or invoice.state not in ('open', 'paid') or not env.backend.refund_cancelled:
        return (u'cancelled in the shop after it was invoiced (%s): press Refund on this row, '
                u'or cancel or refund the invoice by hand' % number), None
    refund_id = refund(env.cr, env.uid, env.pool, row, order, context=env.context)
    refund_number = env.pool.get('account.invoice').browse(env.cr, env.uid, refund_id).number
    return None, (u'cancelled in the shop after it was invoiced (%s): refund %s created'
                  % (number, refund_number or refund_id))


def refund(cr, uid, pool, row, order, context=None):
    """Refund the order's invoice once; the refund's id (an existing one is returned)."""
    if row.refund_id:
        return row.refund_id.id
    invoice = workflow.live_invoice(order)
    if invoice is None or invoice.state not in ('open', 'paid'):
        raise ValueError(u'the order %s has no validated invoice to refund' % order.name)
    mode = 'refund' if invoice.reconciled else 'cancel'
    ctx = dict(context or {}, active_ids=[invoice.id], active_id=invoice.id,
               active_model='account.invoice', type='out_invoice')
    wizard = pool.get('account.invoice.refund')
    wizard_id = wizard.create(cr, uid, {
        'description': (u'Cancelled in the shop: %s' % order.name)[:128],
        'filter_refund': mode}, context=ctx)
    before = set(pool.get('account.invoice').search(cr, uid, [('type', '=', 'out_refund')]))
    wizard.compute_refund(cr, uid, [wizard_id], mode, context=ctx)
    made = [i for i in pool.get('account.invoice').search(
        cr, uid, [('type', '=', 'out_refund')]) if i not in before]
    if not made:
        raise ValueError(u'OpenERP made no refund of %s' % (invoice.number or invoice.id))
    pool.get('satchmo.binding').write(cr, uid, [row.id], {'refund_id': made[0]},
                                      context=context)
    return made[0]
