# -*- coding: utf-8 -*-
"""One month of a reconciliation: the shop's and OpenERP's figures side by side.

The month is the shop's month of each order (its ``time_stamp``): an order
the shop placed on the 31st is counted in that month on both sides, so a
difference is a difference of the order, never of a time zone. Amounts are
stored once, as written by sync/reconcile.py from Decimal sums.
"""
from openerp.osv import fields, orm

FIGURES = [('count', 'Orders'), ('untaxed', 'Untaxed'), ('tax', 'Tax'), ('total', 'Total'),
           ('invoiced', 'Invoiced'), ('paid', 'Paid')]


def _figure_columns():
    columns = {}
    for name, label in FIGURES:
        digits = (16, 0) if name == 'count' else (16, 2)
        columns['shop_' + name] = fields.float('%s (shop)' % label, digits=digits,
                                               readonly=True)
        columns['erp_' + name] = fields.float('%s (OpenERP)' % label, digits=digits,
                                              readonly=True)
        columns['diff_' + name] = fields.float('%s difference' % label, digits=digits,
                                               readonly=True, help="OpenERP minus the shop")
    return columns


class satchmo_reconciliation_month(orm.Model):
    _name = 'satchmo.reconciliation.month'
    _description = 'Satchmo reconciliation: one month'
    _order = 'reconciliation_id desc, month desc'
    _rec_name = 'month'

    _columns = dict(_figure_columns(), **{
        'reconciliation_id': fields.many2one('satchmo.reconciliation', 'Reconciliation',
                                             required=True, ondelete='cascade', select=True),
        'month': fields.char('Month', size=7, required=True, readonly=True),
        'clean': fields.boolean('Clean', readonly=True,
                                help="Every figure agrees and no order of the month differs"),
    })
