# -*- coding: utf-8 -*-
"""The "Test connection" button: says what is wrong, never shows the token."""
import mock

from openerp.addons.openerp_addon.sync import client
from openerp.osv import orm
from openerp.tests import common

TOKEN = 'sekret-token-123'


class TestConnection(common.TransactionCase):

    def setUp(self):
        super(TestConnection, self).setUp()
        self.backend_obj = self.registry('satchmo.backend')
        self.backend_id = self.backend_obj.create(self.cr, self.uid, {
            'name': 'Test shop', 'url': 'http://127.0.0.1:1',
            'api_token': TOKEN, 'timeout': 2})

    def press(self, error=None, root=None):
        """Press the button with a shop whose check() raises or answers."""
        fake = mock.Mock()
        if error is not None:
            fake.return_value.check.side_effect = error
        else:
            fake.return_value.check.return_value = root
        with mock.patch.object(client, 'ShopClient', fake):
            with self.assertRaises(orm.except_orm) as caught:
                self.backend_obj.action_test_connection(
                    self.cr, self.uid, [self.backend_id])
        return fake, caught.exception

    def test_success_runs_the_setup_checklist(self):
        fake = mock.Mock()
        fake.return_value.check.return_value = {'products': 'x', 'contacts': 'y'}
        fake.return_value.shop_info.return_value = None
        with mock.patch.object(client, 'ShopClient', fake):
            self.assertTrue(self.backend_obj.action_test_connection(
                self.cr, self.uid, [self.backend_id]))
        lines = self.backend_obj.browse(self.cr, self.uid, self.backend_id).check_line_ids
        self.assertEqual((lines[0].name, lines[0].state), ('Shop reachable, token valid', 'ok'))
        self.assertIn('contacts, products', lines[0].message)
        self.assertFalse(any(TOKEN in (line.message or '') for line in lines))
        args, kwargs = fake.call_args
        self.assertEqual(args, ('http://127.0.0.1:1', TOKEN))
        self.assertEqual(kwargs, {'verify': True, 'timeout': 2})

    def test_each_problem_is_said_as_the_client_says_it(self):
        for error in (client.ShopUnreachable('The shop does not answer'),
                      client.TokenRejected('The shop rejected the API token'),
                      client.BadUrl('This is not a shop URL'),
                      client.BadResponse('The shop answered garbage')):
            shown = self.press(error=error)[1]
            self.assertEqual(shown.name, 'Connection failed')
            self.assertEqual(shown.value, str(error))

    def test_token_never_shown(self):
        shown = self.press(error=client.BadResponse(
            'unexpected answer to Token %s' % TOKEN))[1]
        self.assertNotIn(TOKEN, shown.value)

    def test_real_client_on_a_closed_port(self):
        """No mock: the teammate's client reports an unreachable shop."""
        with self.assertRaises(orm.except_orm) as caught:
            self.backend_obj.action_test_connection(
                self.cr, self.uid, [self.backend_id])
        self.assertEqual(caught.exception.name, 'Connection failed')
        self.assertNotIn(TOKEN, caught.exception.value)

    def test_missing_url(self):
        with self.assertRaises(orm.except_orm) as caught:
            self.backend_obj.check_connection(self.cr, self.uid, '', TOKEN)
        self.assertIn('URL', caught.exception.value)
