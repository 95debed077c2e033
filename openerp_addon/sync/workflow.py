# -*- coding: utf-8 -*-
"""The steps after an order is built: confirm, invoice, validate, cancel.

Each step looks at what already exists before it acts (the order's state,
its invoices and their states), so an order can be taken up again at any
point: after a crash, after a person fixed an exception, after a switch was
turned on. They go through OpenERP's own workflows, as the buttons do.
"""
from openerp import netsvc

from .history import open_period
from .mapper import MappingError
from .money import from_float


def signal(cr, uid, model, res_id, name):
    netsvc.LocalService('workflow').trg_validate(uid, model, res_id, name, cr)


def order_totals(order):
    return {'untaxed': from_float(order.amount_untaxed), 'tax': from_float(order.amount_tax),
            'total': from_float(order.amount_total)}


def invoice_totals(invoice):
    return {'untaxed': from_float(invoice.amount_untaxed),
            'tax': from_float(invoice.amount_tax), 'total': from_float(invoice.amount_total)}


def book_date(cr, uid, pool, company, shop_day):
    """(the shop's day, its open period id): a sale is booked in its own period or not at all.

    A missing or closed period raises MappingError naming the period and what
    to do (history.py); it used to book "today", which put two years of old
    sales in the current month without a word.
    """
    if not shop_day:
        raise MappingError(u"the shop sent no date: it cannot be booked")
    return shop_day, open_period(cr, uid, pool, company, shop_day).id


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
    day, period_id = book_date(cr, uid, pool, order.company_id, shop_day)
    values = {'date_invoice': day, 'period_id': period_id}
    if backend.sale_journal_id and invoice.journal_id.id != backend.sale_journal_id.id:
        values['journal_id'] = backend.sale_journal_id.id
    invoices = pool.get('account.invoice')
    invoices.write(cr, uid, [invoice.id], values, context=context)
    if invoice.currency_id.id != invoice.company_id.currency_id.id:
        # the tax lines' company amounts are converted at the rate of the invoice's date;
        # in the company's currency the workflow's own computation is already the one
        # its date would give (a quarter of the step's queries, issue 13)
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
    if order.state == 'done':  # a history order (history.py): no invoice, its workflow ended
        order.write({'state': 'cancel'})
    else:
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
