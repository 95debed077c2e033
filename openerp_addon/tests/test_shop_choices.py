# -*- coding: utf-8 -*-
"""The shop form picks statuses, payment modules and tax classes from lists, not typing."""
import mock

from openerp.addons.openerp_addon.sync import pipeline

from .common import ConnectorCase
from .fake_shop import recorded


class TestShopChoices(ConnectorCase):

    def setUp(self):
        super(TestShopChoices, self).setUp()
        self.choices = self.registry('satchmo.shop.choice')
        self.shop.objects['tax_classes'] = dict((t['id'], t) for t in recorded('tax_classes'))
        self.shop.objects['payment_modules'] = {
            1: {'id': 'PAYMENT_DUMMY', 'key': 'PAYMENT_DUMMY', 'label': 'Test', 'active': True}}

    def refresh(self):
        with mock.patch.object(pipeline, 'make_client', side_effect=self.shop.factory):
            self.backends.action_refresh_choices(self.cr, self.uid, [self.backend_id])
        ids = self.choices.search(self.cr, self.uid, [('backend_id', '=', self.backend_id)])
        return sorted((c.kind, c.key) for c in self.choices.browse(self.cr, self.uid, ids))

    def test_refresh_reads_payment_modules_and_tax_classes(self):
        self.assertEqual(self.refresh(), [('payment_module', 'PAYMENT_DUMMY'),
                                          ('tax_class', 'Default'), ('tax_class', 'Shipping')])
        del self.shop.objects['tax_classes'][2]
        self.assertEqual(self.refresh(), [('payment_module', 'PAYMENT_DUMMY'),
                                          ('tax_class', 'Default')])

    def test_picked_statuses_become_the_typed_list(self):
        status_ids = self.choices.search(self.cr, self.uid, [
            ('kind', '=', 'status'), ('key', 'in', ['Shipped', 'New'])])
        self.backends.write(self.cr, self.uid, [self.backend_id],
                            {'import_status_ids': [(6, 0, status_ids)]})
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual(backend.import_statuses, u'New, Shipped')
        self.assertEqual(sorted(c.id for c in backend.import_status_ids), sorted(status_ids))

    def test_the_form_offers_no_typed_statuses(self):
        arch = self.backends.fields_view_get(self.cr, self.uid, view_type='form')['arch']
        self.assertIn('name="import_status_ids"', arch)
        self.assertNotIn('name="import_statuses"', arch)

    def test_picking_a_module_fills_its_key(self):
        self.refresh()
        choice_id = self.choices.search(self.cr, self.uid, [('key', '=', 'PAYMENT_DUMMY')])[0]
        self.assertEqual(self.registry('satchmo.payment.journal').onchange_shop_choice(
            self.cr, self.uid, [], choice_id), {'value': {'module_key': 'PAYMENT_DUMMY'}})
        tax_id = self.choices.search(self.cr, self.uid, [('key', '=', 'Shipping')])[0]
        self.assertEqual(self.registry('satchmo.tax.map').onchange_shop_choice(
            self.cr, self.uid, [], tax_id), {'value': {'tax_class': 'Shipping'}})
