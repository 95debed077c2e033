"""How big the benchmark's stores are.

The default finishes the whole benchmark in about half an hour on a 2-core
machine: the connector costs about 1 s of OpenERP time per order taken to a
paid invoice (2026-11, after cutting the partner write-backs), and the
benchmark imports the store about six times (loopback, 50 ms, one and two
workers, the push and load() baselines). SCALE multiplies
every size but the categories (SCALE=4: four times the store, four times the
time), the catalog and the customers up to CAPS (SCALE=50: 10,000 orders of
2,000 customers over 240 products); BENCH_ORDERS etc. set one size exactly.
"""
import os

SEED = 11
DEFAULT = {"categories": 12, "products": 120, "organizations": 20, "contacts": 200,
           "orders": 200}
# the second store of the idle poll and memory comparison: a quarter of the first
SMALL_FRACTION = 0.25
# At large SCALE the catalog and the customers stop growing with the orders: a shop of
# 10,000 orders sells a few hundred products to a few thousand customers (who then order
# five times each on average: more repeat customers and address moves), and the generator
# makes products and contacts through Satchmo's models, about 0.5 s a product with its
# variations on a loaded 2-core machine: a 6,000-product catalog alone would take an hour.
CAPS = {"products": 240, "organizations": 200, "contacts": 2000}


def _scale():
    raw = os.environ.get("SCALE", "1")
    try:
        value = float(raw)
    except ValueError:
        raise SystemExit("SCALE must be a number, not %r" % raw)
    if value <= 0:
        raise SystemExit("SCALE must be positive")
    return value


def store_sizes():
    """The main store: DEFAULT times SCALE, with BENCH_<SIZE> overriding one size."""
    scale = _scale()
    sizes = {}
    for name, default in DEFAULT.items():
        value = default if name == "categories" else max(2, int(round(default * scale)))
        value = min(value, max(default, CAPS.get(name, value)))
        override = os.environ.get("BENCH_%s" % name.upper())
        sizes[name] = int(override) if override else value
    return sizes


def small_sizes(sizes):
    """The smaller store: same shape, a quarter of the objects."""
    return {name: (value if name == "categories"
                   else max(2, int(round(value * SMALL_FRACTION))))
            for name, value in sizes.items()}


def generator_options(sizes):
    """The generate_demo_data options of a bench store: its sizes, the bench's seed, and
    --fast (the orders written many rows per statement: the same rows as the ORM's, proven
    by tests/shop/tests/test_generator_bulk.py, in a tenth of the time)."""
    return dict(sizes, seed=SEED, fast=True)
