# -*- coding: utf-8 -*-
"""An invoice's tax lines equal to the shop's tax: rounding corrected, anything else held.

The order of the issue: 0.50 at 21% and 1.75 at 6%, each 0.105 of tax. Satchmo
rounds the order's tax once (0.21), OpenERP each tax line of the invoice
(0.11 + 0.11). The shop's tax details are the API's, each quantized (0.11).
"""
import copy
from decimal import Decimal as D

import unittest2

from openerp.addons.openerp_addon.sync.invoice_taxes import Group, assign, plan

from .test_order_mapping import OrderCase, company_sale_tax


def group(key, exact, amount, base, shop=None, count=1):
    return Group(key, u'tax %s' % key, D(exact), D(amount), D(base),
                 None if shop is None else D(shop), count)


class TestRoundingPlan(unittest2.TestCase):
    """The rule alone, on the amounts OpenERP and the shop give."""

    def test_two_rates_a_cent_apart_move_the_line_of_the_larger_base(self):
        groups = [group(21, '0.105', '0.11', '0.50', '0.11'),
                  group(6, '0.105', '0.11', '1.75', '0.11')]
        self.assertEqual(plan(groups, D('0.21')), ({6: D('0.10')}, None))

    def test_the_line_nearest_the_other_cent_moves(self):
        groups = [group(1, '1.2450', '1.25', '10'), group(2, '2.3460', '2.35', '20'),
                  group(3, '0.3000', '0.30', '30')]  # 3.891: the shop says 3.89
        self.assertEqual(plan(groups, D('3.89')), ({1: D('1.24')}, None))

    def test_three_rates_two_cents_up(self):
        groups = [group(1, '0.1149', '0.11', '1'), group(2, '0.2248', '0.22', '2'),
                  group(3, '0.3347', '0.33', '3')]  # 0.6744 -> 0.67, lines say 0.66
        self.assertEqual(plan(groups, D('0.67')), ({1: D('0.12')}, None))
        groups = [group(1, '0.1149', '0.11', '1'), group(2, '0.2249', '0.22', '2'),
                  group(3, '0.3348', '0.33', '3'), group(4, '0.0048', '0.00', '4')]
        changes, _ = plan(groups, D('0.68'))  # 0.6794 -> 0.68 = 0.66 + 2 cents
        self.assertEqual(changes, {1: D('0.12'), 2: D('0.23')})

    def test_a_class_mapped_at_two_rates_goes_to_the_group_it_fits(self):
        # Default is 21% in Belgium and 10% in Japan; Reduced is 10% in Spain: a Spanish
        # order's Default detail could be on the 10% line too, only the 21% one fits
        exact = {21: D('2.1'), 10: D('0.505')}
        self.assertEqual(assign([(D('2.10'), [10, 21]), (D('0.51'), [10])], exact),
                         {21: (D('2.10'), 1), 10: (D('0.51'), 1)})

    def test_equal_amounts_change_nothing(self):
        self.assertEqual(plan([group(1, '0.104', '0.10', '1', '0.10')], D('0.10')), ({}, None))

    def test_a_tax_the_shop_computes_otherwise_is_held(self):
        groups = [group(21, '0.105', '0.11', '0.50', '0.11'),
                  group(6, '0.105', '0.11', '1.75', '0.18')]  # the shop taxed 10%
        changes, why = plan(groups, D('0.21'))
        self.assertIsNone(changes)
        self.assertIn('the tax tax 6 is 0.18 in the shop and 0.11 on the invoice', why)

    def test_a_total_that_is_not_the_rounded_sum_is_held(self):
        groups = [group(21, '0.105', '0.11', '0.50'), group(6, '0.105', '0.11', '1.75')]
        changes, why = plan(groups, D('0.20'))
        self.assertIsNone(changes)
        self.assertIn("the shop's tax 0.20 is not the invoice's taxes rounded (0.210", why)

    def test_no_line_may_move_more_than_a_cent(self):
        # one line, its unrounded 0.104 rounds to 0.10; the shop says 0.10 with detail 0.10
        # but a total of 0.11 is not rounding
        changes, why = plan([group(1, '0.104', '0.10', '1')], D('0.11'))
        self.assertIsNone(changes)
        self.assertIn("is not the invoice's taxes rounded", why)
        # the nearest cent is taken, never one further: 0.11 is a cent up from 0.10
        groups = [group(1, '0.1049', '0.10', '1'), group(2, '0.2049', '0.20', '1'),
                  group(3, '0.0098', '0.01', '1')]  # 0.3196 -> 0.32; lines 0.31
        self.assertEqual(plan(groups, D('0.32')), ({1: D('0.11')}, None))
        # a line a person set two cents off cannot be brought back by this rule
        changes, why = plan([group(1, '0.1049', '0.08', '1')], D('0.10'))
        self.assertIsNone(changes)
        self.assertIn('differ by more than a cent per tax line', why)

REDUCED = {'id': 3, 'title': 'Reduced', 'description': 'Reduced rate (food, books)'}
ORDER = {'id': 107, 'sub_total': '2.25', 'discount': '0.00', 'discount_code': '',
         'shipping_cost': '0.00', 'shipping_discount': '0.00', 'tax': '0.21', 'total': '2.46',
         'payments': [],
         'tax_details': [{'id': 7, 'method': 'area', 'description': 'Default', 'tax': '0.11'},
                         {'id': 8, 'method': 'area', 'description': 'Reduced', 'tax': '0.11'}]}
ITEMS = [{'id': 71, 'product_id': 10, 'sku': 'PY-ROCKS', 'name': 'Python Rocks shirt',
          'quantity': '1', 'unit_price': '0.500000', 'unit_tax': '0.105000',
          'line_item_price': '0.50', 'tax': '0.11', 'discount': '0.00', 'details': []},
         {'id': 72, 'product_id': 31, 'sku': 'BOOK', 'name': 'Satchmo book', 'quantity': '1',
          'unit_price': '1.750000', 'unit_tax': '0.105000', 'line_item_price': '1.75',
          'tax': '0.11', 'discount': '0.00', 'details': []}]


class TwoRateCase(OrderCase):
    """A shop with a Reduced class at 6 % (a book) beside the Default 21 % (a shirt)."""

    def setUp(self):
        super(TwoRateCase, self).setUp()
        self.vat6 = company_sale_tax(self, 0.06)
        self.registry('satchmo.tax.map').create(self.cr, self.uid, {
            'backend_id': self.backend_id, 'tax_class': 'Reduced', 'rate': 0.06,
            'tax_id': self.vat6})
        self.shop.change('tax_classes', 3, **REDUCED)
        book = dict(copy.deepcopy(self.shop.objects['products'][10]), id=31, sku='BOOK',
                    slug='book', name='Satchmo book', tax_class_id=3)
        self.shop.change('products', 31, **book)

    def add_order(self, **changes):
        order = dict(copy.deepcopy(self.shop.objects['orders'][101]), **copy.deepcopy(ORDER))
        order['items'] = copy.deepcopy(ITEMS)
        order.update(changes)
        self.shop.add('orders', order)
        self.sync()
        return self.binding('orders', 107), self.order(107)


class TestInvoiceTaxesThroughSync(TwoRateCase):
    """A two-rate order of the issue, imported, invoiced and validated by a run."""

    def test_the_invoice_rounds_as_the_shop_and_the_tax_report_follows(self):
        row, order = self.add_order()
        self.assertEqual(row.state, 'synced', row.error)
        self.assertEqual(self.totals(order), (D('2.25'), D('0.21'), D('2.46')))
        [invoice] = order.invoice_ids
        self.assertEqual(invoice.state, 'open')
        self.assertEqual(self.totals(invoice), (D('2.25'), D('0.21'), D('2.46')))
        lines = dict((l.tax_code_id.id, (self.money(l.base), self.money(l.amount)))
                     for l in invoice.tax_line)
        taxes = self.registry('account.tax').browse(self.cr, self.uid, [self.vat21, self.vat6])
        self.assertEqual(lines, {taxes[0].tax_code_id.id: (D('0.50'), D('0.11')),
                                 taxes[1].tax_code_id.id: (D('1.75'), D('0.10'))})
        self.assertIn('0.10 instead of 0.11 (base 1.75 untouched)', row.note)
        # the tax report: the 6% codes' amounts over the invoice's period (only this order
        # uses them; the 21% ones also hold the other orders of the period)
        codes = self.registry('account.tax.code').browse(
            self.cr, self.uid, [taxes[1].tax_code_id.id, taxes[1].base_code_id.id],
            context={'period_id': invoice.period_id.id})
        self.assertEqual([self.money(c.sum_period) for c in codes], [D('0.10'), D('1.75')])

    def test_a_shop_detail_of_another_rate_holds_the_draft_invoice(self):
        details = copy.deepcopy(ORDER['tax_details'])
        details[1]['tax'] = '0.18'
        row, order = self.add_order(tax_details=details)
        self.assertEqual(row.state, 'exception')
        self.assertIn('the invoice differs from the shop: the tax Output VAT 6% is 0.18 in the '
                      'shop and 0.11 on the invoice', row.error)
        [invoice] = order.invoice_ids
        self.assertEqual(invoice.state, 'draft')
        self.assertEqual(self.money(invoice.amount_tax), D('0.22'))

    def test_a_detail_of_an_unmapped_class_holds_the_draft_invoice(self):
        details = copy.deepcopy(ORDER['tax_details']) + [
            {'id': 9, 'method': 'area', 'description': 'Luxury', 'tax': '0.01'}]
        row, _ = self.add_order(tax_details=details)
        self.assertEqual(row.state, 'exception')
        self.assertIn("the shop's tax Luxury (0.01) is on none of the invoice's tax lines",
                      row.error)
