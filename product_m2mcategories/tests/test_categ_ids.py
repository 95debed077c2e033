# -*- coding: utf-8 -*-
"""categ_ids: the main category is always in it, and search sees all."""
from openerp.tests import common


class TestCategIds(common.TransactionCase):

    def setUp(self):
        super(TestCategIds, self).setUp()
        self.product = self.registry('product.product')
        self.category = self.registry('product.category')
        cr, uid = self.cr, self.uid
        self.root = self.category.create(cr, uid, {'name': 'M2M root'})
        self.child = self.category.create(
            cr, uid, {'name': 'M2M child', 'parent_id': self.root})
        self.other = self.category.create(cr, uid, {'name': 'M2M other'})

    def categ_ids(self, product_id):
        return set(self.product.read(
            self.cr, self.uid, product_id, ['categ_ids'])['categ_ids'])

    def test_create_links_main_category(self):
        product_id = self.product.create(
            self.cr, self.uid, {'name': 'Mug', 'categ_id': self.root})
        self.assertEqual(self.categ_ids(product_id), set([self.root]))

    def test_create_with_extra_categories(self):
        product_id = self.product.create(self.cr, self.uid, {
            'name': 'Mug', 'categ_id': self.root,
            'categ_ids': [(6, 0, [self.other])]})
        self.assertEqual(self.categ_ids(product_id),
                         set([self.root, self.other]))

    def test_main_category_cannot_be_removed(self):
        product_id = self.product.create(self.cr, self.uid, {
            'name': 'Mug', 'categ_id': self.root,
            'categ_ids': [(6, 0, [self.other])]})
        self.product.write(self.cr, self.uid, [product_id],
                           {'categ_ids': [(6, 0, [self.other])]})
        self.assertEqual(self.categ_ids(product_id),
                         set([self.root, self.other]))

    def test_new_main_category_joins_the_set(self):
        product_id = self.product.create(
            self.cr, self.uid, {'name': 'Mug', 'categ_id': self.root})
        self.product.write(self.cr, self.uid, product_id,
                           {'categ_id': self.other})
        # the former main category stays: it is still a category of the
        # product until someone removes it
        self.assertEqual(self.categ_ids(product_id),
                         set([self.root, self.other]))

    def test_template_write_counts_too(self):
        product_id = self.product.create(
            self.cr, self.uid, {'name': 'Mug', 'categ_id': self.root})
        tmpl_id = self.product.read(
            self.cr, self.uid, product_id, ['product_tmpl_id'])[
                'product_tmpl_id'][0]
        self.registry('product.template').write(
            self.cr, self.uid, [tmpl_id], {'categ_id': self.other})
        self.assertIn(self.other, self.categ_ids(product_id))

    def test_search_any_category_and_children(self):
        cr, uid = self.cr, self.uid
        in_child = self.product.create(cr, uid, {
            'name': 'Cup', 'categ_id': self.other,
            'categ_ids': [(4, self.child)]})
        in_other = self.product.create(
            cr, uid, {'name': 'Plate', 'categ_id': self.other})
        found = self.product.search(
            cr, uid, [('categ_ids', 'child_of', self.root)])
        self.assertIn(in_child, found)
        self.assertNotIn(in_other, found)
        found = self.product.search(cr, uid, [('categ_ids', '=', self.other)])
        self.assertEqual(set(found) & set([in_child, in_other]),
                         set([in_child, in_other]))

    def test_search_by_name_from_the_search_box(self):
        """The search view passes the typed text as ``self``."""
        product_id = self.product.create(self.cr, self.uid, {
            'name': 'Saucer', 'categ_id': self.other,
            'categ_ids': [(4, self.child)]})
        found = self.product.search(
            self.cr, self.uid, [('categ_ids', 'child_of', 'M2M root')])
        self.assertIn(product_id, found)

    def test_existing_products_backfilled(self):
        """init() gave the demo products their main category."""
        self.cr.execute("""
            SELECT count(*) FROM product_product p
              JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE t.categ_id IS NOT NULL AND NOT EXISTS (
                   SELECT 1 FROM product_categ_rel r
                    WHERE r.product_id = p.id AND r.categ_id = t.categ_id)""")
        self.assertEqual(self.cr.fetchone()[0], 0)

    def test_relation_table_layout(self):
        """Modules written for the community module read these columns."""
        self.cr.execute("""
            SELECT column_name FROM information_schema.columns
             WHERE table_name = 'product_categ_rel' ORDER BY column_name""")
        self.assertEqual([r[0] for r in self.cr.fetchall()],
                         ['categ_id', 'product_id'])
