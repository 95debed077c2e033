# -*- coding: utf-8 -*-
"""OpenERP's own records show the shop objects they came from, to connector users."""
from .common import ConnectorCase
from .common_users import connector_user


class TestRecordLinks(ConnectorCase):

    def test_imported_records_list_their_shop_rows(self):
        self.sync()
        user_id = connector_user(self, 'satchmo_user')
        self.registry('res.users').write(self.cr, self.uid, [user_id], {  # sees sale orders
            'groups_id': [(4, self.ref('base.group_sale_salesman_all_leads'))]})
        order_id = self.ref('sale.sale_order_1')
        self.env().binder.bind('orders', 101, 'sale.order', order_id, 'x', {'id': 101})
        for resource, shop_id, model in (('products', 10, 'product.product'),
                                         ('contacts', 7, 'res.partner'),
                                         ('orders', 101, 'sale.order')):
            row = self.binding(resource, shop_id)
            self.assertEqual(row.model, model)
            read = self.registry(model).read(self.cr, user_id, row.res_id,
                                             ['satchmo_binding_ids'])
            self.assertIn(row.id, read['satchmo_binding_ids'], resource)

    def test_the_shop_tab_is_for_connector_users_only(self):
        self.sync()
        row = self.binding('products', 10)
        outsider = self.registry('res.users').create(self.cr, self.uid, {
            'name': 'Clerk', 'login': 'clerk',
            'groups_id': [(6, 0, [self.ref('base.group_user')])]})
        products = self.registry('product.product')
        self.assertNotIn('satchmo_binding_ids', products.read(self.cr, outsider, row.res_id))
        arch = products.fields_view_get(self.cr, outsider, view_type='form')['arch']
        self.assertNotIn('satchmo_binding_ids', arch)
