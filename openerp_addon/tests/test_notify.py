# -*- coding: utf-8 -*-
"""A run with new failures posts one message to the connector managers."""
from openerp.tests import common

from .common_users import connector_user


class TestNotifyFailures(common.TransactionCase):

    def setUp(self):
        super(TestNotifyFailures, self).setUp()
        cr, uid = self.cr, self.uid
        self.backend_obj = self.registry('satchmo.backend')
        self.message_obj = self.registry('mail.message')
        self.backend_id = self.backend_obj.create(cr, uid, {
            'name': 'Test shop', 'url': 'http://127.0.0.1:1',
            'api_token': 'sekret-token-123'})
        self.run_id = self.registry('satchmo.sync.run').create(cr, uid, {
            'backend_id': self.backend_id, 'state': 'done'})
        users = self.registry('res.users')
        self.manager = users.browse(cr, uid, connector_user(
            self, 'satchmo_manager', 'group_satchmo_manager'))
        self.user = users.browse(cr, uid, connector_user(
            self, 'satchmo_user', 'group_satchmo_user'))

    def test_one_message_with_counts_and_link(self):
        before = set(self.message_obj.search(self.cr, self.uid, [
            ('model', '=', 'satchmo.backend'),
            ('res_id', '=', self.backend_id)]))
        self.backend_obj.notify_failures(
            self.cr, self.uid, self.backend_id, self.run_id,
            {'products': 2, 'contacts': 1, 'countries': 0})
        new = set(self.message_obj.search(self.cr, self.uid, [
            ('model', '=', 'satchmo.backend'),
            ('res_id', '=', self.backend_id)])) - before
        self.assertEqual(len(new), 1)
        message = self.message_obj.browse(self.cr, self.uid, new.pop())
        self.assertIn('3 new failed records', message.body)
        self.assertIn('products: 2', message.body)
        self.assertIn('contacts: 1', message.body)
        self.assertNotIn('countries', message.body)
        self.assertNotIn('sekret-token-123', message.body)
        action_id = self.registry('ir.model.data').get_object_reference(
            self.cr, self.uid, 'openerp_addon',
            'action_satchmo_binding_failures')[1]
        self.assertIn('#action=%d' % action_id, message.body)
        recipients = [partner.id for partner in message.partner_ids]
        self.assertIn(self.manager.partner_id.id, recipients)
        self.assertNotIn(self.user.partner_id.id, recipients)

    def test_a_plain_number_works_too(self):
        message_id = self.backend_obj.notify_failures(
            self.cr, self.uid, self.backend_id, self.run_id, 4)
        body = self.message_obj.browse(self.cr, self.uid, message_id).body
        self.assertIn('4 new failed records', body)

    def test_nothing_new_nothing_posted(self):
        self.assertFalse(self.backend_obj.notify_failures(
            self.cr, self.uid, self.backend_id, self.run_id, 0))
        self.assertFalse(self.backend_obj.notify_failures(
            self.cr, self.uid, self.backend_id, self.run_id,
            {'products': 0}))
