# -*- coding: utf-8 -*-
"""Groups and companies: who sees the token, who sees which shop's data."""
from openerp.osv import orm
from openerp.tests import common

from .common_users import connector_user

TOKEN = 'sekret-token-123'


class TestSecurity(common.TransactionCase):

    def setUp(self):
        super(TestSecurity, self).setUp()
        cr, uid = self.cr, self.uid
        self.backend_obj = self.registry('satchmo.backend')
        self.binding_obj = self.registry('satchmo.binding')
        self.run_obj = self.registry('satchmo.sync.run')
        self.backend_id = self.backend_obj.create(cr, uid, {
            'name': 'Test shop', 'url': 'http://127.0.0.1:1',
            'api_token': TOKEN})
        self.user_id = connector_user(self, 'satchmo_user')
        self.manager_id = connector_user(
            self, 'satchmo_manager', 'group_satchmo_manager')

    def test_manager_implies_user(self):
        group = self.registry('ir.model.data').get_object(
            self.cr, self.uid, 'openerp_addon', 'group_satchmo_manager')
        self.assertIn('User', [g.name for g in group.implied_ids])

    def test_token_only_for_managers(self):
        cr = self.cr
        self.assertNotIn('api_token', self.backend_obj.fields_get(
            cr, self.user_id, ['api_token']))
        with self.assertRaises(orm.except_orm):
            self.backend_obj.read(cr, self.user_id, self.backend_id,
                                  ['api_token'])
        # a plain read of everything leaves the token out
        self.assertNotIn('api_token', self.backend_obj.read(
            cr, self.user_id, self.backend_id))
        self.assertEqual(self.backend_obj.read(
            cr, self.manager_id, self.backend_id, ['api_token'])['api_token'],
            TOKEN)

    def test_token_unreachable_through_domains_and_its_own_model(self):
        cr = self.cr
        for login in (self.user_id, self.manager_id):
            with self.assertRaises(orm.except_orm):
                self.backend_obj.search(cr, login, [('api_token', '=like', 's%')])
        secrets = self.registry('satchmo.backend.secret')
        with self.assertRaises(orm.except_orm):
            secrets.search(cr, self.user_id, [('api_token', '=like', 's%')])
        with self.assertRaises(orm.except_orm):
            secrets.read(cr, self.user_id, secrets.search(cr, self.uid, []), ['api_token'])
        # no column left to sort by, either
        self.assertNotIn('api_token', [c['column_name'] for c in self._columns_of(
            'satchmo_backend')])
        self.backend_obj.write(cr, self.manager_id, [self.backend_id], {'api_token': 'new'})
        self.assertEqual(self.backend_obj.read(
            cr, self.manager_id, self.backend_id, ['api_token'])['api_token'], 'new')
        with self.assertRaises(orm.except_orm):
            self.backend_obj.write(cr, self.user_id, [self.backend_id], {'api_token': 'x'})

    def _columns_of(self, table):
        self.cr.execute("SELECT column_name FROM information_schema.columns "
                        "WHERE table_name = %s", (table,))
        return self.cr.dictfetchall()

    def test_users_cannot_configure(self):
        with self.assertRaises(orm.except_orm):
            self.backend_obj.write(self.cr, self.user_id, [self.backend_id],
                                   {'url': 'http://elsewhere'})
        self.backend_obj.write(self.cr, self.manager_id, [self.backend_id],
                               {'url': 'http://elsewhere'})

    def test_users_see_and_retry_rows(self):
        row_id = self.binding_obj.create(self.cr, self.uid, {
            'backend_id': self.backend_id, 'resource': 'products',
            'shop_id': '1', 'state': 'failed'})
        self.assertEqual(self.binding_obj.search(
            self.cr, self.user_id, [('id', '=', row_id)]), [row_id])
        self.binding_obj.action_mark_dirty(self.cr, self.user_id, [row_id])
        self.assertEqual(self.binding_obj.read(
            self.cr, self.uid, row_id, ['state'])['state'], 'dirty')

    def test_other_companies_shops_are_invisible(self):
        cr, uid = self.cr, self.uid
        other_company = self.registry('res.company').create(
            cr, uid, {'name': 'Other shop company'})
        other_id = self.backend_obj.create(cr, uid, {
            'name': 'Other shop', 'url': 'http://127.0.0.1:2',
            'company_id': other_company})
        row_id = self.binding_obj.create(cr, uid, {
            'backend_id': other_id, 'resource': 'products', 'shop_id': '1',
            'state': 'failed'})
        run_id = self.run_obj.create(cr, uid, {'backend_id': other_id})
        manager = self.manager_id
        self.assertEqual(self.backend_obj.search(
            cr, manager, [('id', 'in', [self.backend_id, other_id])]),
            [self.backend_id])
        self.assertFalse(self.binding_obj.search(
            cr, manager, [('id', '=', row_id)]))
        self.assertFalse(self.run_obj.search(
            cr, manager, [('id', '=', run_id)]))
        # a manager of that company sees them
        other_manager = connector_user(
            self, 'other_manager', 'group_satchmo_manager', other_company)
        self.assertEqual(self.binding_obj.search(
            cr, other_manager, [('id', '=', row_id)]), [row_id])
