# -*- coding: utf-8 -*-
"""Money as Decimal, from the wire to the moment OpenERP stores it.

The API sends decimal strings (docs/api.rst); OpenERP 7 keeps amounts in
floats. Arithmetic happens here, in Decimal, with the rounding said out loud
(HALF_UP, as the shop's API formats amounts); a float is made only for the
value written (``to_float``), and OpenERP's computed floats come back through
``from_float`` (their shortest repr, then quantized) before any comparison.
"""
from decimal import ROUND_HALF_UP, Decimal

from .mapper import to_decimal

CENT = Decimal('0.01')
ZERO = Decimal('0.00')


def dec(payload, key):
    """A decimal field of a payload; absent or empty is zero."""
    value = to_decimal(payload.get(key), key)
    return ZERO if value is None else value


def cents(value):
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def from_float(value):
    """An amount OpenERP computed (a float) as Decimal cents: repr, not binary expansion."""
    return cents(Decimal(repr(float(value or 0.0))))


def to_float(value):
    return float(value)


def places(value):
    """How many decimal places a Decimal really uses (Decimal('2.50') -> 1)."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent)


def shop_totals(order):
    """The shop's untaxed amount, tax and total of an order payload, as OpenERP must book them.

    Satchmo's Order.force_recalculate_total: ``total = sub_total - discount +
    shipping_cost + tax`` (``discount`` holds the shipping discount too), on
    exact amounts (line totals and tax keep more places than a cent) that only
    the API rounds, each on its own. The customer owes ``total`` and the tax
    report must see ``tax``, so the untaxed amount is ``total - tax``; it may
    be a cent off ``sub_total - discount + shipping_cost`` made of rounded
    parts (line_prices.for_order moves that cent into the line totals).
    """
    total, tax = cents(dec(order, 'total')), cents(dec(order, 'tax'))
    return {'untaxed': total - tax, 'tax': tax, 'total': total}


def compare(shop, erp):
    """The differences, {name: (shop, openerp, difference)}, of two totals dicts."""
    return dict((name, (shop[name], erp[name], erp[name] - shop[name]))
                for name in ('untaxed', 'tax', 'total') if shop[name] != erp[name])


def describe_difference(differences):
    return u'; '.join(u'%s: shop %s, OpenERP %s, difference %s' % (name, shop, erp, diff)
                      for name, (shop, erp, diff) in sorted(differences.items()))
