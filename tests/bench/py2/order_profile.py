# -*- coding: utf-8 -*-
"""Where an order's time goes: SQL queries, ORM calls, wall and CPU time per step.

Run with the OpenERP virtualenv's Python 2.7 on a database with OpenERP's
demo data and the connector installed (the erp suite's kind), no server on it:

    python order_profile.py CONF DB [ORDERS]  ->  JSON on stdout (last line)

The connector's own pipeline imports recorded orders (the unit tests'
payloads, openerp_addon/tests/payloads) through every step, in one
transaction rolled back at the end, so the database is left as it was. The
cursor's ``execute`` and the ORM's create/write/unlink/_store_set_values are
counted per step of ``Env.step`` (orders.create, confirm, invoice,
invoice_taxes, validate, voucher). Three series tell what grows with what:
- ``base``: ORDERS orders of 3 lines (two items and shipping), paid in full;
- ``lines``: the same orders with their items three times (7 lines);
- ``open_invoices``: ORDERS orders of one customer, each paid but 10.00, so
  that the customer has one more open invoice at every order (the voucher
  step must not read them all).
Per series: per step the mean per order (the first order left out: it fills
the caches), and per step the queries of each order in turn.
"""
import cProfile
import json
import os
import pstats
import re
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from decimal import Decimal

import openerp
from openerp.modules.registry import RegistryManager

CENT = Decimal('0.01')
STATEMENT = re.compile(r'^\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM|SAVEPOINT|RELEASE|'
                       r'ROLLBACK|SET|\w+)\s', re.I)
TABLE = re.compile(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', re.I)


class Meter(object):
    """Counts of the step being measured (the innermost Env.step)."""

    def __init__(self):
        self.stack = []
        self.calls = []  # (step, queries, wall_s, cpu_s, {kind: n}, {orm call: n})

    def current(self):
        return self.stack and self.stack[-1] or None

    def count_query(self, query):
        frame = self.current()
        if frame is None:
            return
        frame['queries'] += 1
        text = query if isinstance(query, basestring) else str(query)
        verb = STATEMENT.match(text)
        table = TABLE.search(text)
        key = '%s %s' % (verb and verb.group(1).upper() or '?', table and table.group(1) or '')
        frame['kinds'][key] += 1

    def count_orm(self, model, method):
        frame = self.current()
        if frame is not None:
            frame['orm']['%s.%s' % (model, method)] += 1

    @contextmanager
    def step(self, name):
        if name in PROFILED and not self.stack:
            profiler = cProfile.Profile()
            profiler.enable()
            try:
                with self._step(name):
                    yield
            finally:
                profiler.disable()
                if name in PROFILES:
                    PROFILES[name].add(profiler)
                else:
                    PROFILES[name] = pstats.Stats(profiler)
            return
        with self._step(name):
            yield

    @contextmanager
    def _step(self, name):
        frame = {'name': name, 'queries': 0, 'kinds': defaultdict(int), 'orm': defaultdict(int),
                 'wall': time.time(), 'cpu': time.clock()}
        outer = self.current()
        self.stack.append(frame)
        try:
            yield
        finally:
            self.stack.pop()
            wall, cpu = time.time() - frame['wall'], time.clock() - frame['cpu']
            self.calls.append((name, frame['queries'], wall, cpu, dict(frame['kinds']),
                               dict(frame['orm'])))
            if outer is not None:  # a nested step's queries count for the outer one too
                outer['queries'] += frame['queries']


METER = Meter()
# ORDER_PROFILE_STEPS=orders.voucher,orders.invoice: a cProfile of those steps on stderr
PROFILED = set(s for s in os.environ.get('ORDER_PROFILE_STEPS', '').split(',') if s)
PROFILES = {}


def instrument():
    from openerp import sql_db
    from openerp.osv import orm
    from openerp.addons.openerp_addon.sync import importer

    execute = sql_db.Cursor.execute

    def counted_execute(self, query, params=None, log_exceptions=None):
        METER.count_query(query)
        if log_exceptions is None:
            return execute(self, query, params)
        return execute(self, query, params, log_exceptions)
    sql_db.Cursor.execute = counted_execute

    for method in ('create', 'write', 'unlink', '_store_set_values', 'read', 'search'):
        def wrap(original, method=method):
            def counted(self, *args, **kwargs):
                METER.count_orm(self._name, method)
                return original(self, *args, **kwargs)
            return counted
        setattr(orm.BaseModel, method, wrap(getattr(orm.BaseModel, method)))

    original_step = importer.Env.step

    @contextmanager
    def step(self, name):
        with original_step(self, name):
            with METER.step(name):
                yield
    importer.Env.step = step


# -- the orders ------------------------------------------------------------------------------
def scaled(order, new_id, copies=1, unpaid=Decimal('0')):
    """Order 101 as a new order: its items ``copies`` times, its totals as Satchmo adds them."""
    payload = json.loads(json.dumps(order))
    payload['id'] = new_id
    items = []
    for copy in range(copies):
        for item in order['items']:
            items.append(dict(item, id=new_id * 100 + len(items)))
    payload['items'] = items
    rate = Decimal('0.21')
    item_net = sum(Decimal(i['line_item_price']) - Decimal(i['discount']) for i in items)
    shipping = Decimal(order['shipping_cost']) - Decimal(order['shipping_discount'])
    tax = (item_net * rate + shipping * rate).quantize(CENT)
    sub_total = sum(Decimal(i['line_item_price']) for i in items)
    discount = sum(Decimal(i['discount']) for i in items)
    total = sub_total - discount + Decimal(order['shipping_cost']) - \
        Decimal(order['shipping_discount']) + tax
    payload.update(sub_total='%s' % sub_total, discount='%s' % discount, tax='%s' % tax,
                   total='%s' % total)
    payload['tax_details'] = [
        dict(order['tax_details'][0], tax='%s' % (item_net * rate).quantize(CENT)),
        dict(order['tax_details'][1], tax='%s' % (shipping * rate).quantize(CENT))]
    payload['payments'] = [dict(order['payments'][0], key='payment-%d' % new_id,
                                id=new_id, amount='%s' % (total - unpaid))]
    return payload


SERIES = (('base', 1, Decimal('0')), ('lines', 3, Decimal('0')),
          ('open_invoices', 1, Decimal('10.00')))


def run_series(registry, name, copies, unpaid, count):
    from openerp.addons.openerp_addon.sync import pipeline
    from openerp.addons.openerp_addon.sync.cursors import SharedCursors
    from openerp.addons.openerp_addon.tests.fake_shop import FakeShop
    from openerp.addons.openerp_addon.tests.test_order_mapping import (ORDER_RESOURCES,
                                                                       company_sale_tax)
    cr = registry.db.cursor()
    uid = openerp.SUPERUSER_ID
    try:
        case = Case(cr, uid, registry)
        company = case.ref('base.main_company')
        registry.get('res.company').write(cr, uid, [company], {
            'tax_calculation_rounding_method': 'round_globally'})
        backend_id = registry.get('satchmo.backend').create(cr, uid, {
            'name': 'Profile shop', 'url': 'http://shop.test', 'api_token': 'profile-token',
            'company_id': company, 'retry_limit': 3})
        company_sale_tax(case, 0.21)
        shop = FakeShop(ORDER_RESOURCES)
        template = shop.objects['orders'][101]
        for orders in list(shop.objects['orders']):
            shop.delete('orders', orders)
        for n in range(count):
            shop.add('orders', scaled(template, 5000 + n, copies, unpaid))
        del METER.calls[:]
        started, cpu = time.time(), time.clock()
        run_id = pipeline.run_sync(cr, uid, backend_id, client_factory=shop.factory,
                                   cursors=SharedCursors(cr))
        run = registry.get('satchmo.sync.run').browse(cr, uid, run_id)
        counts = dict((c.resource, (c.created, c.failed)) for c in run.count_ids)
        return summary(name, copies, count, counts, run.state, time.time() - started,
                       time.clock() - cpu)
    finally:
        cr.rollback()
        cr.close()


class Case(object):
    """What company_sale_tax needs of a test case."""

    def __init__(self, cr, uid, registry):
        self.cr, self.uid, self._registry = cr, uid, registry

    def registry(self, model):
        return self._registry.get(model)

    def ref(self, xmlid):
        module, name = xmlid.split('.')
        return self._registry.get('ir.model.data').get_object_reference(
            self.cr, self.uid, module, name)[1]


def summary(name, copies, count, counts, state, wall, cpu):
    steps = defaultdict(list)
    for call in METER.calls:
        steps[call[0]].append(call)
    out = {'series': name, 'orders': count, 'lines_per_order': 2 * copies + 1,
           'run_state': state, 'counts': counts, 'run_wall_s': round(wall, 2),
           'run_cpu_s': round(cpu, 2), 'steps': {}}
    for step, calls in sorted(steps.items()):
        if not step.startswith('orders.'):
            continue
        warm = calls[1:] or calls
        kinds, orm = defaultdict(int), defaultdict(int)
        for call in warm:
            for key, n in call[4].items():
                kinds[key] += n
            for key, n in call[5].items():
                orm[key] += n
        n = float(len(warm))
        out['steps'][step] = {
            'queries': round(sum(c[1] for c in warm) / n, 1),
            'ms': round(1000 * sum(c[2] for c in warm) / n, 1),
            'cpu_ms': round(1000 * sum(c[3] for c in warm) / n, 1),
            'queries_each': [c[1] for c in calls],
            'top_queries': sorted(((k, round(v / n, 1)) for k, v in kinds.items()),
                                  key=lambda kv: -kv[1])[:12],
            'orm': sorted(((k, round(v / n, 1)) for k, v in orm.items()),
                          key=lambda kv: -kv[1])[:12],
        }
    return out


def main(conf, db, count=8):
    openerp.tools.config.parse_config(['-c', conf, '-d', db])
    registry = RegistryManager.get(db)
    instrument()
    only = sys.argv[4:] or [name for name, _c, _u in SERIES]
    results = [run_series(registry, name, copies, unpaid, count)
               for name, copies, unpaid in SERIES if name in only]
    for name, stats in sorted(PROFILES.items()):
        sys.stderr.write('== %s\n' % name)
        stats.stream = sys.stderr
        stats.sort_stats('cumulative').print_stats(70)
        for callee in filter(None, os.environ.get('ORDER_PROFILE_CALLERS', '').split(',')):
            stats.print_callers(callee)
    print(json.dumps(results))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 8)
