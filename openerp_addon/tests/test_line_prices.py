# -*- coding: utf-8 -*-
"""Unit prices with more places than OpenERP's "Product Price": the line at its line total."""
import copy
from decimal import Decimal as D

import unittest2

from openerp.addons.openerp_addon.sync.line_prices import describe, line_totals

from .test_order_mapping import OrderCase


def item(quantity, unit_price):
    return {'quantity': quantity, 'unit_price': unit_price}


class TestLineTotals(unittest2.TestCase):

    def test_prices_that_fit_keep_their_unit_price(self):
        self.assertEqual(line_totals([item('3', '19.500000')], 2), {})
        self.assertEqual(line_totals([item('3', '1.234500')], 4), {})

    def test_exact_line_totals_are_kept(self):
        self.assertEqual(line_totals([item('2', '1.125000'), item('1', '5.000000')], 2),
                         {0: D('2.250000')})

    def test_line_totals_add_up_to_the_shop_sum_rounded_once(self):
        # 3.7035 + 2.4690 + 1.1105 = 7.2830 -> 7.28: down to 3.70 + 2.46 + 1.11 = 7.27,
        # the missing cent to the largest remainder (2.4690)
        totals = line_totals([item('3', '1.234500'), item('2', '1.234500'),
                              item('1', '1.110500')], 2)
        self.assertEqual(sum(totals.values()), D('7.28'))
        self.assertEqual(totals, {0: D('3.70'), 1: D('2.47'), 2: D('1.11')})
        # 0.3335 * 3 = 1.0005 -> the shop's 1.00; not 0.33 + 0.33 + 0.33 = 0.99
        totals = line_totals([item('1', '0.333500')] * 3, 2)
        self.assertEqual((sum(totals.values()), totals[0]), (D('1.00'), D('0.34')))

    def test_the_description_tells_quantity_and_unit_price_plainly(self):
        self.assertEqual(describe(item('10', '11.110500')), u'10 x 11.1105')


class TestOrderAtFourPlaces(OrderCase):

    def test_the_order_and_invoice_equal_the_shop_at_the_precision_the_user_set(self):
        order = copy.deepcopy(self.shop.objects['orders'][101])
        first = dict(order['items'][0], quantity='3', unit_price='1.234500',
                     unit_tax='0.259245', line_item_price='3.70', discount='0.00')
        second = dict(order['items'][1], quantity='1', unit_price='2.333300',
                      unit_tax='0.489993', line_item_price='2.33', discount='0.00')
        # 3.7035 + 2.3333 = 6.0368 -> lines 3.71 + 2.33; tax 21% of it and of the 5.00
        # shipping: 1.267728 + 1.05 -> 2.32 (OpenERP: 21% of 6.04 + 1.05 = 2.3184)
        order.update(id=108, items=[first, second], sub_total='6.04', discount='0.00',
                     discount_code='', tax='2.32', total='13.36', payments=[],
                     tax_details=[{'id': 1, 'method': 'area', 'description': 'Default',
                                   'tax': '1.27'},
                                  {'id': 2, 'method': 'area', 'description': 'Shipping',
                                   'tax': '1.05'}])
        self.shop.add('orders', order)
        self.sync()
        row, record = self.binding('orders', 108), self.order(108)
        self.assertEqual(row.state, 'synced', row.error)
        self.assertEqual(self.totals(record), (D('11.04'), D('2.32'), D('13.36')))
        self.assertEqual(self.totals(record.invoice_ids[0]), (D('11.04'), D('2.32'),
                                                              D('13.36')))
        lines = sorted(record.order_line, key=lambda l: l.sequence)
        self.assertEqual([(l.product_uom_qty, l.price_unit) for l in lines[:2]],
                         [(1.0, 3.71), (1.0, 2.33)])
        self.assertIn('(3 x 1.2345)', lines[0].name)
        precision = self.registry('decimal.precision')
        self.assertEqual(precision.precision_get(self.cr, self.uid, 'Product Price'), 2)
