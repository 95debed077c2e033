# -*- coding: utf-8 -*-
"""The steps after an order is built: confirm, invoice, validate, cancel.

Each step looks at what already exists before it acts (the order's state,
its invoices and their states), so an order can be taken up again at any
point: after a crash, after a person fixed an exception, after a switch was
turned on. They go through OpenERP's own workflows, as the buttons do.
"""
from datetime import date

from openerp import netsvc
from openerp.tools import DEFAULT_SERVER_DATE_FORMAT

from .money import from_float


def signal(cr, uid, model, res_id, name):
    netsvc.LocalService('workflow').trg_validate(uid, model, res_id, name, cr)


def order_totals(order):
    return {'untaxed': from_float(order.amount_untaxed), 'tax': from_float(order.amount_tax),
            'total': from_float(order.amount_total)}


def invoice_totals(invoice):
    return {'untaxed': from_float(invoice.amount_untaxed),
            'tax': from_float(invoice.amount_tax), 'total': from_float(invoice.amount_total)}


def book_date(cr, uid, pool, company_id, shop_day):
    """The shop's day if the company's books have an open period for it, else today.

    Invoices and payments are dated when the shop says they happened; an
    order from a closed (or never opened) year is booked today instead, rather
    than refused.
    """
    if shop_day:
        periods = pool.get('account.period').search(cr, uid, [
            ('company_id', '=', company_id), ('special', '=', False), ('state', '=', 'draft'),
            ('date_start', '<=', shop_day), ('date_stop', '>=', shop_day)], limit=1)
        if periods:
            return shop_day
    return date.today().strftime(DEFAULT_SERVER_DATE_FORMAT)


def live_invoice(order):
    """The order's invoice that is not cancelled (the connector makes one per order)."""
    invoices = [inv for inv in order.invoice_ids if inv.state != 'cancel']
    return invoices and invoices[0] or None


def confirm(cr, uid, order):
    if order.state == 'draft':
        signal(cr, uid, 'sale.order', order.id, 'order_confirm')
    order.refresh()
    return order.state not in ('draft', 'cancel')


def create_invoice(cr, uid, pool, order, backend, shop_day, context=None):
    """The order's invoice, made through the order's workflow on the shop's sales journal."""
    invoice = live_invoice(order)
    if invoice:
        return invoice
    signal(cr, uid, 'sale.order', order.id, 'manual_invoice')
    order.refresh()
    invoice = live_invoice(order)
    if invoice is None:
        return None
    values = {'date_invoice': book_date(cr, uid, pool, order.company_id.id, shop_day)}
    if backend.sale_journal_id and invoice.journal_id.id != backend.sale_journal_id.id:
        values['journal_id'] = backend.sale_journal_id.id
    invoices = pool.get('account.invoice')
    invoices.write(cr, uid, [invoice.id], values, context=context)
    invoices.button_reset_taxes(cr, uid, [invoice.id], context=context)
    invoice.refresh()
    return invoice


def validate(cr, uid, invoice):
    if invoice.state == 'draft':
        signal(cr, uid, 'account.invoice', invoice.id, 'invoice_open')
        invoice.refresh()
    return invoice.state in ('open', 'paid')


def cancel(cr, uid, order):
    """Cancel an order that has no invoice; False when an invoice is in the way."""
    if order.state == 'cancel':
        return True
    if live_invoice(order) is not None:
        return False
    signal(cr, uid, 'sale.order', order.id, 'cancel')
    order.refresh()
    return order.state == 'cancel'


def receivable_line(invoice):
    """The invoice's own receivable move line (not every open line of the partner)."""
    if not invoice.move_id:
        return None
    for line in invoice.move_id.line_id:
        if line.account_id.id == invoice.account_id.id and line.debit > 0:
            return line
    return None
