# -*- coding: utf-8 -*-
"""OpenERP's own records say where they came from: the shop, its id, the mapping row.

An accountant looking at a sale order, a partner, a product or a payment
wants to know whether the shop made it and to open it there. Mapping rows
point at records by (model, res_id), so each of these models gets a computed
list of the rows that point at it, shown on a "Shop" tab (views/record_links.xml),
for connector users only.
"""
from openerp.osv import fields, orm

USER_GROUP = 'openerp_addon.group_satchmo_user'


def _shop_rows(self, cr, uid, ids, name, arg, context=None):
    """The mapping rows bound to each record (several for a partner made of an address)."""
    result = dict((record_id, []) for record_id in ids)
    rows = self.pool.get('satchmo.binding')
    row_ids = rows.search(cr, uid, [('model', '=', self._name), ('res_id', 'in', ids)],
                          context=context)
    for row in rows.read(cr, uid, row_ids, ['res_id'], context=context):
        result[row['res_id']].append(row['id'])
    return result


def _shop_rows_column():
    return fields.function(
        _shop_rows, type='one2many', relation='satchmo.binding', string='From the shop',
        groups=USER_GROUP, readonly=True,
        help="The shop objects this record was imported from, with a link to each "
             "in the shop's admin")


def _with_shop_rows(model):
    """The class that gives ``model`` its list of shop rows (registered by OpenERP's metaclass)."""
    return type(model.replace('.', '_'), (orm.Model,), {
        '__module__': __name__, '_inherit': model,
        '_columns': {'satchmo_binding_ids': _shop_rows_column()}})


RECORD_MODELS = ('sale.order', 'res.partner', 'product.product', 'account.voucher')
for _model in RECORD_MODELS:
    _with_shop_rows(_model)
