# -*- coding: utf-8 -*-
"""The Settings page edits the company's first shop and the schedule."""
import mock

from openerp.addons.openerp_addon.sync import client
from openerp.osv import orm
from openerp.tests import common

TOKEN = 'sekret-token-123'


class TestSettings(common.TransactionCase):

    def setUp(self):
        super(TestSettings, self).setUp()
        self.settings_obj = self.registry('satchmo.config.settings')
        self.backend_obj = self.registry('satchmo.backend')
        # start from a database without shops (demo data has none, but a
        # test database may be shared)
        existing = self.backend_obj.search(
            self.cr, self.uid, [('active', 'in', (True, False))])
        self.backend_obj.unlink(self.cr, self.uid, existing)

    def save(self, **values):
        defaults = self.settings_obj.default_get(
            self.cr, self.uid, self.settings_obj.fields_get_keys(
                self.cr, self.uid))
        defaults.update(values)
        settings_id = self.settings_obj.create(self.cr, self.uid, defaults)
        self.settings_obj.execute(self.cr, self.uid, [settings_id])
        return settings_id

    def cron(self):
        return self.registry('ir.model.data').get_object(
            self.cr, self.uid, 'openerp_addon', 'ir_cron_satchmo_sync')

    def test_first_save_creates_the_shop_and_switches_the_schedule_on(self):
        defaults = self.settings_obj.default_get(
            self.cr, self.uid, ['sync_scheduled', 'backend_id'])
        self.assertTrue(defaults['sync_scheduled'])
        self.assertFalse(defaults['backend_id'])
        self.save(shop_url='http://shop.test', shop_api_token=TOKEN,
                  sync_interval_number=10, sync_interval_type='minutes')
        backend_ids = self.backend_obj.search(self.cr, self.uid, [])
        self.assertEqual(len(backend_ids), 1)
        backend = self.backend_obj.browse(self.cr, self.uid, backend_ids[0])
        self.assertEqual((backend.url, backend.api_token),
                         ('http://shop.test', TOKEN))
        cron = self.cron()
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type),
                         (10, 'minutes'))

    def test_next_save_edits_the_same_shop(self):
        self.save(shop_url='http://shop.test', shop_api_token=TOKEN)
        defaults = self.settings_obj.default_get(
            self.cr, self.uid, ['shop_url', 'shop_api_token', 'backend_id'])
        self.assertEqual(defaults['shop_url'], 'http://shop.test')
        self.assertEqual(defaults['shop_api_token'], TOKEN)
        self.save(shop_url='http://shop2.test', sync_scheduled=False)
        backend_ids = self.backend_obj.search(self.cr, self.uid, [])
        self.assertEqual(backend_ids, [defaults['backend_id']])
        self.assertEqual(self.backend_obj.browse(
            self.cr, self.uid, backend_ids[0]).url, 'http://shop2.test')
        self.assertFalse(self.cron().active)

    def test_saving_without_url_creates_nothing(self):
        self.save(shop_url=False)
        self.assertFalse(self.backend_obj.search(self.cr, self.uid, []))

    def test_test_connection_uses_the_typed_values(self):
        settings_id = self.settings_obj.create(self.cr, self.uid, {
            'shop_url': 'http://typed.test', 'shop_api_token': TOKEN,
            'shop_verify_tls': True})
        fake = mock.Mock()
        fake.return_value.check.side_effect = client.TokenRejected(
            'The shop rejected the API token')
        with mock.patch.object(client, 'ShopClient', fake):
            with self.assertRaises(orm.except_orm) as caught:
                self.settings_obj.action_test_connection(
                    self.cr, self.uid, [settings_id])
        self.assertEqual(caught.exception.value,
                         'The shop rejected the API token')
        self.assertEqual(fake.call_args[0], ('http://typed.test', TOKEN))
        # testing does not save anything
        self.assertFalse(self.backend_obj.search(self.cr, self.uid, []))
