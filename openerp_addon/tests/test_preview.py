# -*- coding: utf-8 -*-
"""The preview: what the next sync would do, stored, and nothing of its import kept."""
from openerp.addons.openerp_addon.sync.cursors import SharedCursors
from openerp.addons.openerp_addon.sync.preview import run_preview

from .common import ConnectorCase


class TestPreview(ConnectorCase):

    def preview(self):
        preview_id = run_preview(self.cr.dbname, self.uid, self.backend_id, self.shop.factory,
                                 cursors=SharedCursors(self.cr))
        return self.registry('satchmo.preview').browse(self.cr, self.uid, preview_id)

    def footprint(self):
        cr = self.cr
        counts = {}
        for table in ('satchmo_binding', 'product_product', 'product_category', 'res_partner',
                      'satchmo_sync_run'):
            cr.execute('SELECT count(*) FROM %s' % table)
            counts[table] = cr.fetchone()[0]
        counts['cursor'] = self.backends.browse(cr, self.uid, self.backend_id).cursor
        return counts

    def lines(self, preview, outcome):
        return dict(((line.resource, line.shop_id), line) for line in preview.line_ids
                    if line.outcome == outcome)

    def test_a_first_run_preview_lists_creates_and_failures_and_keeps_nothing(self):
        before = self.footprint()
        preview = self.preview()
        self.assertEqual(self.footprint(), before)
        self.assertEqual((preview.state, preview.mode, preview.position), ('done', 'full', 0))
        counts = dict((c.resource, (c.create, c.fail)) for c in preview.count_ids)
        self.assertEqual(counts['categories'][0], len(self.shop.objects['categories']))
        self.assertEqual(counts['products'], (4, 1))  # 30 has no name
        failed = self.lines(preview, 'fail')[('products', '30')]
        self.assertIn('required', failed.reason)
        self.assertIn('first 100 objects', preview.bounds)

    def test_an_update_says_which_fields_change_and_the_cursor_stays(self):
        self.sync()
        self.shop.change('products', 10, name='Python rocks harder')
        before = self.footprint()
        preview = self.preview()
        self.assertEqual(self.footprint(), before)
        self.assertEqual((preview.mode, preview.position, preview.changes_read),
                         ('feed', before['cursor'], 1))
        line = self.lines(preview, 'update')[('products', '10')]
        self.assertIn(u'-> Python rocks harder', line.changes)
        self.assertEqual(self.record('products', 10).name, u'Python Rocks shirt')
        self.assertEqual(self.sync().state, 'done')  # the real run still sees the change
        self.assertEqual(self.record('products', 10).name, u'Python rocks harder')

    def test_a_deleted_object_would_be_archived(self):
        self.sync()
        self.shop.delete('categories', 3)
        preview = self.preview()
        self.assertEqual([line.outcome for line in preview.line_ids], ['delete'])

    def test_a_shop_that_does_not_answer_gives_a_failed_preview(self):
        self.shop.down = True
        preview = self.preview()
        self.assertEqual(preview.state, 'failed')
        self.assertIn('does not answer', preview.reason)
