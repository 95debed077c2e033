"""SQL queries per order and step, before and after issue 13's cuts (tests.bench.order_profile).

Measured with ``python3 -m tests.bench.order_profile 6`` on a demo-data database
(the erp suite's kind; the unit tests' recorded order 101 of 3 lines, paid in
full), means per order without the first. ``make bench`` prints them next to
its measured times; rerun the profiler to refresh them after a change of the
order path.
"""

QUERIES_PER_ORDER = {
    # step: (before, after); create's 19 more pay for what test_twin_order found missing
    # (the salesperson in the creation note, each line's unit of sale and weight);
    # invoice, validate and voucher: the default company and property domains asked once
    # per order (models/company_default_memo.py), a customer's unheld properties not
    # copied to its addresses at each reconciliation (models/property_defaults.py)
    "orders.create": (170, 189),
    "orders.confirm": (106, 106),
    "orders.invoice": (697, 552),
    "orders.invoice_taxes": (14, 14),
    "orders.validate": (672, 616),
    "orders.voucher": (1392, 796),
}


def table():
    """[(step, before, after)] in the order of the steps, and the totals."""
    rows = [(step, before, after) for step, (before, after) in QUERIES_PER_ORDER.items()]
    order = list(QUERIES_PER_ORDER)
    rows.sort(key=lambda row: order.index(row[0]))
    rows.append(("total", sum(r[1] for r in rows), sum(r[2] for r in rows)))
    return rows
