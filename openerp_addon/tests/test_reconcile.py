# -*- coding: utf-8 -*-
"""Reconciliation: each kind of difference from ledger rows and OpenERP rows, and a run
through the model that records months and lines and tells the managers."""
from decimal import Decimal

import unittest2
from openerp.tests import common

from openerp.addons.openerp_addon.sync import reconcile
from openerp.addons.openerp_addon.sync.money import cents


class Expect(reconcile.Expectations):
    """The default settings of a shop (statuses, all switches on), without a backend."""

    def __init__(self):
        self.statuses = set(['new', 'in process', 'billed', 'shipped', 'complete',
                             'cancelled', 'blocked'])
        self.drafts = set(['blocked'])
        self.start = '2000-01-01'
        self.skip_history = False
        self.invoices = self.payments = True


def ledger(shop_id, total='12.10', paid=None, status='Shipped', month='2026-11'):
    total = Decimal(total)
    tax = cents(total / Decimal('1.21') * Decimal('0.21'))
    return {'id': shop_id, 'status': status, 'time_stamp': month + '-02T10:00:00+01:00',
            'untaxed': '%s' % (total - tax), 'tax': '%s' % tax, 'total': '%s' % total,
            'paid': '%s' % (total if paid is None else Decimal(paid)), 'currency': 'USD'}


def held(row, state='progress', invoice='paid', paid=None, total=None):
    """What OpenERP holds of a shop order that agrees with ``row``, unless told otherwise."""
    amounts = dict((f, Decimal(row[f])) for f in ('untaxed', 'tax', 'total'))
    if total is not None:
        amounts['untaxed'] += Decimal(total) - amounts['total']
        amounts['total'] = Decimal(total)
    invoices = []
    if invoice:
        invoices.append(dict(amounts, id=1, state=invoice,
                             residual=Decimal('0') if invoice == 'paid' else amounts['total']))
    return dict(amounts, binding_id=7, row_state='synced', order_id=70, state=state,
                day='2026-11-02', invoices=invoices, vouchers=1, payment_rows_failing=0,
                paid=Decimal(row['paid'] if paid is None else paid))


class TestCompare(unittest2.TestCase):

    def kinds(self, shop, erp):
        months, found = reconcile.compare_orders(shop, erp, Expect())
        return months, dict((d.shop_id, (d.kind, d.repairable)) for d in found)

    def test_agreeing_orders_make_a_clean_month(self):
        shop = {'1': ledger(1), '2': ledger(2, paid='0', status='New')}
        erp = {'1': held(shop['1']), '2': held(shop['2'], invoice='open')}
        months, found = self.kinds(shop, erp)
        self.assertEqual(found, {})
        (row,) = reconcile.month_values(months)
        self.assertTrue(row['clean'])
        self.assertEqual(row['shop_count'], 2)
        self.assertEqual(row['shop_total'], row['erp_total'])
        self.assertEqual(row['erp_paid'], 12.10)

    def test_each_kind_of_difference(self):
        shop = dict((str(i), ledger(i)) for i in range(1, 9))
        shop['4'] = ledger(4, status='Cancelled')
        erp = {
            '1': dict(held(shop['1']), order_id=None),                # deleted here
            '3': held(shop['3'], total='13.00', state='draft', invoice=None),  # price edited
            '4': held(shop['4'], invoice=None, paid='0'),              # cancelled there
            '5': held(shop['5'], invoice='cancel', paid='0'),          # invoice cancelled
            '6': held(shop['6'], paid='0'),                            # voucher deleted
            '7': held(shop['7'], paid='24.20'),                        # paid twice
            '8': held(shop['8']),
            '9': held(ledger(9)),                                      # the shop lost it
        }
        erp['8']['invoices'][0]['total'] = Decimal('11.00')            # invoice edited
        del shop['2']  # 2: not in OpenERP because the shop never had it: nothing to say
        shop['10'] = ledger(10)                                        # behind the feed's back
        months, found = self.kinds(shop, erp)
        self.assertEqual(found, {
            '1': ('missing', True), '10': ('missing', True), '3': ('total', True),
            '4': ('cancelled_open', True), '5': ('invoice_cancelled', False),
            '6': ('payment_missing', True), '7': ('payment_doubled', False),
            '8': ('invoice_edited', False), '9': ('extra', False)})
        (row,) = reconcile.month_values(months, reconcile.compare_orders(
            shop, erp, Expect())[1])
        self.assertFalse(row['clean'])
        self.assertEqual(row['shop_count'] - row['erp_count'], 1)

    def test_orders_not_imported_on_purpose_are_no_difference(self):
        shop = {'1': ledger(1, status='Temp')}
        self.assertEqual(self.kinds(shop, {})[1], {})

    def test_refused_payment_needs_a_person(self):
        shop = {'1': ledger(1)}
        erp = {'1': dict(held(shop['1'], paid='0'), payment_rows_failing=1)}
        self.assertEqual(self.kinds(shop, erp)[1], {'1': ('payment_missing', False)})

    def test_catalogue_objects_missing_on_either_side(self):
        rows = {'products': {
            '1': {'binding_id': 1, 'model': 'product.product', 'res_id': 10, 'exists': True,
                  'active': True, 'digest': 'x'},
            '2': {'binding_id': 2, 'model': 'product.product', 'res_id': 11, 'exists': False,
                  'active': False, 'digest': 'x'},
            '4': {'binding_id': 4, 'model': 'product.product', 'res_id': 12, 'exists': True,
                  'active': True, 'digest': 'x'},
            '5': {'binding_id': 5, 'model': 'product.product', 'res_id': 13, 'exists': True,
                  'active': False, 'digest': 'deleted'}}}
        found = reconcile.compare_objects({'products': set(['1', '2', '3'])}, rows)
        self.assertEqual([(d.shop_id, d.kind, d.binding_id) for d in found],
                         [('2', 'missing', 2), ('3', 'missing', None), ('4', 'extra', 4)])


class FakeLedger(object):
    """A shop client answering the reconciliation endpoints only."""

    def __init__(self, orders, ids):
        self.orders, self.ids = orders, ids

    def ledger_pages(self, limit=5000):
        yield self.orders

    def id_pages(self, resource, limit=5000):
        if self.ids.get(resource):
            yield [{'id': i, 'changed': 1} for i in self.ids[resource]]


class TestReconciliationRun(common.TransactionCase):

    def test_a_run_records_months_lines_and_posts_one_message(self):
        cr, uid = self.cr, self.uid
        backends = self.registry('satchmo.backend')
        backend_id = backends.create(cr, uid, {'name': 'Reconciled shop',
                                               'url': 'http://127.0.0.1:1', 'api_token': 't'})
        shop = FakeLedger([ledger(1, month='2030-01'), ledger(2, status='Temp')],
                          {'products': [5]})
        runs = self.registry('satchmo.reconciliation')
        messages = self.registry('mail.message')
        before = messages.search(cr, uid, [('model', '=', 'satchmo.backend'),
                                           ('res_id', '=', backend_id)])
        run = runs.browse(cr, uid, runs.reconcile(cr, uid, backend_id,
                                                  client_factory=lambda backend: shop))
        self.assertEqual(run.state, 'differences')
        self.assertEqual(run.order_count, 2)
        self.assertEqual(sorted((l.resource, l.shop_id, l.kind) for l in run.line_ids),
                         [('orders', '1', 'missing'), ('products', '5', 'missing')])
        self.assertEqual([(m.month, m.shop_count, m.erp_count, m.clean) for m in run.month_ids],
                         [('2030-01', 1, 0, False)])
        self.assertTrue(run.requests >= 2)
        self.assertTrue(0 < run.queries <= 8, run.queries)
        new = set(messages.search(cr, uid, [('model', '=', 'satchmo.backend'),
                                            ('res_id', '=', backend_id)])) - set(before)
        self.assertEqual(len(new), 1)
        body = messages.browse(cr, uid, new.pop()).body
        self.assertIn('2 differences', body)
        self.assertIn('satchmo.reconciliation', body)
        self.assertNotIn('api_token', body)

    def test_a_clean_shop_gives_a_clean_run_and_no_message(self):
        cr, uid = self.cr, self.uid
        backend_id = self.registry('satchmo.backend').create(
            cr, uid, {'name': 'Empty shop', 'url': 'http://127.0.0.1:1', 'api_token': 't'})
        runs = self.registry('satchmo.reconciliation')
        run = runs.browse(cr, uid, runs.reconcile(
            cr, uid, backend_id, client_factory=lambda backend: FakeLedger([], {})))
        self.assertEqual((run.state, run.difference_count, len(run.month_ids)), ('clean', 0, 0))
