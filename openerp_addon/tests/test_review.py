# -*- coding: utf-8 -*-
"""A reviewer (Satchmo Connector / User) retries and marks rows of their company's shop."""
from openerp.osv import orm

from openerp.addons.openerp_addon.sync import pipeline

from .common import ConnectorCase
from .common_users import connector_user


class TestReview(ConnectorCase):

    def setUp(self):
        super(TestReview, self).setUp()
        self.reviewer = connector_user(self, 'reviewer')
        self._real_client = pipeline.make_client
        pipeline.make_client = self.shop.factory  # the buttons' client, here the fake shop

    def tearDown(self):
        pipeline.make_client = self._real_client
        super(TestReview, self).tearDown()

    def test_a_reviewer_retries_with_the_connectors_rights(self):
        self.sync()
        self.shop.change('organizations', 5, name='')
        self.sync()
        row = self.binding('organizations', 5)
        self.assertEqual((row.state, row.attempts), ('failed', 1))
        self.shop.objects['organizations'][5]['name'] = 'Acme Fixed'  # fixed behind the feed
        self.bindings.action_retry(self.cr, self.reviewer, [row.id])
        row = self.binding('organizations', 5)
        self.assertEqual((row.state, row.attempts, row.error), ('synced', 0, False))
        self.assertEqual(self.record('organizations', 5).name, 'Acme Fixed')

    def test_an_address_row_is_retried_and_marked_through_its_contact(self):
        self.sync()
        self.shop.objects['contacts'][7]['addresses'][2]['street1'] = 'Zone 10'
        address_row = self.binding('addresses', 73)
        self.bindings.action_retry(self.cr, self.reviewer, [address_row.id])
        self.assertEqual(self.record('addresses', 73).street, 'Zone 10')
        self.bindings.action_mark_dirty(self.cr, self.reviewer, [address_row.id])
        self.assertEqual(self.binding('contacts', 7).state, 'dirty')

    def test_an_address_row_finds_its_contact_after_a_partner_merge(self):
        """OpenERP's merge rewrites foreign keys to the surviving partner (here as
        base.partner.merge does, in SQL), not the rows' plain record ids."""
        cr, uid = self.cr, self.uid
        self.sync()
        merged = self.record('contacts', 7)
        survivor = self.registry('res.partner').create(cr, uid, {'name': merged.name})
        cr.execute("UPDATE satchmo_binding SET partner_id = %s WHERE partner_id = %s",
                   (survivor, merged.id))
        cr.execute("UPDATE res_partner SET parent_id = %s WHERE parent_id = %s",
                   (survivor, merged.id))
        self.shop.objects['contacts'][7]['addresses'][2]['street1'] = 'Zone 11'
        address_row = self.binding('addresses', 73)
        self.bindings.action_retry(cr, self.reviewer, [address_row.id])
        address = self.record('addresses', 73)
        self.assertEqual((address.street, address.parent_id.id), ('Zone 11', survivor))
        self.assertEqual(self.binding('contacts', 7).res_id, survivor)

    def test_rows_of_another_companys_shop_are_refused(self):
        cr, uid = self.cr, self.uid
        other_company = self.registry('res.company').create(cr, uid, {'name': 'Elsewhere'})
        other_id = self.backends.create(cr, uid, {
            'name': 'Other shop', 'url': 'http://shop.test', 'company_id': other_company})
        row_id = self.bindings.create(cr, uid, {
            'backend_id': other_id, 'resource': 'organizations', 'shop_id': '5',
            'state': 'failed'})
        for action in (self.bindings.action_retry, self.bindings.action_mark_dirty):
            with self.assertRaises(orm.except_orm):
                action(cr, self.reviewer, [row_id])
        self.assertEqual(self.bindings.read(cr, uid, row_id, ['state'])['state'], 'failed')
