# -*- coding: utf-8 -*-
"""The mapping list's actions: Failures menu, "Mark dirty" on many rows."""
from openerp.tests import common

from .common_users import connector_user


class TestBindingUi(common.TransactionCase):

    def setUp(self):
        super(TestBindingUi, self).setUp()
        cr, uid = self.cr, self.uid
        self.binding_obj = self.registry('satchmo.binding')
        self.data_obj = self.registry('ir.model.data')
        backend_id = self.registry('satchmo.backend').create(cr, uid, {
            'name': 'Test shop', 'url': 'http://127.0.0.1:1'})
        self.rows = {}
        for state in ('synced', 'dirty', 'failed', 'exception'):
            self.rows[state] = self.binding_obj.create(cr, uid, {
                'backend_id': backend_id, 'resource': 'products',
                'shop_id': state, 'state': state})

    def ref(self, name):
        return self.data_obj.get_object_reference(
            self.cr, self.uid, 'openerp_addon', name)[1]

    def test_failures_action_lists_failed_and_exceptions(self):
        action = self.registry('ir.actions.act_window').read(
            self.cr, self.uid, self.ref('action_satchmo_binding_failures'),
            ['domain', 'res_model'])
        self.assertEqual(action['res_model'], 'satchmo.binding')
        found = self.binding_obj.search(
            self.cr, self.uid, eval(action['domain']) + [
                ('id', 'in', self.rows.values())])
        self.assertEqual(sorted(found), sorted(
            [self.rows['failed'], self.rows['exception']]))

    def test_mark_dirty_on_selected_rows(self):
        """The server action in the list's More menu, as a User runs it."""
        user_id = connector_user(self, 'satchmo_user')
        selected = [self.rows['failed'], self.rows['exception']]
        result = self.registry('ir.actions.server').run(
            self.cr, user_id,
            [self.ref('action_server_satchmo_binding_mark_dirty')],
            context={'active_model': 'satchmo.binding',
                     'active_id': selected[0], 'active_ids': selected})
        self.assertEqual(result, {'type': 'ir.actions.act_window_close'})
        states = dict((row['id'], row['state']) for row in
                      self.binding_obj.read(self.cr, self.uid,
                                            self.rows.values(), ['state']))
        self.assertEqual(states[self.rows['failed']], 'dirty')
        self.assertEqual(states[self.rows['exception']], 'dirty')
        self.assertEqual(states[self.rows['synced']], 'synced')

    def test_actions_in_the_more_menu(self):
        actions = self.registry('ir.values').get(
            self.cr, self.uid, 'action', 'client_action_multi',
            [('satchmo.binding', False)])
        names = [action[1] for action in actions]
        self.assertIn('Retry selected', names)
        self.assertIn('Import again at the next run', names)

    def test_list_colours_by_state(self):
        arch = self.binding_obj.fields_view_get(
            self.cr, self.uid, view_type='tree')['arch']
        # "needs you" and "will retry by itself" must not look alike
        self.assertIn("red:state == 'exception'", arch)
        self.assertIn("darkorange:state == 'failed'", arch)
        self.assertIn("blue:state == 'dirty'", arch)
