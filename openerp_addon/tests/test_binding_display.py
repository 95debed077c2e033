# -*- coding: utf-8 -*-
"""Mapping rows for the people who review them: names, payloads, shop links, counter, no delete."""
import json

from openerp import SUPERUSER_ID
from openerp.osv import orm

from .common import ConnectorCase
from .common_users import connector_user
from .fake_shop import recorded


class TestBindingDisplay(ConnectorCase):

    def test_rows_name_their_object_and_keep_what_the_shop_sent(self):
        self.sync()
        product = self.binding('products', 10)
        self.assertEqual(product.object_name, u'Python Rocks shirt [PY-ROCKS]')
        self.assertEqual(json.loads(product.last_payload),
                         self.shop.objects['products'][10])
        contact = self.binding('contacts', 7)
        self.assertEqual(contact.object_name, u'Ann Lema\xeetre <ann@example.com>')
        self.env().binder.fail('orders', 101, 'broken', recorded('orders')[0])
        self.assertEqual(self.binding('orders', 101).object_name,
                         u'Order 101 (Ann Lema\xeetre, 2026-11-20)')

    def test_a_failed_row_keeps_the_payload_that_failed(self):
        self.sync()
        row = self.binding('products', 30)  # the recorded product 30 has no name
        self.assertEqual(row.state, 'failed')
        self.assertEqual(row.object_name, u'(no name) [NONAME]')
        self.assertEqual(json.loads(row.last_payload)['id'], 30)

    def test_secrets_never_reach_the_row(self):
        binder = self.env().binder
        binder.fail('contacts', 99, 'broken', {
            'id': 99, 'first_name': 'Eve', 'password': 'hunter2',
            'nested': [{'api_token': 'abc', 'city': 'Gent'}]})
        payload = self.binding('contacts', 99).last_payload
        self.assertNotIn('hunter2', payload)
        self.assertNotIn('abc', payload)
        self.assertIn('Gent', payload)

    def test_link_to_the_object_in_the_shops_admin(self):
        self.backends.write(self.cr, self.uid, [self.backend_id],
                            {'url': 'https://shop.test/api/v1/'})
        binder = self.env().binder
        binder.fail('orders', 101, 'broken', {'id': 101})
        binder.fail('countries', 21, 'broken', {'id': 21})
        self.assertEqual(self.binding('orders', 101).shop_admin_url,
                         'https://shop.test/admin/shop/order/101/')
        self.assertEqual(self.binding('countries', 21).shop_admin_url,
                         'https://shop.test/admin/l10n/country/21/')

    def test_the_menu_counts_failures(self):
        binder = self.env().binder
        binder.fail('products', 1, 'broken', {'id': 1})
        binder.fail('products', 2, 'broken', {'id': 2})
        binder.bind('products', 3, 'product.product', 1, 'x', {'id': 3})
        data = self.registry('ir.model.data')
        menu_id = data.get_object_reference(
            self.cr, self.uid, 'openerp_addon', 'menu_satchmo_binding_failures')[1]
        user_id = connector_user(self, 'satchmo_user')
        counts = self.registry('ir.ui.menu').get_needaction_data(self.cr, user_id, [menu_id])
        self.assertTrue(counts[menu_id]['needaction_enabled'])
        self.assertEqual(counts[menu_id]['needaction_counter'], 2)

    def test_people_cannot_delete_rows_whatever_their_group(self):
        binder = self.env().binder
        binder.bind('products', 3, 'product.product', 1, 'x', {'id': 3})
        row_id = self.binding('products', 3).id
        for login, group in (('satchmo_user', 'group_satchmo_user'),
                             ('satchmo_manager', 'group_satchmo_manager')):
            user_id = connector_user(self, login, group)
            with self.assertRaises(orm.except_orm) as refused:
                self.bindings.unlink(self.cr, user_id, [row_id])
            self.assertIn('duplicate', refused.exception.value)
        self.assertTrue(self.bindings.unlink(self.cr, SUPERUSER_ID, [row_id]))
