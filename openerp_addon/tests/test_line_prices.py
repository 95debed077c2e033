# -*- coding: utf-8 -*-
"""Unit prices with more places than OpenERP's "Product Price": the line at its line total."""
import copy
from decimal import Decimal as D

import unittest2

from openerp.addons.openerp_addon.sync.line_prices import describe, for_order, line_totals

from .test_invoice_taxes import ITEMS, TwoRateCase
from .test_order_mapping import OrderCase


RATES = [D('0.21'), D('0.06'), D('0.021')]


def item(quantity, unit_price, discount='0.00'):
    return {'quantity': quantity, 'unit_price': unit_price, 'discount': discount}


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

    def test_the_untaxed_amount_is_the_shops_total_less_its_tax(self):
        # Satchmo, 10 % off and 6.00 shipping at 21 %: 3 x 1.2345 (21 %), 2 x 0.505 (6 %),
        # 1 x 3.3333 (2.1 %): exact total 15.3245043 -> 15.32, tax 2.0777043 -> 2.08, so
        # untaxed 13.24 where the line totals rounded together (8.05) make it 13.25. The
        # cent comes off the 6 % line: every tax still rounds as the shop's (6 %: 0.0546
        # -> 0.0540, 0.05; in all 2.0784, 2.08)
        order = {'total': '15.32', 'tax': '2.08', 'discount': '0.80', 'shipping_cost': '6.00'}
        items = [item('3', '1.234500', '0.37'), item('2', '0.505000', '0.10'),
                 item('1', '3.333300', '0.33')]
        totals, rounding, note = for_order(order, items, 2, RATES, D('1.26'))
        self.assertEqual((totals, rounding), ({0: D('3.71'), 1: D('1.00'), 2: D('3.33')},
                                              D('0.00')))
        self.assertIn(u"untaxed amount is the shop's total less its tax (15.32 - 2.08): "
                      u"2 x 0.505 at 1.00 instead of 1.01", note)

    def test_a_cent_no_line_can_take_is_a_rounding_line_without_tax(self):
        # 3 x 1.2345 (21 %) and 2 x 0.505 (6 %), 10 % off, 4.00 shipping at 21 %: 9.838135
        # -> 9.84, tax 1.594635 -> 1.59, untaxed 8.25 (parts: 8.24). A cent on the 21 %
        # line makes OpenERP's tax 1.5960 (1.60), on the 6 % line its 6 % tax 0.0552 (0.06
        # where the shop says 0.05): the cent is a line of its own, without tax
        order = {'total': '9.84', 'tax': '1.59', 'discount': '0.47', 'shipping_cost': '4.00'}
        totals, rounding, note = for_order(
            order, [item('3', '1.234500', '0.37'), item('2', '0.505000', '0.10')], 2,
            RATES[:2], D('0.84'))
        self.assertEqual((totals, rounding), ({0: D('3.70'), 1: D('1.01')}, D('0.01')))
        self.assertIn(u'A rounding line of 0.01 without tax', note)

    def test_nothing_moves_when_the_rounded_parts_add_up(self):
        # three rates at 3 places: 1.515 + 12.375 + 2.999, 10 % off, 5.00 shipping: 23.73
        order = {'total': '23.73', 'tax': '3.53', 'discount': '1.69', 'shipping_cost': '5.00'}
        items = [item('3', '0.505000', '0.15'), item('3', '4.125000', '1.24'),
                 item('1', '2.999000', '0.30')]
        totals, rounding, note = for_order(order, items, 2, [D('0.06'), D('0.21'), D('0.021')],
                                           D('1.05'))
        self.assertEqual((totals, rounding, note), (line_totals(items, 2), D('0.00'), None))

    def test_a_target_out_of_a_cent_a_line_is_not_forced(self):
        # two cents off one line would put it further than a cent from its exact total:
        # the shop's own rounding is kept and the order is held with its difference
        items = [item('3', '1.234500')]
        self.assertEqual(line_totals(items, 2, D('3.72'), [D('0.21')]), {0: D('3.70')})
        self.assertEqual(line_totals(items, 2, D('3.71'), [D('0.21')]), {0: D('3.71')})

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


class TestFourPlacesMixedRatesThroughSync(TwoRateCase):
    """The rounding line's case, imported, invoiced and validated by a run."""

    def test_the_order_and_invoice_owe_the_shops_total(self):
        items = copy.deepcopy(ITEMS)
        items[0].update(quantity='3', unit_price='1.234500', unit_tax='0.259245',
                        line_item_price='3.70', tax='0.70', discount='0.37')
        items[1].update(quantity='2', unit_price='0.505000', unit_tax='0.030300',
                        line_item_price='1.01', tax='0.05', discount='0.10')
        row, order = self.add_order(
            items=items, sub_total='4.71', discount='0.47', discount_code='TENOFF',
            shipping_cost='4.00', tax='1.59', total='9.84', tax_details=[
                {'id': 7, 'method': 'area', 'description': 'Default', 'tax': '0.70'},
                {'id': 8, 'method': 'area', 'description': 'Reduced', 'tax': '0.05'},
                {'id': 9, 'method': 'area', 'description': 'Shipping', 'tax': '0.84'}])
        self.assertEqual(row.state, 'synced', row.error)
        self.assertEqual(self.totals(order), (D('8.25'), D('1.59'), D('9.84')))
        [invoice] = order.invoice_ids
        self.assertEqual(invoice.state, 'open')
        self.assertEqual(self.totals(invoice), (D('8.25'), D('1.59'), D('9.84')))
        self.assertIn(u'A rounding line of 0.01 without tax', row.note)
        rounding = [l for l in order.order_line if l.name == u'Rounding']
        self.assertEqual([(l.price_subtotal, [t.id for t in l.tax_id]) for l in rounding],
                         [(0.01, [])])
