# -*- coding: utf-8 -*-
"""Items the shop deleted with their product, before the order's first import."""
from .test_order_mapping import OrderCase


class TestDeletedItems(OrderCase):

    def test_items_deleted_with_their_product_are_lines_on_the_discontinued_product(self):
        del self.shop.objects['products'][21]  # deleted in the admin, with its items
        order = self.shop.objects['orders'][101]
        order['deleted_items'] = [order['items'].pop(1)]
        self.sync()
        row = self.binding('orders', 101)
        self.assertEqual(row.state, 'synced', row.error)
        [line] = [l for l in self.order(101).order_line if 'deleted in the shop' in l.name]
        item = order['deleted_items'][0]
        self.assertIn(u'[%s] %s' % (item['sku'], item['name']), line.name)
        self.assertEqual(line.price_unit, 22.5)
        self.assertFalse(line.product_id.active)
        self.assertIn('Discontinued shop product', line.product_id.name)
        self.assertNotIn(self.order(101).state, ('draft', 'cancel'))
