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
once. So these line totals are rounded together: each down to the cent, then
a cent more on those with the largest remainders until they add up to their
target; each line stays within a cent of its exact total.

The target is set by the order (``for_order``): the customer owes the shop's
``total`` and the tax report must see its ``tax``, so OpenERP's untaxed
amount must be ``total - tax``. Satchmo adds the exact line totals, the
discounts, the shipping and the exact tax and rounds that sum once, so its
rounded total can be a cent off its rounded untaxed amount plus its rounded
tax (29.20 against 29.19). The line totals absorb that cent: their target is
``total - tax`` less every other line (items at prices OpenERP holds,
discounts, shipping), and the row's note says which line took the cent.
OpenERP computes tax on the booked line totals, so the cent goes only on a
line where it changes neither how the order's tax nor how a rate's tax
rounds (the order is checked against the shop's tax, the invoice per tax
line); where no line can take it so, it is a rounding line of its own,
without tax. A target further off than that is not forced: the order is
held, its difference shown.
"""
from decimal import ROUND_DOWN

from .money import CENT, ZERO, cents, dec, places, shop_totals


def needs_line_total(item, price_digits):
    """Whether an item's unit price has more places than OpenERP's "Product Price" holds."""
    return places(dec(item, 'unit_price')) > price_digits


def line_totals(items, price_digits, target=None, rates=None, shop_tax=None):
    """{index of the item: its line total (Decimal)} for the items OpenERP cannot price.

    Line totals with more places than a cent are rounded together to the
    shop's rounded sum of them (the largest remainders get the extra cents,
    ties go to the earlier item). A ``target`` other than that sum moves a
    cent at a time, each line staying within a cent of its exact total, onto
    the line that moves OpenERP's tax least among those that leave the
    shop's taxes rounded as they are (``rates``: the items' tax rates;
    ``shop_tax``: ShopTax); a target out of that reach is not forced.
    """
    exact = _exact_line_totals(items, price_digits)
    if not exact:
        return {}
    if all(places(total) <= 2 for total in exact.values()):
        rounded = dict(exact)
    else:
        rounded = _rounded_together(exact)
    if target is None or target == sum(rounded.values(), ZERO):
        if all(places(total) <= price_digits for total in exact.values()):
            return exact
        return rounded
    moved = _moved_to(rounded, exact, target, dict(enumerate(rates or [])),
                      shop_tax or ShopTax({}, ZERO))
    return rounded if moved is None else moved


class ShopTax(object):
    """The shop's exact tax (Satchmo's: rate x item net, unrounded): per rate, and in all.

    OpenERP computes its tax on the booked line totals, so a cent moved onto
    a line at rate r moves its tax by r cents; the order is checked against
    the shop's tax rounded once and the invoice per tax line, so a move is
    safe when neither the total nor any rate's tax rounds otherwise.
    """

    def __init__(self, per_rate, total):
        self.per_rate, self.total = per_rate, total

    def keeps_rounding(self, drifts):
        """Whether OpenERP's tax, off the shop's by ``drifts`` ({rate: amount}), rounds the same."""
        return (cents(self.total + sum(drifts.values(), ZERO)) == cents(self.total)
                and all(cents(self.per_rate.get(rate, ZERO) + drift)
                        == cents(self.per_rate.get(rate, ZERO))
                        for rate, drift in drifts.items()))


def _rounded_together(exact):
    """Each line total down to the cent, a cent more on the largest remainders."""
    rounded = dict((index, total.quantize(CENT, rounding=ROUND_DOWN))
                   for index, total in exact.items())
    missing = int((cents(sum(exact.values(), ZERO)) - sum(rounded.values(), ZERO)) / CENT)
    by_remainder = sorted(exact, key=lambda index: (-(exact[index] - rounded[index]), index))
    for index in by_remainder[:missing]:
        rounded[index] += CENT
    return rounded


def _moved_to(rounded, exact, target, rates, shop_tax):
    """``rounded`` moved to add up to ``target``, a cent at a time, or None if out of reach."""
    moved = dict(rounded)
    step = CENT if target > sum(moved.values(), ZERO) else -CENT

    def drifts(totals):
        found = {}
        for index in totals:
            rate = rates.get(index, ZERO)
            found[rate] = found.get(rate, ZERO) + rate * (totals[index] - exact[index])
        return found

    def after(index):
        totals = dict(moved)
        totals[index] += step
        return totals

    for _cent in range(int(abs(target - sum(moved.values(), ZERO)) / CENT)):
        fits = [i for i in moved if abs(moved[i] + step - exact[i]) <= CENT
                and shop_tax.keeps_rounding(drifts(after(i)))]
        if not fits:
            return None
        moved = after(min(fits, key=lambda i: (abs(sum(drifts(after(i)).values(), ZERO)),
                                               abs(moved[i] + step - exact[i]), i)))
    return moved


def _exact_line_totals(items, price_digits):
    return dict((index, dec(item, 'unit_price') * dec(item, 'quantity'))
                for index, item in enumerate(items) if needs_line_total(item, price_digits))


def for_order(order, items, price_digits, rates=None, shipping_tax=ZERO):
    """(line totals as ``line_totals``, an untaxed rounding line's amount, the row's note).

    The target makes OpenERP's untaxed amount the shop's ``total - tax``
    (money.shop_totals): that, plus every discount, less the shipping and
    the items whose unit price OpenERP holds (each such line rounded to the
    cent by OpenERP, as ``cents`` does). ``rates``: the items' tax rates;
    ``shipping_tax``: the shipping's exact tax (net x its rate). When no line
    total can take the cent without changing how the order's or a rate's tax
    rounds (the check of the order and the invoice's tax lines), the cent is
    a line of its own, without tax (ZERO: none).
    """
    exact = _exact_line_totals(items, price_digits)
    if not exact:
        return {}, ZERO, None
    others = sum((cents(dec(item, 'unit_price') * dec(item, 'quantity'))
                  for index, item in enumerate(items) if index not in exact), ZERO)
    target = (shop_totals(order)['untaxed'] + dec(order, 'discount')
              - dec(order, 'shipping_cost') - others)
    rates = rates or [ZERO] * len(items)
    per_rate = {}
    for item, rate in zip(items, rates):
        net = dec(item, 'unit_price') * dec(item, 'quantity') - dec(item, 'discount')
        per_rate[rate] = per_rate.get(rate, ZERO) + rate * net
    shop_tax = ShopTax(per_rate, sum(per_rate.values(), ZERO) + shipping_tax)
    totals = line_totals(items, price_digits, target, rates, shop_tax)
    own = line_totals(items, price_digits)
    why = (u"so that the untaxed amount is the shop's total less its tax (%s - %s)"
           % (cents(dec(order, 'total')), cents(dec(order, 'tax'))))
    rest = target - sum(totals.values(), ZERO)
    if abs(rest) == CENT:  # no line could take it without changing how a tax rounds
        return totals, rest, (u'A rounding line of %s without tax %s: a cent more on a line '
                              u'total would have changed how its tax rounds' % (rest, why))
    if totals == own:
        return totals, ZERO, None
    changed = u', '.join(u'%s at %s instead of %s' % (describe(items[i]), totals[i], cents(own[i]))
                         for i in sorted(totals) if totals[i] != own[i])
    return totals, ZERO, u'Line totals moved by a cent %s: %s' % (why, changed)


def describe(item):
    """What the line says of the shop's quantity and unit price ("3 x 11.1105")."""
    return u'%s x %s' % (plain(dec(item, 'quantity')), plain(dec(item, 'unit_price')))


def plain(value):
    """A Decimal without its trailing zeros, never in exponent form (10, not 1E+1)."""
    return u'{0:f}'.format(value.normalize())
