# -*- coding: utf-8 -*-
"""The reconciliation's comparison (sync/reconcile.py) over a generated ledger.

Run with the OpenERP virtualenv's Python 2.7 (no server, no database):

    python reconcile_compare.py ADDONS_PATH ORDERS  ->  JSON on stdout
    python reconcile_compare.py ADDONS_PATH 0 LEDGER.json   (a real store's ledger rows)

ORDERS ledger rows, as the shop's /ledger/orders/ answers them, and what
OpenERP would hold of them as reconcile_read.py loads it, with one order in
a hundred made to differ (a missing order, a total, a payment, in turn).
What it measures is the part that grows with the shop once the handful of
SQL queries and the ledger requests are done.
"""
import json
import sys
import time
from decimal import Decimal

import openerp
from openerp.modules import module


def generated(count):
    from openerp.addons.openerp_addon.sync.money import cents
    shop = {}
    for n in range(1, count + 1):
        total = cents(Decimal(10 + n % 90) + Decimal(n % 7) / 10)
        tax = cents(total * Decimal('0.2') / Decimal('1.2'))
        month = '20%02d-%02d' % (20 + n // 5000, 1 + n % 12)
        shop[str(n)] = {'id': n, 'status': 'Shipped', 'time_stamp': month + '-02T10:00:00+01:00',
                        'untaxed': '%s' % (total - tax), 'tax': '%s' % tax, 'total': '%s' % total,
                        'paid': '%s' % total, 'currency': 'USD'}
    return shop, held_of(shop)


def held_of(shop):
    """What OpenERP would hold of these ledger rows once synced, one order in a hundred
    made to differ: missing, a total off by one, unpaid, in turn."""
    erp = {}
    for position, key in enumerate(sorted(shop, key=int)):
        row, n = shop[key], position + 1
        untaxed, tax, total = (Decimal(row[name]) for name in ('untaxed', 'tax', 'total'))
        paid = Decimal(row['paid'])
        held = {'binding_id': n, 'row_state': 'synced', 'order_id': n, 'state': 'progress',
                'day': row['time_stamp'][:10], 'untaxed': untaxed, 'tax': tax, 'total': total,
                'vouchers': 1 if paid else 0, 'paid': paid, 'payment_rows_failing': 0,
                'invoices': [{'id': n, 'state': 'paid' if paid >= total else 'open',
                              'untaxed': untaxed, 'tax': tax, 'total': total,
                              'residual': total - paid}]}
        if n % 100 == 0:
            held['order_id'] = None
        elif n % 100 == 33:
            held['total'] += 1
        elif n % 100 == 66:
            held['paid'] = Decimal('0.00')
        erp[key] = held
    return erp


def expectations(reconcile):
    """The default switches (all on), without a backend record."""
    class Expect(reconcile.Expectations):
        def __init__(self):
            self.statuses, self.drafts = set(['shipped']), set()
            self.start, self.skip_history = '2000-01-01', False
            self.invoices = self.payments = True
    return Expect()


def main(addons_path, count, ledger=None):
    openerp.tools.config['addons_path'] = addons_path
    module.initialize_sys_path()
    from openerp.addons.openerp_addon.sync import reconcile
    expect = expectations(reconcile)
    if ledger:
        # a real store's ledger rows, as fetched from its /ledger/orders/ (reconcile_real.py)
        shop = dict((str(row['id']), row) for row in json.load(open(ledger)))
        erp, count = held_of(shop), len(shop)
        expect.statuses = set(row['status'].lower() for row in shop.values())
    else:
        shop, erp = generated(count)
    started, cpu = time.time(), time.clock()
    months, differences = reconcile.compare_orders(shop, erp, expect)
    rows = reconcile.month_values(months, differences)
    seconds, cpu = time.time() - started, time.clock() - cpu
    print(json.dumps({'orders': count, 'seconds': round(seconds, 3), 'cpu_seconds': round(cpu, 3),
                      'seconds_per_1000': round(seconds * 1000.0 / count, 4),
                      'differences': len(differences), 'months': len(rows)}))


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:4])
