"""``make bench``: how fast the connector is, measured against what else could be done.

One run builds one generated store (its size a parameter) on the benchmark's
own servers (instance "bench", ports BENCH_PG_PORT / BENCH_SHOP_PORT /
BENCH_ERP_PORT) and measures, on fresh copies of one OpenERP database:

- the initial full sync (wall time, records/second per resource and per order
  workflow step, peak memory of the OpenERP process)            sync_runs.py
- OpenERP's own bulk import ``load()`` of the same records       load_baseline.py
- the original push design (new XML-RPC connection per object)   push_baseline.py
- both again behind a proxy adding 25 ms each way                 (FaultProxy)
- two OpenERP workers against one                                 scenarios.py
- idle polls at two store sizes, an incremental run after 1% changed
- the shop API's rows/second and SQL queries per page            api_bench.py

Figures are printed and written to var/bench/results.json with a PNG plot
(report.py, plot.py). Only public interfaces are used to drive the servers
(the shop API, OpenERP's XML-RPC), except ``load()``, which by definition
runs inside OpenERP (py2/load_import.py).
"""
