# -*- coding: utf-8 -*-
"""The field maps, handed out by a model so that another addon can change them.

Each resource declares its map once, in its sync module (``FIELD_MAP``). The
pipeline asks this abstract model for it, through one ``_map_<resource>``
method per resource; a custom addon inherits the model and overrides the
method to add, replace or drop pairs - the OpenERP way, per database, only
where the custom addon is installed. See the README's "Customize the mapping"
and the example addon openerp_addon_custom_example.
"""
from openerp.osv import orm

from openerp.addons.openerp_addon.sync import category, country, partner, product


class satchmo_field_map(orm.AbstractModel):
    _name = 'satchmo.field.map'
    _description = 'Satchmo field maps (override _map_<resource> to customize)'

    def get(self, cr, uid, resource, context=None):
        """The list of (openerp_field, source) pairs of a resource."""
        method = getattr(self, '_map_%s' % resource, None)
        if method is None:
            raise KeyError("no field map for the shop resource %r" % resource)
        return list(method(cr, uid, context=context))

    def _map_countries(self, cr, uid, context=None):
        return list(country.FIELD_MAP)

    def _map_categories(self, cr, uid, context=None):
        return list(category.FIELD_MAP)

    def _map_products(self, cr, uid, context=None):
        return list(product.FIELD_MAP)

    def _map_organizations(self, cr, uid, context=None):
        return list(partner.ORGANIZATION_MAP)

    def _map_contacts(self, cr, uid, context=None):
        return list(partner.CONTACT_MAP)
