# -*- coding: utf-8 -*-
"""The orders' field map, handed out like the others (override ``_map_orders`` to change it)."""
from openerp.osv import orm

from openerp.addons.openerp_addon.sync import order


class satchmo_field_map(orm.AbstractModel):
    _inherit = 'satchmo.field.map'

    def _map_orders(self, cr, uid, context=None):
        return list(order.FIELD_MAP)
