# -*- coding: utf-8 -*-
"""Does OpenERP hold exactly what the shop sold and was paid? The comparison.

Plain Python over what reconcile_read.py loaded: the shop's ledger and what
OpenERP holds now, per order. It answers
- per month (the shop's month of the order), the shop's and OpenERP's count of
  orders, untaxed, tax, total, invoiced and paid amounts;
- every order that differs, with the kind of difference, what was found on
  each side, and whether *Import again* can repair it or a person must act
  (and what to do);
- per catalogue/customer resource, the objects missing on either side.

Which shop orders OpenERP should hold follows the shop's own settings, as
the import does: the statuses to import, the history policy (orders before
the accounting start date are history, or not imported at all), the
statuses kept as drafts, and the automation switches (no invoice is
expected when invoices are not created or validated).
"""
from collections import OrderedDict

from .history import SKIP, accounting_start, shop_day
from .mapper import to_decimal
from .money import ZERO, cents

# kind: (label, repaired by Import again?)
KINDS = OrderedDict([
    ('missing', 'Missing in OpenERP'),
    ('extra', 'Extra in OpenERP'),
    ('cancelled_open', 'Cancelled in the shop, open here'),
    ('invoice_cancelled', 'Invoice cancelled'),
    ('total', 'Total differs'),
    ('invoice_edited', 'Invoice edited'),
    ('payment_missing', 'Payment missing'),
    ('payment_doubled', 'Payment doubled'),
])
FIGURES = ('count', 'untaxed', 'tax', 'total', 'invoiced', 'paid')
INVOICED_STATES = ('open', 'paid')


def money(value):
    return cents(to_decimal(value, 'amount') or ZERO)


class Expectations(object):
    """Which shop orders OpenERP should hold, and how far along (the backend's settings)."""

    def __init__(self, cr, uid, pool, backend):
        backends = pool.get('satchmo.backend')
        self.statuses = backends.statuses_to_import(cr, uid, backend)
        self.drafts = backends.statuses_kept_as_drafts(cr, uid, backend)
        self.start = accounting_start(cr, uid, pool, backend)
        self.skip_history = backend.history_policy == SKIP
        self.invoices = bool(backend.confirm_orders and backend.create_invoices
                             and backend.validate_invoices)
        self.payments = self.invoices and bool(backend.register_payments)

    @staticmethod
    def status(order):
        return (order.get('status') or u'').strip().lower()

    def is_history(self, order):
        day = shop_day(order.get('time_stamp'))
        return bool(day) and day < self.start

    def imported(self, order):
        if self.status(order) not in self.statuses:
            return False
        return not (self.skip_history and self.is_history(order))

    def invoiced(self, order):
        """Whether OpenERP should hold a posted invoice of this order."""
        return (self.invoices and self.imported(order) and not self.is_history(order)
                and self.status(order) not in self.drafts
                and self.status(order) != 'cancelled')


class Difference(object):
    """One order (or object) that differs: its kind, both sides, and the way to repair it."""

    def __init__(self, resource, shop_id, kind, month, detail, repairable, advice=u'',
                 binding_id=None, model=None, res_id=None, shop_amount=None,
                 erp_amount=None):
        self.resource, self.shop_id, self.kind, self.month = resource, shop_id, kind, month
        self.detail, self.repairable, self.advice = detail, repairable, advice
        self.binding_id, self.model, self.res_id = binding_id, model, res_id
        self.shop_amount, self.erp_amount = shop_amount, erp_amount

    def values(self):
        """The fields of a satchmo.reconciliation.line (floats only here, at the end)."""
        diff = (self.erp_amount - self.shop_amount
                if self.shop_amount is not None and self.erp_amount is not None else None)
        return {'resource': self.resource, 'shop_id': self.shop_id, 'kind': self.kind,
                'month': self.month, 'detail': self.detail,
                'repair': 'import' if self.repairable else 'person',
                'advice': self.advice or False, 'binding_id': self.binding_id or False,
                'model': self.model or False, 'res_id': self.res_id or False,
                'shop_amount': float(self.shop_amount or ZERO),
                'erp_amount': float(self.erp_amount or ZERO),
                'difference': float(diff or ZERO)}


def month_of(shop_order, erp_order):
    if shop_order and shop_order.get('time_stamp'):
        return shop_order['time_stamp'][:7]
    return (erp_order and erp_order.get('day') or u'????-??')[:7]


def live_invoice(erp_order):
    invoices = [i for i in erp_order['invoices'] if i['state'] != 'cancel']
    return invoices and invoices[0] or None


def compare_orders(shop_orders, erp_orders, expect):
    """(months {month: {figure: [shop, openerp]}}, [Difference]) of the orders."""
    months, differences = {}, []

    def add(month, side, figure, amount):
        row = months.setdefault(month, dict((f, [ZERO, ZERO]) for f in FIGURES))
        row[figure][side] += amount

    for shop_id in sorted(set(shop_orders) | set(erp_orders), key=_numeric):
        shop, erp = shop_orders.get(shop_id), erp_orders.get(shop_id)
        expected = shop is not None and expect.imported(shop)
        held = erp is not None and erp['order_id'] is not None
        if not expected and not (held and shop is None):
            continue  # not imported on purpose (a Temp order, history not imported)
        month = month_of(shop, erp)
        if expected:
            add(month, 0, 'count', 1)
            for figure in ('untaxed', 'tax', 'total'):
                add(month, 0, figure, money(shop[figure]))
            add(month, 0, 'paid', money(shop['paid']) if expect.payments else ZERO)
            if expect.invoiced(shop):
                add(month, 0, 'invoiced', money(shop['total']))
        if held:
            add(month, 1, 'count', 1)
            for figure in ('untaxed', 'tax', 'total'):
                add(month, 1, figure, erp[figure])
            add(month, 1, 'paid', erp['paid'])
            invoice = live_invoice(erp)
            if invoice and invoice['state'] in INVOICED_STATES:
                add(month, 1, 'invoiced', invoice['total'])
        found = order_difference(shop_id, shop, erp, expect, month)
        if found:
            differences.append(found)
    return months, differences


def _numeric(shop_id):
    return (0, int(shop_id)) if str(shop_id).isdigit() else (1, shop_id)


def order_difference(shop_id, shop, erp, expect, month):
    """The most important difference of one order, or None when it agrees."""
    links = {}
    if erp:
        links = {'binding_id': erp['binding_id'], 'model': 'sale.order',
                 'res_id': erp['order_id']}
    if erp is None or erp['order_id'] is None:
        gone = erp is not None and u' (its mapping row remains: the record was deleted)' or u''
        return Difference('orders', shop_id, 'missing', month,
                          u'The shop has order %s (%s, total %s); OpenERP has none%s.'
                          % (shop_id, shop.get('status'), shop['total'], gone), True,
                          shop_amount=money(shop['total']), erp_amount=ZERO, **links)
    if shop is None:
        if erp['state'] == 'cancel':
            return None
        return Difference('orders', shop_id, 'extra', month,
                          u'OpenERP has a sale order for shop order %s, which the shop no '
                          u'longer has.' % shop_id, False,
                          u'Find out why the shop lost the order; cancel (and refund) the '
                          u'OpenERP order by hand if it should not exist.',
                          shop_amount=ZERO, erp_amount=erp['total'], **links)
    total = money(shop['total'])
    invoice = live_invoice(erp)
    if expect.status(shop) == 'cancelled':
        if erp['state'] == 'cancel':
            return None
        repairable = invoice is None
        return Difference('orders', shop_id, 'cancelled_open', month,
                          u'The shop cancelled order %s; here it is %s%s.' % (
                              shop_id, erp['state'],
                              invoice and u' with invoice %s' % invoice['state'] or u''),
                          repairable, u'' if repairable else
                          u'Press Refund on the order\'s mapping row, or refund the invoice '
                          u'by hand.', shop_amount=total, erp_amount=erp['total'], **links)
    if erp['invoices'] and invoice is None and expect.invoiced(shop):
        return Difference('orders', shop_id, 'invoice_cancelled', month,
                          u'The invoice of order %s was cancelled in OpenERP; the shop\'s '
                          u'order stands (%s).' % (shop_id, shop.get('status')), False,
                          u'If the cancellation was a mistake, press Recreate Invoice on the '
                          u'sale order and validate it, then Import again registers its '
                          u'payments; otherwise cancel or refund the order in the shop too.',
                          shop_amount=total, erp_amount=ZERO, **links)
    shop_figures = dict((f, money(shop[f])) for f in ('untaxed', 'tax', 'total'))
    if any(shop_figures[f] != erp[f] for f in shop_figures):
        repairable = erp['state'] == 'draft'
        return Difference('orders', shop_id, 'total', month,
                          u'Order %s: %s.' % (shop_id, _figures(shop_figures, erp)),
                          repairable, u'' if repairable else
                          u'The sale order is confirmed, so it is not rebuilt: correct it by '
                          u'hand, or cancel it and Import again.',
                          shop_amount=total, erp_amount=erp['total'], **links)
    if invoice is not None and any(shop_figures[f] != invoice[f] for f in shop_figures):
        return Difference('orders', shop_id, 'invoice_edited', month,
                          u'Invoice of order %s (%s): %s.' % (
                              shop_id, invoice['state'], _figures(shop_figures, invoice)),
                          False, u'The invoice no longer equals the shop\'s order and a '
                          u'posted invoice is never overwritten: correct it (cancel, edit, '
                          u'validate) or refund it by hand.', shop_amount=total,
                          erp_amount=invoice['total'], model='account.invoice',
                          res_id=invoice['id'], binding_id=erp['binding_id'])
    if expect.payments and expect.invoiced(shop) and invoice is not None:
        return payment_difference(shop_id, shop, erp, invoice, month, links)
    return None


def payment_difference(shop_id, shop, erp, invoice, month, links):
    paid, registered = money(shop['paid']), erp['paid']
    on_invoice = invoice['total'] - invoice['residual']
    if registered < paid:
        refused = erp['payment_rows_failing']
        return Difference('orders', shop_id, 'payment_missing', month,
                          u'The shop was paid %s for order %s; OpenERP registered %s.'
                          % (paid, shop_id, registered), not refused,
                          refused and u'The order\'s payment rows say why a payment was not '
                          u'registered (Failures): fix that, then Retry them.' or u'',
                          shop_amount=paid, erp_amount=registered, **links)
    if registered > paid or on_invoice > max(registered, paid):
        return Difference('orders', shop_id, 'payment_doubled', month,
                          u'The shop was paid %s for order %s; OpenERP registered %s '
                          u'(%s paid on the invoice).' % (paid, shop_id, registered,
                                                          on_invoice), False,
                          u'Cancel the payment registered twice (Accounting > Customer '
                          u'Payments) or refund the customer.',
                          shop_amount=paid, erp_amount=max(registered, on_invoice), **links)
    return None


def _figures(shop, erp):
    return u'; '.join(u'%s: shop %s, OpenERP %s' % (f, shop[f], erp[f])
                      for f in ('untaxed', 'tax', 'total') if shop[f] != erp[f])


def compare_objects(shop_ids, erp_objects):
    """[Difference] of catalogue and customer objects missing on either side."""
    found = []
    for resource in sorted(shop_ids):
        rows = erp_objects.get(resource, {})
        for shop_id in sorted(shop_ids[resource], key=_numeric):
            row = rows.get(shop_id)
            if row is None or not row['exists']:
                found.append(Difference(
                    resource, shop_id, 'missing', False,
                    u'The shop has %s %s; OpenERP has %s.' % (
                        resource, shop_id, row and u'only its mapping row (the record was '
                        u'deleted)' or u'no mapping row'), True, **_object_links(row)))
        for shop_id, row in sorted(rows.items(), key=lambda item: _numeric(item[0])):
            if shop_id in shop_ids[resource] or not row['active'] or row['digest'] == 'deleted':
                continue
            found.append(Difference(
                resource, shop_id, 'extra', False,
                u'OpenERP has an active record for %s %s, which the shop no longer has.'
                % (resource, shop_id), True, **_object_links(row)))
    return found


def _object_links(row):
    if not row:
        return {}
    return {'binding_id': row['binding_id'], 'model': row['model'],
            'res_id': row['exists'] and row['res_id'] or None}


def month_values(months, differences=()):
    """The rows of satchmo.reconciliation.month, oldest month first; a month is clean
    when every figure agrees and none of its orders differs."""
    differing = set(d.month for d in differences)
    values = []
    for month in sorted(months):
        row = {'month': month}
        clean = month not in differing
        for figure in FIGURES:
            shop, erp = months[month][figure]
            row['shop_' + figure] = float(shop)
            row['erp_' + figure] = float(erp)
            row['diff_' + figure] = float(erp - shop)
            clean = clean and shop == erp
        row['clean'] = clean
        values.append(row)
    return values
