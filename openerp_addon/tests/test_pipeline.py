# -*- coding: utf-8 -*-
"""Whole runs over a fake shop: first sync, changes, deletes, failures, retries, locks."""
import json

from openerp.osv import fields

from openerp.addons.openerp_addon.sync import pipeline
from openerp.addons.openerp_addon.sync.client import ShopUnreachable
from openerp.addons.openerp_addon.sync.importer import CREATE_CONTEXT
from openerp.addons.openerp_addon.sync.prefetch import Prefetched

from .common import TOKEN, ConnectorCase


class TestPipeline(ConnectorCase):

    def test_first_run_lists_everything_and_stores_the_head(self):
        self.shop.add('categories', {'id': 4, 'name': 'Late', 'slug': 'late', 'parent_id': None,
                                     'active': True, 'description': '', 'ordering': 3})
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        counts = self.counts(run)
        self.assertEqual(counts['categories'], (4, 0, 0, 0))
        self.assertEqual(counts['products'], (4, 0, 0, 1))  # 30 has no name
        self.assertEqual(counts['organizations'], (1, 0, 0, 0))
        self.assertEqual(counts['contacts'], (2, 0, 0, 0))
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual(backend.cursor, len(self.shop.feed))
        self.assertIn(('head',), self.shop.calls)

    def test_catalogue_lands_where_it_belongs(self):
        self.sync()
        simple = self.record('products', 10)
        self.assertEqual((simple.default_code, simple.list_price, simple.categ_id.name),
                         ('PY-ROCKS', 19.5, 'Shirts'))
        self.assertEqual(sorted(c.name for c in simple.categ_ids),
                         [u'Shirts', u'\xc9t\xe9 \xe0 la plage'])
        template = self.record('products', 20)
        self.assertEqual(template._name, 'product.template')
        large, small = self.record('products', 21), self.record('products', 22)
        self.assertEqual(large.product_tmpl_id.id, template.id)
        self.assertEqual(small.product_tmpl_id.id, template.id)
        self.assertEqual((large.name, large.default_code, large.lst_price),
                         ('Django shirt', 'DJ-L', 22.5))

    def test_countries_are_matched_never_duplicated(self):
        countries = self.registry('res.country')
        before = countries.search(self.cr, self.uid, [], count=True)
        self.sync()
        self.sync(full=True)
        belgium = self.record('countries', 21)
        self.assertEqual(belgium.id, self.ref('base.be'))
        self.assertEqual(countries.search(self.cr, self.uid, [], count=True), before + 1)
        states = self.registry('res.country.state')
        self.assertEqual(states.search(self.cr, self.uid, [
            ('country_id', '=', belgium.id), ('code', '=', 'VAN')], count=True), 1)
        zed = self.record('countries', 999)
        self.assertEqual(zed.code, 'ZZ')

    def test_contacts_sit_under_their_organization_with_their_addresses(self):
        self.sync()
        ann = self.record('contacts', 7)
        self.assertEqual(ann.parent_id.id, self.record('organizations', 5).id)
        self.assertFalse(self.record('contacts', 8).parent_id)
        home = self.record('addresses', 71)
        # billing and shipping at the same place: one partner, for both uses
        self.assertEqual(self.record('addresses', 72).id, home.id)
        self.assertEqual((home.type, home.parent_id.id, home.country_id.code, home.state_id.code),
                         ('default', ann.id, 'BE', 'VAN'))
        office = self.record('addresses', 73)
        self.assertEqual((office.type, office.street2, office.state_id.code),
                         ('other', 'Unit 4', 'VLI'))

    def test_rerun_changes_nothing(self):
        self.sync()
        for resource, objects in self.shop.objects.items():
            for shop_id in objects:
                self.shop.change(resource, shop_id)  # touched, not changed
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        for resource, (created, updated, unchanged, failed) in self.counts(run).items():
            self.assertEqual((created, updated), (0, 0), resource)
        self.assertEqual(self.counts(run)['products'][2], 4)

    def test_updates_reach_the_same_records(self):
        self.sync()
        product_id = self.record('products', 10).id
        self.shop.change('products', 10, name='Python Rules shirt', unit_price='21.000000',
                         active=False, category_ids=[1], main_category_id=1)
        self.shop.change('contacts', 8, email='bob@new.example', organization_id=5)
        self.shop.change('categories', 3, parent_id=1)
        run = self.sync()
        self.assertEqual(self.counts(run)['products'], (0, 1, 0, 0))
        product = self.record('products', 10)
        self.assertEqual(product.id, product_id)
        self.assertEqual((product.name, product.list_price, product.active, product.categ_id.name),
                         ('Python Rules shirt', 21.0, False, 'Apparel'))
        self.assertEqual([c.name for c in product.categ_ids], ['Apparel'])
        bob = self.record('contacts', 8)
        self.assertEqual((bob.email, bob.parent_id.name), ('bob@new.example', 'Acme Widgets'))
        self.assertEqual(self.record('categories', 3).parent_id.name, 'Apparel')

    def test_a_deleted_product_is_archived(self):
        self.sync()
        self.shop.delete('products', 10)
        self.shop.delete('products', 20)
        self.sync()
        self.assertFalse(self.record('products', 10).active)
        self.assertFalse(self.record('products', 21).active)  # variants of a deleted template

    def test_a_product_whose_category_arrives_later(self):
        self.sync()
        # the product's change reaches us before its new category's own change does
        self.shop.objects['categories'][50] = {
            'id': 50, 'name': 'New', 'slug': 'new', 'parent_id': 3, 'active': True,
            'description': '', 'ordering': 9}
        self.shop.change('products', 10, category_ids=[50], main_category_id=50)
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        self.assertEqual(self.counts(run)['products'], (0, 1, 0, 0))
        self.assertEqual(self.record('products', 10).categ_id.name, 'New')
        self.assertEqual(self.record('categories', 50).parent_id.id,
                         self.record('categories', 3).id)
        self.shop.change('categories', 50)
        self.assertEqual(self.counts(self.sync())['categories'], (0, 0, 1, 0))

    def test_a_bad_record_fails_alone_and_is_retried_once_fixed(self):
        run = self.sync()
        row = self.binding('products', 30)
        self.assertEqual((row.state, row.attempts), ('failed', 1))
        self.assertIn('required', row.error)
        self.assertTrue(self.record('products', 10).id)  # the rest of the batch went on
        self.shop.objects['products'][30]['name'] = 'Now named'  # fixed behind the feed
        pipeline.retry(self.cr, self.uid, [row.id], client_factory=self.shop.factory)
        row = self.binding('products', 30)
        self.assertEqual((row.state, row.attempts, row.error), ('synced', 0, False))
        self.assertEqual(self.record('products', 30).name, 'Now named')

    def test_due_failures_are_retried_by_later_runs(self):
        self.sync()
        row = self.binding('products', 30)
        self.bindings.write(self.cr, self.uid, [row.id], {'next_retry': '2000-01-01 00:00:00'})
        self.shop.objects['products'][30]['name'] = 'Fixed'
        self.sync()
        self.assertEqual(self.binding('products', 30).state, 'synced')

    def test_new_failures_are_announced_once(self):
        posted = []
        original = self.backends.notify_failures

        def notify(cr, uid, backend_id, run_id, new_failures, context=None):
            posted.append(new_failures)
        self.backends.notify_failures = notify
        try:
            self.sync()
            self.shop.change('products', 30, sku='STILL-NO-NAME')
            self.sync()
        finally:
            self.backends.notify_failures = original
        self.assertEqual(posted, [{'products': 1}])

    def test_unreachable_shop_fails_the_run_and_keeps_the_cursor(self):
        self.sync()
        self.shop.change('products', 10, name='Changed')
        self.shop.down = True
        run = self.sync()
        self.assertEqual(run.state, 'failed')
        self.assertIn('does not answer', run.reason)
        self.assertNotIn(TOKEN, run.reason)
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual(backend.cursor, len(self.shop.feed) - 1)

    def test_pruned_cursor_falls_back_to_a_full_listing(self):
        self.sync()
        self.shop.change('products', 10, name='Changed')
        self.shop.horizon = len(self.shop.feed)
        run = self.sync()
        self.assertEqual(run.state, 'done')
        self.assertIn('pruned', run.reason)
        self.assertEqual(self.record('products', 10).name, 'Changed')

    def test_a_second_run_yields_while_the_first_holds_the_lock(self):
        other = self.cursor()
        try:
            other.execute('SELECT pg_advisory_xact_lock(%s, %s)', (0x5A7C, self.backend_id))
            run = self.sync()
        finally:
            other.rollback()
            other.close()
        self.assertEqual(run.state, 'yielded')
        self.assertIn('Another run', run.reason)
        self.assertFalse(self.binding('products', 10))

    def test_a_run_killed_mid_way_keeps_what_it_committed_and_resumes(self):
        self.sync()
        for shop_id in (10, 21, 22):
            self.shop.change('products', shop_id, description='second edition')
        self.shop.change('contacts', 8, email='late@example.com')
        start = len(self.shop.feed) - 4
        fetch, fetched = self.shop.fetch, []

        def dies_on_the_second_batch(resource, ids):
            fetched.append(resource)
            if len(fetched) > 1:
                raise ShopUnreachable('killed')
            return fetch(resource, ids)
        self.shop.fetch = dies_on_the_second_batch
        page = pipeline.FEED_PAGE
        pipeline.FEED_PAGE = 1
        try:
            self.assertEqual(self.sync().state, 'failed')
        finally:
            pipeline.FEED_PAGE = page
            del self.shop.fetch
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual(backend.cursor, start + 1)  # the first batch, and only it
        self.assertEqual(self.record('products', 10).description, 'second edition')
        self.assertFalse(self.record('products', 21).description)
        rows_before = self.bindings.search(self.cr, self.uid, [], count=True)
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        self.assertEqual(self.counts(run)['products'], (0, 2, 0, 0))
        self.assertEqual(self.record('contacts', 8).email, 'late@example.com')
        self.assertEqual(self.bindings.search(self.cr, self.uid, [], count=True), rows_before)

    def test_records_belong_to_the_shop_company(self):
        self.sync()
        company_id = self.ref('base.main_company')
        self.assertEqual(self.record('contacts', 7).company_id.id, company_id)

    def test_runs_say_where_their_time_went(self):
        run = self.sync()
        timings = json.loads(run.timings)
        for count in run.count_ids:
            self.assertGreaterEqual(count.seconds, 0.0)
            if count.created:
                self.assertIn(count.resource, timings['resources'])
        self.assertGreater(sum(c.seconds for c in run.count_ids), 0.0)

    def test_prefetched_pages_keep_their_order_and_their_errors(self):
        self.assertEqual(list(Prefetched(iter([1, 2, 3]))), [1, 2, 3])
        self.assertEqual(list(Prefetched(iter([]))), [])

        def pages():
            yield 'first'
            raise ShopUnreachable('gone')

        reader = Prefetched(pages())
        self.assertEqual(next(reader), 'first')
        with self.assertRaises(ShopUnreachable):
            next(reader)

    def test_synced_partners_get_the_company_defaults_of_their_properties(self):
        partners = self.registry('res.partner')
        names = [name for name, info in partners._all_columns.items()
                 if isinstance(info.column, fields.property)]
        plain = partners.create(self.cr, self.uid, {'name': 'By hand'})
        synced = partners.create(self.cr, self.uid, {'name': 'Synced'},
                                 context=dict(CREATE_CONTEXT))
        by_hand, from_sync = partners.read(self.cr, self.uid, [plain, synced], names)
        for name in names:
            self.assertEqual(by_hand[name], from_sync[name], name)

    def test_synced_children_get_the_commercial_fields_of_their_company(self):
        partners = self.registry('res.partner')
        cr, uid = self.cr, self.uid
        context = dict(CREATE_CONTEXT)
        plain = partners.create(cr, uid, {'name': 'Plain Inc', 'is_company': True},
                                context=context)
        terms = self.registry('account.payment.term').search(cr, uid, [], limit=1)
        special = partners.create(cr, uid, {'name': 'Special Inc', 'is_company': True,
                                            'vat': 'BE0477472701',
                                            'property_payment_term': terms[0]},
                                  context=context)
        names = partners._commercial_fields(cr, uid)
        for company in (plain, special):
            child = partners.create(cr, uid, {'name': 'Someone', 'parent_id': company},
                                    context=context)
            by_hand = partners.create(cr, uid, {'name': 'Someone', 'parent_id': company})
            synced, expected, parent = partners.read(cr, uid, [child, by_hand, company], names)
            for name in names:
                self.assertEqual(synced[name], expected[name], name)
                self.assertEqual(synced[name], parent[name], name)

    def test_commercial_changes_still_reach_every_child(self):
        partners = self.registry('res.partner')
        cr, uid = self.cr, self.uid
        company = partners.create(cr, uid, {'name': 'Parent Inc', 'is_company': True})
        child = partners.create(cr, uid, {'name': 'Child', 'parent_id': company})
        grandchild = partners.create(cr, uid, {'name': 'Address', 'parent_id': child,
                                               'type': 'invoice'})
        terms = self.registry('account.payment.term').search(cr, uid, [], limit=1)
        partners.write(cr, uid, [company], {'vat': 'BE0477472701',
                                            'property_payment_term': terms[0]})
        for partner in partners.browse(cr, uid, [child, grandchild]):
            self.assertEqual(partner.vat, 'BE0477472701')
            self.assertEqual(partner.property_payment_term.id, terms[0])
        partners.write(cr, uid, [company], {'last_reconciliation_date': '2026-11-28 10:00:00'})
        for partner in partners.browse(cr, uid, [child, grandchild]):
            self.assertEqual(partner.last_reconciliation_date, '2026-11-28 10:00:00')
