# -*- coding: utf-8 -*-
"""One extra field, and one extra pair in the connector's products map."""
from openerp.osv import fields, orm

from openerp.addons.openerp_addon.sync.mapper import text


class product_product(orm.Model):
    _inherit = 'product.product'

    _columns = {
        'satchmo_slug': fields.char('Shop slug', size=128, readonly=True,
                                    help="The product's address in the shop"),
    }


class satchmo_field_map(orm.AbstractModel):
    _inherit = 'satchmo.field.map'

    def _map_products(self, cr, uid, context=None):
        pairs = super(satchmo_field_map, self)._map_products(cr, uid, context=context)
        return pairs + [('satchmo_slug', text('slug', 128))]
