# -*- coding: utf-8 -*-
"""Orders over recorded payloads (payloads/orders.json): lines, taxes, totals, statuses.

The payloads were written by hand from Satchmo's own formulas (sub_total,
discount, shipping, tax per item net, total), with the amounts a real
Satchmo shop gives for them; the comments in the payload generator's cases
are in the payload file's order: 101 paid in full with exact percentage
discounts, 102 an amount discount and free shipping, partly paid, 103 a
total that does not add up, 104 cancelled, 105 a Temp order, 106 a payment a
cent above the invoice (Satchmo's balance rounded up: posted, a cent of credit).
"""
from decimal import Decimal

from .common import ConnectorCase
from .fake_shop import RESOURCES, FakeShop

ORDER_RESOURCES = RESOURCES + ('tax_classes', 'orders')


def company_sale_tax(case, rate, name=None):
    """A sale tax of the company as its chart would have it: output-tax account, tax codes."""
    cr, uid = case.cr, case.uid
    codes = case.registry('account.tax.code')
    label = name or 'Output VAT %g%%' % (rate * 100)
    return case.registry('account.tax').create(cr, uid, {
        'name': label, 'amount': rate, 'type': 'percent', 'type_tax_use': 'sale',
        'price_include': False, 'company_id': case.ref('base.main_company'),
        'account_collected_id': case.ref('account.ova'),
        'account_paid_id': case.ref('account.ova'),
        'tax_code_id': codes.create(cr, uid, {'name': label + ' (tax)'}),
        'base_code_id': codes.create(cr, uid, {'name': label + ' (base)'})})


class OrderCase(ConnectorCase):

    def setUp(self):
        super(OrderCase, self).setUp()
        self.shop = FakeShop(ORDER_RESOURCES)
        company = self.registry('res.company')
        company.write(self.cr, self.uid, [self.ref('base.main_company')],
                      {'tax_calculation_rounding_method': 'round_globally'})
        self.vouchers = self.registry('account.voucher')
        self.vat21 = company_sale_tax(self, 0.21)


    def order(self, shop_id):
        return self.record('orders', shop_id)

    def money(self, value):
        return Decimal(repr(value)).quantize(Decimal('0.01'))

    def totals(self, record):
        return tuple(self.money(v) for v in (record.amount_untaxed, record.amount_tax,
                                             record.amount_total))

    def vouchers_of(self, key):
        return self.vouchers.search(self.cr, self.uid, [
            ('satchmo_backend_id', '=', self.backend_id), ('satchmo_payment_key', '=', key)])


class TestOrderMapping(OrderCase):

    def test_backend_defaults_for_the_company(self):
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertTrue(backend.pricelist_id and backend.sale_shop_id)
        self.assertEqual(backend.sale_journal_id.type, 'sale')
        self.assertIn(backend.payment_journal_id.type, ('bank', 'cash'))
        self.assertTrue(backend.shipping_product_id and backend.discount_product_id)
        self.assertNotIn('Temp', backend.import_statuses)
        self.assertTrue(backend.confirm_orders and backend.create_invoices
                        and backend.validate_invoices and backend.register_payments)

    def test_lines_taxes_and_totals_equal_the_shop(self):
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        order = self.order(101)
        self.assertEqual(order.name, 'SHOP-101')
        self.assertEqual(order.client_order_ref, '101')
        self.assertEqual(order.date_order, '2026-11-20')
        self.assertEqual(self.totals(order), (Decimal('60.35'), Decimal('12.67'),
                                              Decimal('73.02')))
        lines = sorted(order.order_line, key=lambda l: l.sequence)
        self.assertEqual([(l.product_uom_qty, l.price_unit, l.discount) for l in lines],
                         [(2.0, 19.5, 10.0), (1.0, 22.5, 10.0), (1.0, 5.0, 0.0)])
        self.assertIn('Size: Large', lines[1].name)
        self.assertEqual([[t.amount for t in l.tax_id] for l in lines], [[0.21]] * 3)
        self.assertFalse(any(t.price_include for l in lines for t in l.tax_id))
        self.assertEqual(lines[2].product_id, self.backends.browse(
            self.cr, self.uid, self.backend_id).shipping_product_id)

    def test_addresses_come_from_the_order_snapshot(self):
        self.sync()
        order = self.order(101)
        ann = self.record('contacts', 7)
        self.assertEqual(order.partner_id.id, ann.id)
        # billed to the current home address: the existing child partner is reused
        self.assertEqual(order.partner_invoice_id.id, self.record('addresses', 71).id)
        # shipped to where Ann lived then, not to her current default address
        shipping = order.partner_shipping_id
        self.assertEqual((shipping.street, shipping.city, shipping.parent_id.id),
                         ('Oude Baan 5', 'Gent', ann.id))
        self.assertEqual(shipping.type, 'delivery')
        # Bob's identical bill and ship snapshots make one partner, reused by later orders
        bob_orders = [self.order(i) for i in (102, 106)]
        self.assertEqual(len(set(o.partner_invoice_id.id for o in bob_orders)
                             | set(o.partner_shipping_id.id for o in bob_orders)), 1)

    def test_amount_discount_becomes_a_taxed_discount_line(self):
        self.sync()
        order = self.order(102)
        self.assertEqual(self.totals(order), (Decimal('54.50'), Decimal('11.24'),
                                              Decimal('65.74')))
        discount = [l for l in order.order_line if l.price_unit < 0]
        self.assertEqual([(l.price_unit, [t.amount for t in l.tax_id]) for l in discount],
                         [(-5.0, [0.21])])
        shipping = [l for l in order.order_line if 'shipping' in l.name.lower()]
        self.assertEqual([l.price_unit for l in shipping], [0.0])
        untaxed = [l for l in order.order_line if l.price_unit == 1.0]
        self.assertFalse(untaxed and untaxed[0].tax_id)

    def test_total_that_does_not_add_up_is_an_exception(self):
        self.sync()
        row = self.binding('orders', 103)
        self.assertEqual(row.state, 'exception')
        self.assertIn('total: shop 99.99, OpenERP 23.60, difference -76.39', row.error)
        order = self.order(103)
        self.assertEqual(order.state, 'draft')
        self.assertFalse(order.invoice_ids)
        payment = self.binding('payments', 'payment-3')
        self.assertEqual(payment.state, 'exception')
        self.assertIn('the order is an exception', payment.error)
        self.assertFalse(self.vouchers_of('payment-3'))

    def test_a_company_rounding_tax_per_line_imports_no_order(self):
        """Satchmo rounds tax once per order: the checklist stops the first sync; forced, each
        order's row says which company setting to change."""
        self.registry('res.company').write(self.cr, self.uid, [self.ref('base.main_company')],
                                           {'tax_calculation_rounding_method': 'round_per_line'})
        run = self.sync()
        self.assertEqual(run.state, 'failed')
        self.assertIn('Set Round globally', run.reason)
        self.assertIsNone(self.binding('orders', 101))
        run = self.sync(force=True)
        self.assertTrue(run.forced)
        self.assertIn('Forced past the setup checklist', run.reason)
        row = self.binding('orders', 101)
        self.assertEqual(row.state, 'failed')
        self.assertIn('tax rounding method to "Round globally"', row.error)
        self.assertFalse(row.res_id)
        self.assertFalse(self.registry('sale.order').search(
            self.cr, self.uid, [('client_order_ref', '=', '101')]))

    def test_statuses_cancelled_and_skipped(self):
        run = self.sync()
        self.assertEqual(self.order(104).state, 'cancel')
        self.assertIsNone(self.binding('orders', 105))
        counts = dict((c.resource, c) for c in run.count_ids)
        self.assertEqual(counts['orders'].skipped, 1)
        # 103 is built but held (an exception): counted as failed
        self.assertEqual((counts['orders'].created, counts['orders'].failed), (4, 1))

    def test_cancelled_after_invoicing_is_an_exception(self):
        self.sync()
        self.shop.change('orders', 102, status='Cancelled')
        self.sync()
        row = self.binding('orders', 102)
        self.assertEqual(row.state, 'exception')
        self.assertIn('after it was invoiced', row.error)
        self.assertNotEqual(self.order(102).state, 'cancel')

    def test_cancelled_before_invoicing_cancels(self):
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        backend.write({'create_invoices': False})
        self.sync()
        self.assertEqual(self.order(102).state, 'manual')
        self.shop.change('orders', 102, status='Cancelled')
        self.sync()
        self.assertEqual(self.order(102).state, 'cancel')
        self.assertEqual(self.binding('orders', 102).state, 'synced')
