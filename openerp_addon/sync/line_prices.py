# -*- coding: utf-8 -*-
"""Unit prices OpenERP cannot hold: the item's line becomes quantity 1 at its line total.

Satchmo keeps unit prices at 6 places (a 10 % tier of 12.345 is 11.1105);
OpenERP rounds a sale order line's unit price to the "Product Price"
decimal precision when it is written (2 places unless the user set more),
so 3 x 11.1105 became 3 x 11.11 and the order was a cent short of the shop.
The precision is the user's and is left alone. An item whose unit price has
more places than it holds is booked as one line of quantity 1 at the item's
line total, the quantity and the unit price told in the line's description
("3 x 11.1105"), so the customer's price is still there to read. (The
discount field could not do it: it is itself rounded, to "Discount"'s
precision.)

A line total can have more places than a cent too (3 x 11.1105 = 33.3315),
and the shop adds its line totals unrounded before rounding the sub-total
once. So these line totals are rounded together, as the shop rounds its
sub-total: each down to the cent, then a cent more on those with the largest
remainders until they add up to the shop's rounded sum; each line is within
a cent of its exact total and the order's untaxed amount is the shop's.
"""
from decimal import ROUND_DOWN

from .money import CENT, ZERO, cents, dec, places


def needs_line_total(item, price_digits):
    """Whether an item's unit price has more places than OpenERP's "Product Price" holds."""
    return places(dec(item, 'unit_price')) > price_digits


def line_totals(items, price_digits):
    """{index of the item: its line total (Decimal)} for the items OpenERP cannot price.

    Line totals whose sum has more places than a cent are rounded together so
    that they add up to the shop's rounded sum (largest remainders get the
    extra cents; ties go to the earlier item).
    """
    exact = dict((index, dec(item, 'unit_price') * dec(item, 'quantity'))
                 for index, item in enumerate(items) if needs_line_total(item, price_digits))
    if not exact:
        return {}
    if all(places(total) <= price_digits for total in exact.values()):
        return exact
    rounded = dict((index, total.quantize(CENT, rounding=ROUND_DOWN))
                   for index, total in exact.items())
    missing = int((cents(sum(exact.values(), ZERO)) - sum(rounded.values(), ZERO)) / CENT)
    by_remainder = sorted(exact, key=lambda index: (-(exact[index] - rounded[index]), index))
    for index in by_remainder[:missing]:
        rounded[index] += CENT
    return rounded


def describe(item):
    """What the line says of the shop's quantity and unit price ("3 x 11.1105")."""
    return u'%s x %s' % (plain(dec(item, 'quantity')), plain(dec(item, 'unit_price')))


def plain(value):
    """A Decimal without its trailing zeros, never in exponent form (10, not 1E+1)."""
    return u'{0:f}'.format(value.normalize())
