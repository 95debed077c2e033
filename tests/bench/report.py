"""From the measurements to results.json, the printed tables and the plot.

The ratios are defined here, once:
- ratio_vs_load: the sync's time for the records load() also imports
  (the full sync's wall time less what load() has no counterpart for: the
  order workflow steps confirm, invoice, validate, voucher, and the shop's
  countries with their admin areas, which OpenERP already has) / load()'s time;
- ratio_rtt_vs_loopback: full sync through the 50 ms proxy / on loopback;
- ratio_push_vs_sync_rtt: the push baseline at 50 ms / the sync at 50 ms for
  the same records (again without the workflow steps the push does not do);
- workers_speedup: 2 x (one run alone) / (two runs at once on two workers).
"""
import json
import subprocess

from tests.harness import config
from tests.harness.process import run

from .order_queries import QUERIES_PER_ORDER, table as queries_table

RESOURCES = ("countries", "categories", "products", "organizations", "contacts", "orders")
WORKFLOW = ("orders.confirm", "orders.invoice", "orders.validate", "orders.voucher")
OUT = config.VAR / "bench"


def store_records(stage, db):
    """How many objects the store has (every resource the sync reads)."""
    stage.serve_store(db)
    api = stage.shop_api(db)
    return sum(len(api.all(resource)) for resource in RESOURCES)


def beyond_load(run):
    """Seconds of a run spent on work load() does not do (see the module's docstring)."""
    timings = run.get("timings") or {}
    steps = timings.get("steps") or {}
    countries = (timings.get("resources") or {}).get("countries", 0.0)
    return sum(steps[s]["seconds"] for s in WORKFLOW if s in steps) + countries


def ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def assemble(full, small, rtt, load, push, scaling, idle, incremental, api):
    same_full = full["seconds"] - beyond_load(full)
    same_rtt = rtt["seconds"] - beyond_load(rtt)
    per_resource = {}
    for resource, row in load.items():
        if not isinstance(row, dict):
            continue
        key = "orders.create" if resource == "orders" else resource
        sync_s = (full["rates"].get(key) or {}).get("seconds")
        per_resource[resource] = {"sync_s": sync_s, "load_s": row["seconds"],
                                  "ratio": ratio(sync_s, row["seconds"]),
                                  "records": row["records"], "load_errors": row["errors"]}
    return {
        "full_sync_s": round(full["seconds"], 1),
        "full_sync_state": full["state"],
        "full_sync_rates": full["rates"],
        "sync_same_records_s": round(same_full, 1),
        "load_baseline_s": load["total_s"],
        "load": load,
        "ratio_vs_load": ratio(same_full, load["total_s"]),
        "ratio_vs_load_per_resource": per_resource,
        "sync_rtt_s": round(rtt["seconds"], 1),
        "sync_rtt_requests": rtt["requests"],
        "sync_rtt_same_records_s": round(same_rtt, 1),
        "push_rtt_s": push["seconds"],
        "push": push,
        "ratio_rtt_vs_loopback": ratio(rtt["seconds"], full["seconds"]),
        "ratio_push_vs_sync_rtt": ratio(push["seconds"], same_rtt),
        "workers": scaling,
        "workers_speedup": scaling["speedup"],
        "idle_poll": [{"records": p["records"], "requests": p["requests"], "ms": p["ms"],
                       "touched": p["touched"]} for p in idle],
        "incremental": {k: incremental[k] for k in ("changed", "changed_total", "percent",
                                                    "requests", "ms", "touched", "state")},
        "peak_rss_mb": full["peak_rss_mb"],
        "memory": {"small_store_mb": small["peak_rss_mb"], "store_mb": full["peak_rss_mb"],
                   "small_store_hwm_mb": small["peak_hwm_mb"], "store_hwm_mb": full["peak_hwm_mb"]},
        "small_sync_s": round(small["seconds"], 1),
        "api": api,
        "orders_per_s": (full["rates"].get("orders") or {}).get("per_second"),
        "erp_cpu_s_per_order": full.get("erp_cpu_s_per_order"),
        "queries_per_order": dict((step, {"before": before, "after": after})
                                  for step, (before, after) in QUERIES_PER_ORDER.items()),
    }


def write(results):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "results.json"
    path.write_text(json.dumps(results, indent=2, sort_keys=True))
    plot(path)
    return path


def plot(path):
    """The PNG is drawn by plot.py in the harness virtualenv (matplotlib lives there)."""
    from tests.harness import venvs
    python = venvs.harness_venv().python
    argv = [str(python), "-m", "tests.bench.plot", str(path), str(path.with_suffix(".png"))]
    try:
        run(argv, capture=True, cwd=str(config.REPO))
    except (SystemExit, subprocess.SubprocessError, OSError) as error:
        print("no plot: %s" % str(error).splitlines()[0])


def table(r):
    lines = ["", "Benchmark (%s; store %s; load at start %s)"
             % (r["machine"]["date"], r["sizes"], r["machine"]["load_at_start"]),
             "  %-18s %8s %10s" % ("full sync", "records", "records/s")]
    for key, row in sorted(r["full_sync_rates"].items()):
        lines.append("  %-18s %8s %10s" % (key, row["records"], row["per_second"]))
    figures = [
        ("initial full sync", "%s s (%s)" % (r["full_sync_s"], r["full_sync_state"])),
        ("  same records as load()", "%s s" % r["sync_same_records_s"]),
        ("load() baseline", "%s s" % r["load_baseline_s"]),
        ("ratio sync / load", r["ratio_vs_load"]),
        ("sync at 50 ms RTT", "%s s (%s requests)" % (r["sync_rtt_s"], r["sync_rtt_requests"])),
        ("ratio 50 ms / loopback", r["ratio_rtt_vs_loopback"]),
        ("push baseline at 50 ms", "%s s" % r["push_rtt_s"]),
        ("ratio push / sync (50 ms)", r["ratio_push_vs_sync_rtt"]),
        ("workers 1 / 2", "%s s / %s s, speedup %s" % (r["workers"]["one_worker_s"],
                                                       r["workers"]["two_workers_s"],
                                                       r["workers_speedup"])),
        ("peak RSS small / big", "%s MB / %s MB" % (r["memory"]["small_store_mb"],
                                                    r["memory"]["store_mb"])),
    ]
    for poll in r["idle_poll"]:
        figures.append(("idle poll, %d records" % poll["records"],
                        "%s requests, %s ms" % (poll["requests"], poll["ms"])))
    inc = r["incremental"]
    figures.append(("incremental (%s%%: %d changed)" % (inc["percent"], inc["changed_total"]),
                    "%s requests, %s ms" % (inc["requests"], inc["ms"])))
    for name, value in figures:
        lines.append("  %-30s %s" % (name, value))
    lines.append(api_table(r["api"]))
    lines.append(orders_table(r))
    return "\n".join(lines)


def orders_table(r):
    """Issue 13's figures: orders/s end to end, CPU per order, queries per step, ratios."""
    lines = ["  %-30s %s" % ("orders/s end to end", r.get("orders_per_s")),
             "  %-30s %s" % ("OpenERP CPU s per order", r.get("erp_cpu_s_per_order")),
             "  %-22s %8s %8s" % ("queries per order", "before", "after")]
    for step, before, after in queries_table():
        lines.append("  %-22s %8s %8s" % (step, before, after))
    ratios = ", ".join("%s %s" % (name, row["ratio"]) for name, row in
                       sorted((r.get("ratio_vs_load_per_resource") or {}).items()))
    lines.append("  %-30s %s" % ("ratio_vs_load per resource", ratios))
    return "\n".join(lines)


def api_table(api):
    lines = ["  %-14s %8s %10s %14s" % ("shop API", "rows", "rows/s", "queries/page")]
    for resource, row in api["rows"].items():
        queries = api["queries"].get(resource, {})
        per_page = "/".join(str(q["queries"]) for q in queries.values())
        lines.append("  %-14s %8s %10s %14s" % (resource, row["rows"], row["rows_per_s"],
                                                per_page))
    return "\n".join(lines)
