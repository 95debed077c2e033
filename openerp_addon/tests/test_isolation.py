# -*- coding: utf-8 -*-
"""A shop object the shop cannot send fails alone; a shop that is down stops the run."""
from openerp.addons.openerp_addon.sync import isolation, pipeline

from .common import TOKEN, ConnectorCase


class TestIsolation(ConnectorCase):

    def test_an_object_the_shop_cannot_send_fails_alone_and_the_cursor_moves(self):
        self.sync()
        self.shop.change('contacts', 7, last_name='Broken')
        self.shop.change('contacts', 8, last_name='Fine')
        self.shop.broken.add(('contacts', 7))
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        self.assertEqual(self.counts(run)['contacts'], (0, 1, 0, 1))
        row = self.binding('contacts', 7)
        self.assertEqual(row.state, 'failed')
        self.assertIn('HTTP 500', row.error)
        self.assertIn('(Server Error (500))', row.error)
        self.assertNotIn(TOKEN, row.error)
        self.assertEqual(self.record('contacts', 8).name.split()[-1], 'Fine')
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual(backend.cursor, len(self.shop.feed))

        self.shop.broken.clear()  # fixed in the shop: the row's Retry imports it
        pipeline.retry(self.cr, self.uid, [row.id], client_factory=self.shop.factory)
        self.assertEqual(self.binding('contacts', 7).state, 'synced')

    def test_a_shop_that_fails_every_request_stops_the_run(self):
        self.sync()
        self.shop.change('contacts', 8, last_name='Later')
        cursor = self.backends.browse(self.cr, self.uid, self.backend_id).cursor
        self.shop.failing = True
        run = self.sync()
        self.assertEqual(run.state, 'failed')
        self.assertIn('503', run.reason)
        self.assertEqual(self.binding('contacts', 8).state, 'synced')  # not failed by a down shop
        self.assertEqual(self.backends.browse(self.cr, self.uid, self.backend_id).cursor, cursor)

    def test_a_listing_that_fails_is_noted_and_the_other_resources_go_on(self):
        self.shop.broken.add(('products', 10))
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        self.assertIn('Listing products', run.reason)
        self.assertEqual(self.counts(run)['products'][3], 1)
        self.assertEqual(self.counts(run)['contacts'], (2, 0, 0, 0))  # after products
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertFalse(backend.cursor)  # the next run lists everything again

        self.shop.broken.clear()
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        self.assertTrue(self.record('products', 10).active)
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual(backend.cursor, len(self.shop.feed))

    def test_one_by_one_only_after_the_shop_answered_a_probe(self):
        self.shop.broken.add(('contacts', 7))
        found, broken = isolation.fetch_isolating(self.shop, 'contacts', [7, 8])
        self.assertEqual([p['id'] for p in found], [8])
        self.assertEqual(list(broken), ['7'])
        self.shop.calls[:] = []
        self.shop.failing = True
        with self.assertRaises(Exception):
            isolation.fetch_isolating(self.shop, 'contacts', [7, 8])
        self.assertEqual([c[0] for c in self.shop.calls], ['fetch', 'head'])
