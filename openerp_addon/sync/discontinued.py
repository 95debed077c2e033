# -*- coding: utf-8 -*-
"""Order items whose shop product is gone (models/discontinued.py says why and on what).

An item the shop can no longer describe keeps its own sku, name, price and
tax: its line goes on the OpenERP product that was imported for it if there
is one (the record stays, archived, when the shop deleted the product), else
on the shop's product for gone products. An order confirmed here that the
shop now shows with fewer items (Django's cascade when a product is deleted
in the admin) keeps its lines: ``shrunk_note`` says what the shop shows.
"""


def gone_product(env, item):
    """The OpenERP product for an item whose product the shop no longer has."""
    bound = item.get('product_id') and env.binder.to_openerp('products', item['product_id'])
    if bound:
        return bound
    return env.pool.get('satchmo.backend').discontinued_product(
        env.cr, env.uid, env.backend, context=env.context)


def gone_name(item):
    """The line's text: what the shop still knows of the item, and that its product is gone."""
    known = u' '.join(part for part in (item.get('sku') and u'[%s]' % item['sku'],
                                         item.get('name')) if part)
    return u'%s (shop product %s, deleted in the shop)' % (
        known or u'Item %s' % item.get('id'), item.get('product_id'))


def shrunk_note(env, order, payload):
    """A note when the shop shows fewer items than this confirmed order's lines, else None."""
    items = payload.get('items') or []
    added = set(product.id for product in (env.backend.shipping_product_id,
                                           env.backend.discount_product_id) if product)
    kept = [line for line in order.order_line if line.product_id.id not in added]
    if len(items) >= len(kept):
        return None
    return (u'the shop now shows %d of the %d items of this order (a product deleted in the '
            u'shop takes its items along); the lines here are kept as they were sold'
            % (len(items), len(kept)))
