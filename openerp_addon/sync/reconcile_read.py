# -*- coding: utf-8 -*-
"""What reconciliation compares: the shop's ledger, and what OpenERP holds now.

The shop side is the light ledger of docs/api.rst (a few numbers per order,
thousands per request) and the id listings of the catalogue and customer
resources. The OpenERP side is read with a handful of SQL queries whatever
the size of the shop (the orders with their sale order, their invoices,
their registered payments, then the catalogue rows and, per model, which of
their records still exist): never one browse per order, so the cost grows
with the shop, not with the number of OpenERP records.
"""
from .money import from_float

# the catalogue and customer resources whose objects are compared by id
ID_RESOURCES = ('categories', 'products', 'organizations', 'contacts')
LEDGER_PAGE = 5000


class ShopSide(object):
    """The shop's ledger and id listings, and how many requests they took."""

    def __init__(self, client, resources=ID_RESOURCES, page=LEDGER_PAGE):
        self.requests = 0
        self.orders = {}
        for rows in self._counted(client.ledger_pages(limit=page)):
            for row in rows:
                self.orders[str(row['id'])] = row
        self.ids = {}
        for resource in resources:
            self.ids[resource] = set()
            for rows in self._counted(client.id_pages(resource, limit=page)):
                self.ids[resource].update(str(row['id']) for row in rows)

    def _counted(self, pages):
        for page in pages:
            self.requests += 1
            yield page


_ORDERS = """
SELECT b.shop_id, b.id, b.state, so.id, so.state, so.amount_untaxed, so.amount_tax,
       so.amount_total, so.date_order
  FROM satchmo_binding b LEFT JOIN sale_order so ON so.id = b.res_id
 WHERE b.backend_id = %s AND b.resource = 'orders'"""

_INVOICES = """
SELECT b.shop_id, i.id, i.state, i.amount_untaxed, i.amount_tax, i.amount_total, i.residual
  FROM satchmo_binding b
  JOIN sale_order_invoice_rel r ON r.order_id = b.res_id
  JOIN account_invoice i ON i.id = r.invoice_id AND i.type = 'out_invoice'
 WHERE b.backend_id = %s AND b.resource = 'orders'
 ORDER BY i.id"""

_PAYMENTS = """
SELECT o.shop_id, COUNT(v.id), COALESCE(SUM(v.amount), 0),
       SUM(CASE WHEN p.state IN ('failed', 'exception') THEN 1 ELSE 0 END)
  FROM satchmo_binding p
  JOIN satchmo_binding o ON o.id = p.order_binding_id
  LEFT JOIN account_voucher v ON v.satchmo_backend_id = p.backend_id
       AND v.satchmo_payment_key = p.shop_id AND v.state = 'posted'
 WHERE p.backend_id = %s AND p.resource = 'payments'
 GROUP BY o.shop_id"""

_OBJECTS = """
SELECT resource, shop_id, id, model, res_id, digest
  FROM satchmo_binding WHERE backend_id = %s AND resource IN %s"""


def erp_orders(cr, backend_id):
    """{shop id: what OpenERP holds of that order}, in three queries."""
    orders = {}
    cr.execute(_ORDERS, (backend_id,))
    for (shop_id, row_id, row_state, order_id, state, untaxed, tax, total,
         day) in cr.fetchall():
        orders[shop_id] = {
            'binding_id': row_id, 'row_state': row_state, 'order_id': order_id,
            'state': state, 'day': day, 'invoices': [], 'vouchers': 0,
            'paid': from_float(0), 'payment_rows_failing': 0,
            'untaxed': from_float(untaxed), 'tax': from_float(tax),
            'total': from_float(total)}
    cr.execute(_INVOICES, (backend_id,))
    for shop_id, invoice_id, state, untaxed, tax, total, residual in cr.fetchall():
        orders[shop_id]['invoices'].append({
            'id': invoice_id, 'state': state, 'untaxed': from_float(untaxed),
            'tax': from_float(tax), 'total': from_float(total),
            'residual': from_float(residual)})
    cr.execute(_PAYMENTS, (backend_id,))
    for shop_id, vouchers, paid, failing in cr.fetchall():
        if shop_id in orders:
            orders[shop_id].update(vouchers=vouchers, paid=from_float(paid),
                                   payment_rows_failing=failing)
    return orders


def erp_objects(cr, pool, backend_id, resources=ID_RESOURCES):
    """{resource: {shop id: row}} of the catalogue rows, each saying whether its record
    still exists (and is active): one query for the rows, one per model."""
    cr.execute(_OBJECTS, (backend_id, tuple(resources)))
    rows = [dict(zip(('resource', 'shop_id', 'binding_id', 'model', 'res_id', 'digest'), r))
            for r in cr.fetchall()]
    by_model = {}
    for row in rows:
        if row['model'] and row['res_id']:
            by_model.setdefault(row['model'], set()).add(row['res_id'])
    alive = {}
    for model_name, ids in by_model.items():
        model = pool.get(model_name)
        active = 'active' in model._columns and 'active' or 'TRUE'
        cr.execute('SELECT id, %s FROM "%s" WHERE id IN %%s' % (active, model._table),
                   (tuple(ids),))
        alive[model_name] = dict(cr.fetchall())
    objects = dict((resource, {}) for resource in resources)
    for row in rows:
        found = alive.get(row['model'], {})
        row['exists'] = row['res_id'] in found
        row['active'] = bool(found.get(row['res_id']))
        objects[row['resource']][row['shop_id']] = row
    return objects
