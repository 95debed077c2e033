# -*- coding: utf-8 -*-
"""The draft invoice's tax lines made equal to the shop's tax, per tax, before validation.

OpenERP 7 (account.invoice.tax.compute) adds up an invoice's taxes per group
(tax code, base code, account, analytic account) and rounds each group to
the cent; Satchmo adds up the order's tax unrounded and rounds it once. The
sale order (rounded globally) equals the shop; its invoice may not: 0.50 at
21% and 1.75 at 6% are 0.105 + 0.105 = 0.21 for the shop, 0.11 + 0.11 = 0.22
on the invoice.

Before the invoice is validated, each group is compared with the shop:
- the shop's tax details (one per Satchmo tax class, each quantized by the
  API) are put on the group of the tax their class is mapped to; the sum of
  a group's details may differ from what OpenERP computes for it unrounded
  only by the details' own rounding (half a cent each);
- the shop's tax may differ from the unrounded sum of the groups only by its
  own rounding (half a cent).
Then, and only then, the gap between the shop's tax and the invoice's is a
rounding difference: it is closed as an accountant edits a draft's tax line,
one cent on as many lines as it takes (those whose unrounded amount is
nearest the other cent), each staying within a cent of its unrounded amount,
the base untouched, the tax code amount changed as the form's onchange
(amount_change) changes it. OpenERP's stored totals follow the tax lines, and
validation (action_move_create, check_tax_lines) checks the lines' groups and
bases, not their amounts, so the edit is what is booked and reported. Any
other difference is a reason to hold the order, as before.
"""
from collections import namedtuple
from decimal import Decimal

from .money import CENT, ZERO, cents, dec, from_float, to_float

HALF_CENT = Decimal('0.005')
NOISE = Decimal('0.0000001')  # what OpenERP's floats (rounded at 7 places) may carry

Group = namedtuple('Group', 'key name exact amount base shop count')


def plan(groups, shop_tax):
    """({key: new amount}, None) closing a rounding gap, or (None, why it is not rounding).

    ``groups``: the invoice's tax groups (exact: OpenERP's unrounded amount;
    amount: the tax line's; shop: the shop's details on it, None if unknown;
    count: how many details). ``shop_tax``: the order's tax, rounded once.
    """
    for group in groups:
        if group.shop is not None and (abs(group.shop - group.exact)
                                       > HALF_CENT * max(group.count, 1) + NOISE):
            return None, (u'the tax %s is %s in the shop and %s on the invoice (%s unrounded): '
                          u'not a rounding difference' % (group.name, group.shop, group.amount,
                                                          group.exact))
    exact = sum((g.exact for g in groups), ZERO)
    if abs(shop_tax - exact) > HALF_CENT + NOISE:
        return None, (u"the shop's tax %s is not the invoice's taxes rounded (%s unrounded)"
                      % (shop_tax, exact))
    gap = shop_tax - sum((g.amount for g in groups), ZERO)
    if not gap:
        return {}, None
    step = CENT if gap > 0 else -CENT
    movable = [g for g in groups
               if abs(g.amount + step - g.exact) < CENT
               and abs(g.amount + step - cents(g.exact)) <= CENT]
    # nearest the other cent first; a tie goes to the larger base (the smaller change)
    movable.sort(key=lambda g: (-(g.exact - g.amount) * (1 if gap > 0 else -1), -g.base, g.key))
    needed = int(abs(gap) / CENT)
    if needed > len(movable):
        return None, (u"the shop's tax %s and the invoice's %s differ by more than a cent per "
                      u"tax line" % (shop_tax, shop_tax - gap))
    return dict((g.key, g.amount + step) for g in movable[:needed]), None


def line_key(line):
    """The group of an invoice tax line, as check_tax_lines keys it."""
    return (line.tax_code_id.id or False, line.base_code_id.id or False,
            line.account_id.id or False, line.account_analytic_id.id or False)


def exact_groups(cr, uid, pool, invoice):
    """({group key: unrounded tax}, {tax id: group key}) by OpenERP's own compute_all.

    The loop of account.invoice.tax.compute for a customer invoice, without
    its last step (rounding each group).
    """
    taxes = pool.get('account.tax')
    exact, keys = {}, {}
    for line in invoice.invoice_line:
        price = line.price_unit * (1 - (line.discount or 0.0) / 100.0)
        for tax in taxes.compute_all(cr, uid, line.invoice_line_tax_id, price, line.quantity,
                                     line.product_id, invoice.partner_id)['taxes']:
            key = (tax['tax_code_id'] or False, tax['base_code_id'] or False,
                   tax['account_collected_id'] or line.account_id.id or False,
                   tax['account_analytic_collected_id'] or False)
            exact[key] = exact.get(key, ZERO) + Decimal(repr(tax['amount']))
            keys[tax['id']] = key
    return exact, keys


def shop_groups(env, payload, tax_keys):
    """({group key: (the shop's tax, details)}, None) or (None, the detail that fits no line)."""
    maps = env.pool.get('satchmo.tax.map')
    found = {}
    for detail in payload.get('tax_details') or []:
        amount = dec(detail, 'tax')
        if not amount:
            continue
        tax_class = detail.get('description') or u''
        ids = maps.search(env.cr, env.uid, [('backend_id', '=', env.backend.id),
                                            ('tax_class', '=ilike', tax_class)])
        keys = set(tax_keys[line.tax_id.id] for line in maps.browse(env.cr, env.uid, ids)
                   if line.tax_id.id in tax_keys)
        if len(keys) != 1:
            return None, (u"the shop's tax %s (%s) is on %s of the invoice's tax lines"
                          % (tax_class, amount, len(keys) or u'none'))
        key = keys.pop()
        total, count = found.get(key, (ZERO, 0))
        found[key] = (total + amount, count + 1)
    return found, None


def match_shop(env, invoice, payload):
    """(why the order must wait, or None; the note for the order's row, or None).

    A draft invoice whose taxes differ from the shop's only by OpenERP's
    per-group rounding gets its tax lines corrected (and the note says which);
    ``invoice`` is refreshed when it was.
    """
    if invoice.state != 'draft':
        return None, None
    cr, uid, pool = env.cr, env.uid, env.pool
    exact, tax_keys = exact_groups(cr, uid, pool, invoice)
    lines = dict((line_key(line), line) for line in invoice.tax_line if not line.manual)
    if set(lines) != set(exact):
        return (u"the invoice's tax lines are not the taxes of its lines: press Update on the "
                u"draft invoice, then Retry"), None
    known = bool(payload.get('tax_details'))  # a shop without details: the total only
    details, why = shop_groups(env, payload, tax_keys) if known else ({}, None)
    if why:
        return why, None
    manual = sum((from_float(l.amount) for l in invoice.tax_line if l.manual), ZERO)
    groups = [Group(key, line.name, exact[key], from_float(line.amount), from_float(line.base),
                    details.get(key, (ZERO, 0))[0] if known else None,
                    details.get(key, (ZERO, 0))[1]) for key, line in sorted(lines.items())]
    changes, why = plan(groups, dec(payload, 'tax') - manual)
    if why:
        return why, None
    _write(cr, uid, pool, invoice, lines, changes)
    return None, _note(groups, changes, dec(payload, 'tax'))


def _write(cr, uid, pool, invoice, lines, changes):
    """Each changed line as the draft invoice's tax form writes it: amount, then its code amount."""
    if not changes:
        return
    taxes = pool.get('account.invoice.tax')
    for key, amount in sorted(changes.items()):
        line = lines[key]
        value = taxes.amount_change(cr, uid, [line.id], to_float(amount),
                                    invoice.currency_id.id, invoice.company_id.id,
                                    invoice.date_invoice)['value']
        taxes.write(cr, uid, [line.id], {
            'amount': to_float(amount),
            'tax_amount': to_float(cents(Decimal(repr(value['tax_amount']))))})
    invoice.refresh()


def _note(groups, changes, shop_tax):
    """What the row says of lines that hold another cent than OpenERP rounded, or None."""
    moved = [(g, changes.get(g.key, g.amount)) for g in groups
             if changes.get(g.key, g.amount) != cents(g.exact)]
    if not moved:
        return None
    told = u', '.join(u'%s %s instead of %s (base %s untouched)' % (g.name, amount,
                                                                      cents(g.exact), g.base)
                      for g, amount in moved)
    return (u"Tax rounded as the shop rounds it: OpenERP rounds each tax line of an invoice, "
            u"Satchmo the order's tax once (%s); the draft invoice's tax lines were set to %s."
            % (shop_tax, told))
