# -*- coding: utf-8 -*-
"""Orders whose products are gone: imported on the shop's discontinued product, never failed."""
from .test_order_mapping import OrderCase


class TestDiscontinued(OrderCase):

    def test_an_item_without_its_product_is_imported_on_the_discontinued_product(self):
        del self.shop.objects['products'][21]  # removed by SQL: the API keeps the item
        item = self.shop.objects['orders'][101]['items'][1]
        item.update(sku=None, name=None)
        self.sync()
        row = self.binding('orders', 101)
        self.assertEqual(row.state, 'synced', row.error)
        order = self.order(101)
        line = [l for l in order.order_line if 'deleted in the shop' in l.name][0]
        self.assertEqual(line.name, u'Item 2 (shop product 21, deleted in the shop)')
        self.assertEqual(line.price_unit, 22.5)
        product = line.product_id
        self.assertFalse(product.active)
        self.assertIn('Discontinued shop product', product.name)
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual(backend.discontinued_product_id.id, product.id)
        self.assertNotIn(order.state, ('draft', 'cancel'))  # confirmed as any other
        # a product imported before it went keeps its (archived) record on new lines
        self.shop.change('orders', 103, notes='again')
        del self.shop.objects['products'][10]
        self.sync()
        self.assertEqual(self.order(103).order_line[0].product_id.id,
                         self.record('products', 10).id)

    def test_a_confirmed_order_that_lost_items_in_the_shop_keeps_its_lines(self):
        self.sync()
        before = [(l.name, l.price_unit) for l in self.order(101).order_line]
        order = self.shop.objects['orders'][101]
        self.shop.change('orders', 101, items=order['items'][:1])  # the admin's cascade
        self.sync()
        row = self.binding('orders', 101)
        self.assertEqual(row.state, 'synced', row.error)
        self.assertEqual([(l.name, l.price_unit) for l in self.order(101).order_line], before)
        self.assertIn('the shop now shows 1 of the 2 items', row.note)
