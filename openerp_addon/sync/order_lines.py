# -*- coding: utf-8 -*-
"""The lines of a sale order, built so that OpenERP's totals are the shop's to the cent.

Satchmo (Order.force_recalculate_total and its tax module) computes:
  item net      = line_item_price - item discount
  shipping net  = shipping_cost - shipping_discount
  tax           = sum(item net * rate of its class) + shipping net * shipping rate
                  (unrounded, rounded once in the API)
So the order gets, in Decimal:
- one line per item: product, quantity, the shop's UNTAXED unit price, the
  OpenERP taxes mapped for the item's tax class and rate; its discount as the
  line's discount percentage when that percentage is exact at OpenERP's
  precision, else a discount line with the same taxes (so the tax base is
  the item net either way);
- a shipping line at the shipping net, with the shipping tax;
- a discount line for any order discount the items and shipping do not
  carry (Satchmo puts every discount on them; this is a safety net).
The rate of an item is the one that gives the shop's unit tax from its unit
price; the mapping (satchmo.tax.map) turns (tax class, rate) into a tax.
"""
from decimal import Decimal

from .mapper import MappingError
from .money import ZERO, cents, dec, places, to_float
from .discontinued import gone_name, gone_product
from .taxes import TaxResolver
from . import line_prices

MICRO = Decimal('0.000001')
SHIPPING_CLASS = u'Shipping'  # Satchmo's tax detail of shipping is always named so


def derive_rate(unit_price, unit_tax):
    """The simplest rate r (fewest decimals) with unit_price * r = unit_tax at 6 places."""
    if not unit_tax or not unit_price:
        return ZERO
    exact = unit_tax / unit_price
    for digits in range(2, 9):
        rate = exact.quantize(Decimal(1).scaleb(-digits))
        if (unit_price * rate).quantize(MICRO) == unit_tax:
            return rate.normalize()
    return exact.quantize(Decimal('0.00000001')).normalize()


class LineBuilder(object):
    """Builds the one2many commands of an order's lines from its payload."""

    def __init__(self, env, backend):
        self.env = env
        self.cr, self.uid, self.pool = env.cr, env.uid, env.pool
        self.backend = backend
        self.cache = env.__dict__.setdefault('satchmo_order_cache', {})
        precision = self.pool.get('decimal.precision')
        self.discount_digits = precision.precision_get(self.cr, self.uid, 'Discount')
        self.price_digits = precision.precision_get(self.cr, self.uid, 'Product Price')

    # -- what the shop knows about products and tax classes -----------------------------
    def tax_class_titles(self):
        if 'tax_classes' not in self.cache:
            titles = {}
            for page in self.env.client.list_all('tax_classes'):
                for tax_class in page:
                    titles[tax_class['id']] = tax_class.get('title') or u'Default'
            self.cache['tax_classes'] = titles
        return self.cache['tax_classes']

    def product_payloads(self, ids):
        known = self.cache.setdefault('products', {})
        missing = sorted(set(i for i in ids if i not in known))
        if missing:
            for payload in self.env.client.fetch('products', missing):
                known[payload['id']] = payload
        return known

    # -- taxes -------------------------------------------------------------------------
    def taxes_for(self, tax_class, rate):
        """[account.tax id] for a tax class at a rate: the mapping or the company's (taxes.py)."""
        return TaxResolver(self.cr, self.uid, self.pool, self.backend,
                           context=self.env.create_context).taxes_for(tax_class, rate)

    # -- lines -------------------------------------------------------------------------
    def lines(self, order):
        """(one2many create commands, the rates used): items, discounts, shipping, remainder."""
        items = order.get('items') or []
        products = self.product_payloads([i['product_id'] for i in items if i.get('product_id')])
        titles = self.tax_class_titles()
        commands, rates = [], []
        item_discounts = ZERO
        # items the shop deleted with their product (docs/api.rst) were sold all the same
        deleted = order.get('deleted_items') or []
        every = [(item, False) for item in items] + [(item, True) for item in deleted]
        totals = line_prices.line_totals([item for item, _gone in every], self.price_digits)
        for index, (item, deleted_with_product) in enumerate(every):
            product = None if deleted_with_product else products.get(item.get('product_id'))
            # a product gone from the shop: the item's own tax, on the default class
            tax_class = product and titles.get(product.get('tax_class_id')) or u'Default'
            rate = ZERO
            if product is None or product.get('taxable', True):
                rate = derive_rate(dec(item, 'unit_price'), dec(item, 'unit_tax'))
            rates.append(rate)
            taxes = self.taxes_for(tax_class, rate)
            commands.extend(self._item(item, taxes, len(commands), gone=product is None,
                                       total=totals.get(index)))
            item_discounts += dec(item, 'discount')
        commands.extend(self._shipping(order, rates, len(commands)))
        rest = dec(order, 'discount') - dec(order, 'shipping_discount') - item_discounts
        if rest:
            commands.append(self._discount_line(
                rest, [], u'Discount %s' % (order.get('discount_code') or u''), len(commands)))
        return commands, rates

    def _item(self, item, taxes, position, gone=False, total=None):
        """The item's line (and its discount line); ``total``: quantity 1 at this line total
        (a unit price OpenERP's precision cannot hold, line_prices.py)."""
        product_id = (gone_product(self.env, item) if gone
                      else self.env.resolve('products', item['product_id']))
        price, quantity = dec(item, 'unit_price'), dec(item, 'quantity')
        if quantity <= ZERO:
            # a credit or an empty line is not a sale: say so rather than book it
            raise MappingError(u"item %s: the quantity %s is not positive"
                               % (item.get('id'), item.get('quantity')))
        name = gone_name(item) if gone else self._describe(item)
        if total is not None:
            price, quantity = total, Decimal(1)
            name = u'%s (%s)' % (name, line_prices.describe(item))
        gross, discount = price * quantity, dec(item, 'discount')
        percent = ZERO
        if discount and gross:
            percent = (discount * 100 / gross)
            if places(percent) > self.discount_digits or places(gross) > 2:
                percent = None  # not exact on the line: a discount line of its own
        line = self._line(product_id, name, quantity, price, taxes, position)
        if percent:
            line['discount'] = to_float(percent)
        made = [(0, 0, line)]
        if percent is None:
            made.append(self._discount_line(discount, taxes, u'Discount on %s'
                                            % (item.get('name') or item.get('sku')),
                                            position + 1))
        return made

    def _shipping(self, order, rates, position):
        cost, free = dec(order, 'shipping_cost'), dec(order, 'shipping_discount')
        if not cost and not free:
            return []
        product = self.backend.shipping_product_id
        if not product:
            raise MappingError(u"the order has shipping costs and the shop has no shipping "
                               u"product configured")
        net = cost - free
        tax = ZERO
        for detail in order.get('tax_details') or []:
            if (detail.get('description') or u'').lower() == SHIPPING_CLASS.lower():
                tax += dec(detail, 'tax')
        taxes = []
        if tax and net:
            taxes = self.taxes_for(SHIPPING_CLASS, self._shipping_rate(net, tax, rates))
        name = u'%s' % (order.get('shipping_description') or order.get('shipping_method')
                        or u'Shipping')
        if free:
            name += u' (%s %s off)' % (order.get('discount_code') or u'discount', cents(free))
        return [(0, 0, self._line(product.id, name, Decimal(1), net, taxes, position))]

    def _shipping_rate(self, net, tax, rates):
        """The shipping rate: a mapped one, one of the items', or the simplest that gives the tax."""
        maps = self.pool.get('satchmo.tax.map')
        ids = maps.search(self.cr, self.uid, [('backend_id', '=', self.backend.id),
                                              ('tax_class', '=ilike', SHIPPING_CLASS)])
        candidates = [Decimal(repr(line.rate or line.tax_id.amount))
                      for line in maps.browse(self.cr, self.uid, ids)] + list(rates)
        for rate in candidates:
            if rate and cents(net * rate) == tax:
                return rate
        for digits in range(2, 6):
            rate = (tax / net).quantize(Decimal(1).scaleb(-digits))
            if cents(net * rate) == tax:
                return rate.normalize()
        raise MappingError(u"no rate gives the shop's shipping tax %s on %s" % (tax, net))

    def _discount_line(self, amount, taxes, name, position):
        product = self.backend.discount_product_id
        if not product:
            raise MappingError(u"the order has a discount and the shop has no discount product "
                               u"configured")
        return (0, 0, self._line(product.id, name, Decimal(1), -amount, taxes, position))

    def _line(self, product_id, name, quantity, price, taxes, position):
        product = self.pool.get('product.product').browse(self.cr, self.uid, product_id)
        line = {
            'sequence': 10 + position,
            'product_id': product_id,
            'name': name or product.name,
            'product_uom_qty': to_float(quantity),
            'product_uom': product.uom_id.id,
            'price_unit': to_float(price),
            'discount': 0.0,
            'tax_id': [(6, 0, taxes)],
        }
        line.update(self._as_the_product_onchange(product, to_float(quantity)))
        return line

    @staticmethod
    def _as_the_product_onchange(product, quantity):
        """The unit of sale and the weight the order form's product onchange sets
        (sale.order.line.product_id_change, in the product's own unit): a person's line
        has them, so the connector's has them too (test_twin_order.py)."""
        return {'product_uos': product.uos_id.id or False,
                'product_uos_qty': quantity * product.uos_coeff if product.uos_id else quantity,
                'th_weight': quantity * product.weight}

    @staticmethod
    def _describe(item):
        """The item's name, and the options the customer chose (configurable products)."""
        name = item.get('name') or item.get('sku') or u''
        details = [u'%s: %s' % (d.get('name'), d.get('value'))
                   for d in item.get('details') or [] if d.get('value')]
        if details:
            name += u'\n' + u', '.join(details)
        return name
