"""Where things live and which ports they use.

Everything generated at run time lives under ``var/`` (git-ignored). The demo
and the test run are two *instances*, each with its own PostgreSQL cluster,
ports and logs, so that ``make test`` can run while the demo is up, and two
checkouts can run side by side by setting the port variables.
"""
import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VAR = Path(os.environ.get("SATCHMO_SYNC_VAR", REPO / "var"))
VENVS = VAR / "venvs"
REQUIREMENTS = REPO / "requirements"
SHOP_PROJECT = REPO / "tests" / "shop"
ADDONS = REPO  # openerp_addon/ and product_m2mcategories/ sit at the top


def _port(name, default):
    value = os.environ.get(name, str(default))
    if not value.isdigit():
        raise SystemExit("%s must be a port number, not %r" % (name, value))
    return int(value)


@dataclass(frozen=True)
class Instance:
    """One set of servers: PostgreSQL, the shop and OpenERP."""

    name: str
    pg_port: int
    shop_port: int
    erp_port: int

    @property
    def dir(self):
        return VAR / self.name

    @property
    def run_dir(self):
        return self.dir / "run"

    @property
    def log_dir(self):
        return self.dir / "log"

    @property
    def shop_url(self):
        return "http://127.0.0.1:%d" % self.shop_port

    @property
    def erp_url(self):
        return "http://127.0.0.1:%d" % self.erp_port


def demo_instance():
    return Instance("demo", _port("PG_PORT", 55432), _port("SHOP_PORT", 18000),
                    _port("ERP_PORT", 18069))


def test_instance():
    """The test run's servers; TEST_INSTANCE names another set (its own folder)."""
    return Instance(os.environ.get("TEST_INSTANCE", "test"), _port("TEST_PG_PORT", 55433), _port("TEST_SHOP_PORT", 18100),
                    _port("TEST_ERP_PORT", 18169))


def bench_instance():
    """The benchmark's servers (``make bench``): never shared with the demo or the tests.

    BENCH_INSTANCE names another set (its own folder), e.g. for the API benchmark
    to build its large store while a benchmark runs.
    """
    return Instance(os.environ.get("BENCH_INSTANCE", "bench"), _port("BENCH_PG_PORT", 55571),
                    _port("BENCH_SHOP_PORT", 18571), _port("BENCH_ERP_PORT", 18639))


INSTANCES = {"demo": demo_instance, "test": test_instance}
