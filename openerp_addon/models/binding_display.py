# -*- coding: utf-8 -*-
"""The mapping row as the people who review failures see it.

They look for an object by its name or order number, read what the shop
sent, open the object in the shop's own admin to fix it there, and retry.
The menu shows how many rows wait (OpenERP's needaction counter). Rows are
never deleted by hand: without its row, the next import of the object would
create a duplicate of its OpenERP record.
"""
from openerp import SUPERUSER_ID
from openerp.osv import fields, orm
from openerp.tools.translate import _

from ..sync.client import ShopClient

# Where each resource's objects are edited in the shop's Django admin
# (app label / model name of Satchmo 0.9.2's admin registrations).
ADMIN_PATHS = {
    'products': 'product/product',
    'categories': 'product/category',
    'contacts': 'contact/contact',
    'organizations': 'contact/organization',
    'orders': 'shop/order',
    'countries': 'l10n/country',
}
FAILING = ('failed', 'exception')


def shop_admin_root(url):
    """The shop's admin address from the backend's URL (which may include /api/v1/)."""
    try:
        api_root = ShopClient._api_root(url)
    except Exception:  # a bad URL is reported by Test connection, not here
        return None
    return api_root[:-len('api/v1/')] + 'admin/'


class satchmo_binding_display(orm.Model):
    _name = 'satchmo.binding'
    _inherit = ['satchmo.binding', 'ir.needaction_mixin']

    def _shop_admin_url(self, cr, uid, ids, name, arg, context=None):
        result = dict.fromkeys(ids, False)
        for row in self.browse(cr, uid, ids, context=context):
            resource, shop_id = row.resource, row.shop_id
            if resource == 'payments' and row.order_binding_id:
                resource, shop_id = 'orders', row.order_binding_id.shop_id
            root = shop_admin_root(row.backend_id.url)
            if root and resource in ADMIN_PATHS:
                result[row.id] = '%s%s/%s/' % (root, ADMIN_PATHS[resource], shop_id)
        return result

    _columns = {
        'object_name': fields.char(
            'Name', size=128, readonly=True, select=True,
            help="The shop object's name (product and SKU, customer, order "
                 "number and buyer), from the last payload the shop sent"),
        'last_payload': fields.text(
            'What the shop sent', readonly=True,
            help="The last data the shop's API sent for this object, as "
                 "read by the last import (secrets are never stored)"),
        'shop_admin_url': fields.function(
            _shop_admin_url, type='char', string='In the shop',
            help="This object in the shop's admin: fix it there, then Retry"),
    }

    def _needaction_domain_get(self, cr, uid, context=None):
        """The menu counts the rows that failed: they wait for a retry or a person."""
        return [('state', 'in', FAILING)]

    def unlink(self, cr, uid, ids, context=None):
        """Refused to people: the next import would create the object a second time."""
        if uid != SUPERUSER_ID:
            raise orm.except_orm(
                _('Mapping rows cannot be deleted'),
                _("A row is what tells the connector that this shop object "
                  "already has its OpenERP record: without it, the next "
                  "synchronization creates a duplicate. To import an object "
                  "again, use Retry; to stop importing a shop, archive the "
                  "shop (uncheck Active)."))
        return super(satchmo_binding_display, self).unlink(cr, uid, ids, context=context)
