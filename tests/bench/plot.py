"""The benchmark's picture: where the time goes and how it compares (matplotlib, Agg).

Run by report.py in the harness virtualenv: ``python -m tests.bench.plot
results.json out.png``. Left: records/second per resource and order workflow
step. Right: the same records by the sync, load() and the push design, on
loopback and at 50 ms.
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def draw(results, out):
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    rates = results["full_sync_rates"]
    names = [n for n in sorted(rates) if rates[n]["per_second"]]
    left.barh(names, [rates[n]["per_second"] for n in names], color="#4a7ab5")
    left.set_xlabel("records / second (full sync, loopback)")
    left.set_title("Initial sync by resource and order step")
    bars = [("sync, loopback", results["sync_same_records_s"]),
            ("load(), in-process", results["load_baseline_s"]),
            ("sync, 50 ms RTT", results["sync_rtt_same_records_s"]),
            ("push, 50 ms RTT", results["push_rtt_s"])]
    right.bar([b[0] for b in bars], [b[1] for b in bars],
              color=["#4a7ab5", "#999999", "#4a7ab5", "#c0504d"])
    right.set_ylabel("seconds (catalogue, customers, draft orders)")
    right.set_title("Same records, three ways")
    right.tick_params(axis="x", labelrotation=15)
    fig.suptitle("satchmo -> OpenERP 7: store %s, %s" % (results["sizes"],
                                                          results["machine"]["date"]),
                 fontsize=9)
    fig.tight_layout()
    fig.savefig(out, dpi=100)


if __name__ == "__main__":
    draw(json.load(open(sys.argv[1])), sys.argv[2])
