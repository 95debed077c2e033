# -*- coding: utf-8 -*-
"""Customers as people: which shop contacts become one OpenERP customer."""
from .common import ConnectorCase


def guest(shop_id, email, **values):
    payload = {'id': shop_id, 'title': '', 'first_name': 'Gail', 'last_name': 'Guest',
               'email': email, 'role': 'Customer', 'organization_id': None, 'notes': '',
               'dob': None, 'has_account': False, 'phones': [],
               'addresses': [{'id': shop_id * 10, 'description': '', 'addressee': 'Gail Guest',
                              'street1': 'Street %d' % shop_id, 'street2': '',
                              'city': 'Gent', 'state': '', 'postal_code': '9000',
                              'country': 'BE', 'is_default_billing': True,
                              'is_default_shipping': True}]}
    payload.update(values)
    return payload


class TestCustomerMatching(ConnectorCase):

    def setUp(self):
        super(TestCustomerMatching, self).setUp()
        self.partners = self.registry('res.partner')

    def rule(self, **values):
        self.backends.write(self.cr, self.uid, [self.backend_id], values)

    def partner_of(self, shop_id):
        return self.record('contacts', shop_id)

    def test_guests_with_one_email_in_any_case_are_one_customer(self):
        self.sync()
        self.shop.add('contacts', guest(31, 'gail@example.com'))
        self.shop.add('contacts', guest(32, '  Gail@Example.COM '))
        self.shop.add('contacts', guest(33, 'other@example.com'))
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        self.assertEqual(self.partner_of(31).id, self.partner_of(32).id)
        self.assertNotEqual(self.partner_of(31).id, self.partner_of(33).id)
        # each contact's address stays, under the one customer
        streets = sorted(c.street for c in self.partner_of(31).child_ids if c.active)
        self.assertEqual(streets, ['Street 31', 'Street 32'])
        self.assertEqual(self.binding('contacts', 32).match_email, 'gail@example.com')

    def test_a_contact_with_a_shop_account_stays_separate_by_default(self):
        self.sync()
        self.shop.add('contacts', guest(31, 'gail@example.com'))
        self.shop.add('contacts', guest(32, 'Gail@example.com', has_account=True))
        self.sync()
        self.assertNotEqual(self.partner_of(31).id, self.partner_of(32).id)
        self.assertTrue(self.binding('contacts', 32).shop_account)

    def test_a_shop_that_does_not_say_merges_nobody(self):
        self.sync()
        first, second = guest(31, 'gail@example.com'), guest(32, 'gail@example.com')
        del first['has_account'], second['has_account']
        self.shop.add('contacts', first)
        self.shop.add('contacts', second)
        self.sync()
        self.assertNotEqual(self.partner_of(31).id, self.partner_of(32).id)

    def test_merging_by_email_takes_accounts_in_when_the_owner_chooses_it(self):
        self.rule(customer_matching='email')
        self.sync()
        self.shop.add('contacts', guest(31, 'gail@example.com'))
        self.shop.add('contacts', guest(32, 'GAIL@example.com', has_account=True))
        self.sync()
        self.assertEqual(self.partner_of(31).id, self.partner_of(32).id)

    def test_one_customer_per_contact_when_the_owner_chooses_it(self):
        self.rule(customer_matching='contact')
        self.sync()
        self.shop.add('contacts', guest(31, 'gail@example.com'))
        self.shop.add('contacts', guest(32, 'gail@example.com'))
        self.sync()
        self.assertNotEqual(self.partner_of(31).id, self.partner_of(32).id)

    def test_guests_without_email_are_never_merged(self):
        self.sync()
        self.shop.add('contacts', guest(31, ''))
        self.shop.add('contacts', guest(32, '  '))
        self.sync()
        self.assertNotEqual(self.partner_of(31).id, self.partner_of(32).id)

    def test_existing_customers_are_matched_only_when_switched_on(self):
        typed_in = self.partners.create(self.cr, self.uid, {
            'name': 'Gail Guest (typed in)', 'email': 'Gail@Example.com ', 'customer': True})
        self.sync()
        self.shop.add('contacts', guest(31, 'gail@example.com'))
        self.sync()
        self.assertNotEqual(self.partner_of(31).id, typed_in)
        self.rule(match_existing_customers=True)
        self.shop.add('contacts', guest(41, 'gail@example.com', has_account=True))
        self.sync()
        self.assertEqual(self.partner_of(41).id, typed_in)

    def test_a_deleted_guest_leaves_the_customer_of_the_others_active(self):
        self.sync()
        self.shop.add('contacts', guest(31, 'gail@example.com'))
        self.shop.add('contacts', guest(32, 'gail@example.com'))
        self.sync()
        self.shop.delete('contacts', 32)
        self.sync()
        self.assertTrue(self.partner_of(31).active)
        self.shop.delete('contacts', 31)
        self.sync()
        self.assertFalse(self.partner_of(31).active)

    def test_the_row_follows_its_partner_by_a_foreign_key_the_merge_wizard_rewrites(self):
        # base.partner.merge lists the foreign keys to res_partner in pg_constraint
        # and rewrites those; a plain integer column is left alone
        self.cr.execute("""
            SELECT 1 FROM pg_constraint c
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
             WHERE c.contype = 'f' AND c.conrelid = 'satchmo_binding'::regclass
               AND c.confrelid = 'res_partner'::regclass AND a.attname = 'partner_id'""")
        self.assertTrue(self.cr.fetchone())
        self.sync()
        row = self.binding('contacts', 8)
        self.assertEqual(row.partner_id.id, row.res_id)

    def test_a_partner_deleted_by_hand_is_made_again_at_the_next_change(self):
        self.sync()
        self.shop.add('contacts', guest(31, 'gail@example.com'))
        self.sync()
        gone = self.partner_of(31).id
        self.partners.unlink(self.cr, self.uid, [gone])
        self.assertFalse(self.binding('contacts', 31).partner_id)
        self.shop.change('contacts', 31, first_name='Gaila')
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        again = self.partner_of(31)
        self.assertNotEqual(again.id, gone)
        self.assertEqual(again.name, 'Gaila Guest')
