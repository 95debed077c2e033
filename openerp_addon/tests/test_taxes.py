# -*- coding: utf-8 -*-
"""Which tax an unmapped Satchmo rate gets: only the company's own sale tax, or none."""
from decimal import Decimal

from openerp.addons.openerp_addon.sync.mapper import MappingError
from openerp.addons.openerp_addon.sync.taxes import TaxResolver, percent

from .test_order_mapping import OrderCase, company_sale_tax

RATE = Decimal('0.21')


class TestTaxMatching(OrderCase):

    def resolver(self):
        return TaxResolver(self.cr, self.uid, self.registry('satchmo.tax.map').pool,
                           self.backends.browse(self.cr, self.uid, self.backend_id))

    def map_lines(self):
        maps = self.registry('satchmo.tax.map')
        return maps.browse(self.cr, self.uid, maps.search(
            self.cr, self.uid, [('backend_id', '=', self.backend_id)]))

    def test_rates_print_plainly(self):
        self.assertEqual([percent(Decimal(r)) for r in ('0.1', '0.2', '0.21', '0.055', '1')],
                         ['10', '20', '21', '5.5', '100'])

    def test_creation_is_off_by_default(self):
        self.assertFalse(self.backends.browse(self.cr, self.uid, self.backend_id).create_taxes)

    def test_the_one_company_sale_tax_of_the_rate_is_used_and_mapped(self):
        taxes = self.registry('account.tax')
        # lookalikes that must never be taken: purchase, price-included, another company's
        taxes.write(self.cr, self.uid, [company_sale_tax(self, 0.21, 'Input 21')],
                    {'type_tax_use': 'purchase'})
        taxes.write(self.cr, self.uid, [company_sale_tax(self, 0.21, 'Incl 21')],
                    {'price_include': True})
        other = self.registry('res.company').create(self.cr, self.uid, {'name': 'Other Co'})
        taxes.write(self.cr, self.uid, [company_sale_tax(self, 0.21, 'Other 21')],
                    {'company_id': other})
        self.assertEqual(self.resolver().taxes_for(u'Default', RATE), [self.vat21])
        self.assertEqual([(l.tax_class, l.tax_id.id) for l in self.map_lines()],
                         [(u'Default', self.vat21)])

    def test_a_mapping_line_wins(self):
        services = company_sale_tax(self, 0.21, 'Services 21')
        self.registry('satchmo.tax.map').create(self.cr, self.uid, {
            'backend_id': self.backend_id, 'tax_class': 'Default', 'rate': 0.21,
            'tax_id': services})
        self.assertEqual(self.resolver().taxes_for(u'default', RATE), [services])

    def test_two_sale_taxes_of_the_rate_fail_naming_them(self):
        company_sale_tax(self, 0.21, 'Services 21')
        with self.assertRaises(MappingError) as caught:
            self.resolver().taxes_for(u'Default', RATE)
        self.assertIn('Output VAT 21%, Services 21', u'%s' % caught.exception)
        self.assertFalse(self.map_lines())

    def test_no_tax_of_the_rate_fails_the_order_naming_class_rate_and_where(self):
        self.shop.change('orders', 101, items=[dict(self.shop.objects['orders'][101]['items'][0],
                                                    unit_tax='1.950000')])
        run = self.sync()
        row = self.binding('orders', 101)
        self.assertEqual(row.state, 'failed', run.reason)
        self.assertIn('Satchmo tax class Default at 10%', row.error)
        self.assertIn('Tax class (and rate) to tax', row.error)
        self.assertIn('/#id=%d&view_type=form&model=satchmo.backend' % self.backend_id,
                      row.error)
        self.assertFalse(self.registry('account.tax').search(
            self.cr, self.uid, [('name', 'like', 'Satchmo%')]))

    def test_created_taxes_copy_accounts_and_codes_from_the_template(self):
        template = self.registry('account.tax').browse(self.cr, self.uid, self.vat21)
        self.backends.write(self.cr, self.uid, [self.backend_id],
                            {'create_taxes': True, 'tax_template_id': self.vat21})
        [tax_id] = self.resolver().taxes_for(u'Shipping', Decimal('0.1'))
        tax = self.registry('account.tax').browse(self.cr, self.uid, tax_id)
        self.assertEqual(tax.name, u'Satchmo Shipping 10%')
        self.assertEqual((tax.amount, tax.type_tax_use, tax.price_include), (0.1, 'sale', False))
        for name in ('account_collected_id', 'account_paid_id', 'tax_code_id', 'base_code_id'):
            self.assertEqual(getattr(tax, name), getattr(template, name), name)
        self.assertEqual(tax.account_collected_id.id, self.ref('account.ova'))

    def test_creation_without_a_template_fails_saying_so(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'create_taxes': True})
        with self.assertRaises(MappingError) as caught:
            self.resolver().taxes_for(u'Shipping', Decimal('0.1'))
        self.assertIn('no template tax', u'%s' % caught.exception)
