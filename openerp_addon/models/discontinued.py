# -*- coding: utf-8 -*-
"""The product that stands for shop products that are gone, on the lines of old orders.

Deleting a product in Satchmo's admin cascades to the items of past orders,
and a product row removed with SQL leaves items whose product the API cannot
describe (docs/api.rst). Such an item is still a sale that happened: the
order is imported with the item's own sku, name, price and tax, on the
product this shop names for the purpose. By default that is one inactive
"Discontinued shop product" per shop, made the first time it is needed:
inactive, so nobody sells it again, and one per shop, so its sales can be
told apart. An owner who prefers a product of their own selects it.
"""
from openerp.osv import fields, orm
from openerp.tools.translate import _


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    _columns = {
        'discontinued_product_id': fields.many2one(
            'product.product', 'Product for items whose product is gone',
            domain=[('sale_ok', '=', True)],
            help="Order lines whose shop product no longer exists use this product, with "
                 "the item's own name, sku and price. Empty: an inactive 'Discontinued "
                 "shop product' is made for this shop when first needed."),
    }

    def discontinued_product(self, cr, uid, backend, context=None):
        """The id of the product for gone shop products (made, inactive, when missing)."""
        if backend.discontinued_product_id:
            return backend.discontinued_product_id.id
        products = self.pool.get('product.product')
        product_id = products.create(cr, uid, {
            'name': _('Discontinued shop product (%s)') % backend.name,
            'type': 'service', 'sale_ok': True, 'purchase_ok': False, 'active': False,
            'list_price': 0.0, 'company_id': backend.company_id.id,
        }, context=dict(context or {}, mail_create_nolog=True))
        self.write(cr, uid, [backend.id], {'discontinued_product_id': product_id},
                   context=context)
        backend.refresh()
        return product_id
