"""The order path's profile: SQL queries, ORM calls, ms and CPU per step (py2/order_profile.py).

    python3 -m tests.bench.order_profile [ORDERS]   (on the bench instance, BENCH_* ports)

Builds (once) a demo-data database with the connector installed, as the erp
suite's, and runs the Python 2 profiler on it; the profiler's transaction is
rolled back, so the database is reused. Prints the per-step table and writes
var/bench/order_profile.json.
"""
import json
import sys

from tests.harness import config
from tests.harness.erp import OUR_MODULES
from tests.harness.process import run
from tests.harness.servers import Servers

SCRIPT = config.REPO / "tests" / "bench" / "py2" / "order_profile.py"
DB = "order_profile"
STEPS = ("orders.create", "orders.confirm", "orders.invoice", "orders.invoice_taxes",
         "orders.validate", "orders.voucher")


def profile(servers, orders=8, series=()):
    """The profiler's figures (one dict per series), on a database built once per instance."""
    erp = servers.erp
    if not servers.pg.exists(DB):
        erp.create_db(DB, erp.base_template("erp_base"), modules=OUR_MODULES)
    out = run([str(erp.venv.python), str(SCRIPT), str(erp.conf), DB, str(orders)] + list(series),
              capture=True, timeout=1800, env={"PYTHONDONTWRITEBYTECODE": "1"})
    return json.loads(out.strip().splitlines()[-1])


def table(results):
    lines = []
    for result in results:
        lines.append("%s: %d orders of %d lines, run %s, %.1f s wall, %.1f s CPU" % (
            result["series"], result["orders"], result["lines_per_order"], result["run_state"],
            result["run_wall_s"], result["run_cpu_s"]))
        for step in STEPS:
            row = result["steps"].get(step)
            if row:
                lines.append("  %-22s %6.1f queries %7.1f ms %7.1f ms CPU   each: %s" % (
                    step, row["queries"], row["ms"], row["cpu_ms"],
                    " ".join(str(q) for q in row["queries_each"])))
    return "\n".join(lines)


def main(argv):
    orders = int(argv[0]) if argv else 8
    servers = Servers(config.bench_instance())
    results = profile(servers, orders, argv[1:])
    out = config.VAR / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "order_profile.json").write_text(json.dumps(results, indent=1))
    print(table(results))


if __name__ == "__main__":
    main(sys.argv[1:])
