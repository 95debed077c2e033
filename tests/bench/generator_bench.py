"""The demo data generator at the big store's size: ``generator_s`` (issue 13).

    python3 -m tests.bench.generator_bench      # SCALE=50 by default: 10,000 orders

Builds an empty store (Satchmo's sample store) on the bench instance, then
times ``generate_demo_data --fast`` on it, at the sizes ``make bench`` uses
for that SCALE (tests/bench/sizes.py), and writes var/bench/generator.json
(wall and CPU seconds of the generator process, the load average before and
after: the machine is shared), which ``make bench`` copies into results.json
(``generator_s``, ``generator``).
GENERATOR_SLOW=1 times the ORM path instead (the reference; about 20 minutes
at 10,000 orders on a 2-core machine).
"""
import json
import os
import re
import resource
import sys
import time


from tests.harness import config

from . import sizes
from .standalone import run_alone

DB = "bench_generator"


def measure(stage, db, store, fast=True):
    """Seconds of generate_demo_data on a fresh store ``db`` of the given sizes, and the
    generator's own summary (what it made, its own clock)."""
    stage.shop.build(db)
    options = sizes.generator_options(store)
    if not fast:
        options.pop("fast")
    argv = ["--%s" % key if value is True else "--%s=%s" % (key, value)
            for key, value in sorted(options.items())]
    load_before = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    out = stage.shop.manage(db, "generate_demo_data", "-v", "2", *argv, capture=True)
    seconds = time.monotonic() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the generator's own process (manage.py); its PostgreSQL backend's CPU is not counted
    cpu_s = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    lines = out.strip().splitlines()
    phases = {}
    for line in lines:
        found = re.match(r"\s*([\d.]+)s (catalog done|customers done)", line)
        if found:
            phases[found.group(2).split()[0]] = float(found.group(1))
    return {"generator_s": round(seconds, 1), "fast": fast, "orders": store["orders"],
            "sizes": store, "phases_s": phases, "summary": lines[-1],
            "generator_cpu_s": round(cpu_s, 1), "date": time.strftime("%Y-%m-%d %H:%M"),
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}


def recorded():
    """What the last run of this bench found for the 10,000-order store with --fast
    (var/bench/generator.json), for make bench's results.json; None without one."""
    path = config.VAR / "bench" / "generator.json"
    if not path.exists():
        return None
    found = json.loads(path.read_text())
    if found.get("orders") != 10000 or not found.get("fast"):
        return None
    return found


def main():
    os.environ.setdefault("SCALE", "50")
    store = sizes.store_sizes()
    fast = not os.environ.get("GENERATOR_SLOW")
    print("generating %s (%s)..." % (store, "fast" if fast else "ORM"), flush=True)
    return run_alone("generator.json", lambda stage: measure(stage, DB, store, fast=fast))


if __name__ == "__main__":
    sys.exit(main())
