# -*- coding: utf-8 -*-
"""The extra pair is used by the connector's own pipeline, and nothing else changed."""
from openerp.addons.openerp_addon.tests.common import ConnectorCase


class TestCustomMapping(ConnectorCase):

    def test_the_slug_lands_in_the_new_field(self):
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        product = self.record('products', 10)
        self.assertEqual(product.satchmo_slug, 'python-rocks')
        self.assertEqual(product.default_code, 'PY-ROCKS')  # the connector's own pairs stay

    def test_an_edited_slug_reaches_the_same_product(self):
        self.sync()
        product_id = self.record('products', 21).id
        self.shop.change('products', 21, slug='django-shirt-large')
        self.sync()
        product = self.record('products', 21)
        self.assertEqual((product.id, product.satchmo_slug), (product_id, 'django-shirt-large'))
