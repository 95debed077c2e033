"""``make test``: every suite, each with its own servers, and one summary line.

Suites:
  shop  pytest on Python 2.7 (satchmo_api and the demo store) against a real
        PostgreSQL database of the test cluster
  erp   OpenERP's --test-enable run of product_m2mcategories and openerp_addon
        on a database with demo data; openerp-server exits 0 even when tests
        fail, so its log is parsed
  e2e   pytest on Python 3 (tests/e2e): the real shop and the real OpenERP
        together, started by the suite itself
  peer  OpenERP's own tests of the modules we touch, with our modules
        installed, and Satchmo's own tests without and with satchmo_api
        (tests/harness/peer.py)

The last line is "N passed, N failed" over all suites; the exit code is
non-zero if anything failed or a suite did not run.
"""
import re
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field

from . import config
from .erp import OUR_MODULES
from .process import CommandFailed, run, tail
from .servers import Servers, stop_instance

ERP_TEST_TIMEOUT = 1800  # the erp suite is ~150 tests: minutes on a quiet machine, far more on a loaded one
# the e2e suite took 29 min on a quiet machine before the partitions and two-shop tests, and
# passed the 40 min it was given on a machine running the benchmark as well
E2E_TEST_TIMEOUT = 3600
# Addons that exist to be tested (the custom-mapping example): installed by the
# erp suite after ours, never by the demo.
TEST_ONLY_MODULES = ("openerp_addon_custom_example",)
# A database knows the addons that were on the path when it was made; -i of a
# newer one is "ignored" unless the module list is refreshed first.
UPDATE_MODULE_LIST = (
    "import sys, openerp; openerp.tools.config.parse_config(['-c', sys.argv[1]]); "
    "registry = openerp.modules.registry.RegistryManager.get(sys.argv[2]); "
    "cr = registry.db.cursor(); registry['ir.module.module'].update_list(cr, 1); "
    "cr.commit(); cr.close()")


@dataclass
class Outcome:
    suite: str
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    problems: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ran(self):
        return self.passed + self.failed > 0

    def line(self):
        text = "%-5s %d passed, %d failed, %d skipped (%.0fs)" % (
            self.suite, self.passed, self.failed, self.skipped, self.seconds)
        if self.problems:
            text += " - " + "; ".join(self.problems)
        return text


def junit_counts(outcome, report):
    """Fill an outcome from a pytest junit-xml report."""
    try:
        root = ElementTree.parse(str(report)).getroot()
    except (OSError, ElementTree.ParseError) as error:
        outcome.problems.append("no test report (%s)" % error)
        return outcome
    suites = [root] if root.tag == "testsuite" else list(root)
    for suite in suites:
        tests = int(suite.get("tests", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped = int(suite.get("skipped", 0))
        outcome.failed += bad
        outcome.skipped += skipped
        outcome.passed += tests - bad - skipped
    return outcome


RAN = re.compile(r"Ran (\d+) tests? in")
# the runner's "FAILED (errors=1)" reaches the log as two lines: "FAILED", " (errors=1)"
FAILED = re.compile(r"FAILED\s*\(([^)]*)\)")
COUNT = re.compile(r"(failures|errors)=(\d+)")
LOG_ERROR = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ")


def openerp_log_counts(outcome, log_text):
    """Fill an outcome from an OpenERP 7 --test-enable log.

    unittest2's runner logs "Ran N tests" then "OK" or "FAILED (failures=F,
    errors=E)" per module; YAML tests and broken installs only log ERROR lines
    (and "At least one test failed when loading the modules."). Every ERROR or
    CRITICAL log line that no unittest count explains is a failure.
    """
    messages = "\n".join(line.split(": ", 1)[-1] for line in log_text.splitlines()
                         if " TEST " in line)
    ran = sum(int(n) for n in RAN.findall(messages))
    bad = 0
    for details in FAILED.findall(messages):
        bad += sum(int(n) for _, n in COUNT.findall(details))
    outcome.passed += ran - bad
    outcome.failed += bad
    error_lines = [line for line in log_text.splitlines() if LOG_ERROR.match(line)]
    unexplained = [line for line in error_lines
                   if "at least one error occurred in a test" not in line
                   and "At least one test failed when loading" not in line
                   and not line.rstrip().endswith("` FAIL")]
    if bad == 0 and (unexplained or "At least one test failed" in log_text):
        outcome.failed += max(1, len(unexplained))
        outcome.problems.append("errors in the OpenERP log: %s" % (unexplained or ["see log"])[0])
    return outcome


def shop_suite(servers, reports):
    outcome = Outcome("shop")
    report = reports / "shop.xml"
    report.unlink(missing_ok=True)
    # Django 1.3 connects to its configured database before making test_<name>
    servers.pg.create("shop_pytest", owner="shop")
    env = dict(servers.shop.env("shop_pytest"), PYTHONPATH=str(config.SHOP_PROJECT))
    argv = [str(servers.venvs["shop"].python), "-m", "pytest", "-c",
            str(config.SHOP_PROJECT / "pytest.ini"), "--junitxml=%s" % report, "-q",
            str(config.REPO / "satchmo_api"), str(config.SHOP_PROJECT)]
    log = servers.instance.log_dir / "suite-shop.log"
    log.unlink(missing_ok=True)
    code = run(argv, log=log, env=env, cwd=str(config.SHOP_PROJECT), check=False, timeout=1200)
    junit_counts(outcome, report)
    if code not in (0, 1):
        outcome.problems.append("pytest exited %d, see %s" % (code, log))
    return outcome, log


def erp_suite(servers, reports):
    outcome = Outcome("erp")
    log = servers.instance.log_dir / "suite-erp.log"
    log.unlink(missing_ok=True)
    # The one database with OpenERP's demo data: OpenERP 7 runs a module's tests
    # (--test-enable) only where demo data is installed. Everything else (e2e, demo,
    # bench) runs on a real company's database (company.py).
    base = servers.erp.base_template("erp_base")
    servers.pg.create("erp_tests", owner="openerp", template=base)
    try:
        run([str(servers.erp.venv.python), "-c", UPDATE_MODULE_LIST, str(servers.erp.conf),
             "erp_tests"], log=log, timeout=300)
        servers.erp.install("erp_tests", OUR_MODULES + TEST_ONLY_MODULES, log=log, test=True,
                            timeout=ERP_TEST_TIMEOUT)
    except CommandFailed as error:
        outcome.problems.append(str(error).splitlines()[0])
        outcome.failed += 1
    except Exception as error:  # a hung run ends in a timeout: count it, keep going
        outcome.problems.append("OpenERP test run did not finish: %s" % error)
        outcome.failed += 1
    openerp_log_counts(outcome, log.read_text(errors="replace") if log.exists() else "")
    return outcome, log


def e2e_suite(servers, reports, pytest_args=()):
    outcome = Outcome("e2e")
    report = reports / "e2e.xml"
    report.unlink(missing_ok=True)
    log = servers.instance.log_dir / "suite-e2e.log"
    log.unlink(missing_ok=True)
    argv = [str(servers.venvs["harness"].python), "-m", "pytest", "-c",
            str(config.REPO / "tests" / "e2e" / "pytest.ini"), "--junitxml=%s" % report,
            "-rfE", str(config.REPO / "tests" / "e2e")] + list(pytest_args)
    code = run(argv, log=log, env={"SATCHMO_SYNC_INSTANCE": servers.instance.name},
               cwd=str(config.REPO), check=False, timeout=E2E_TEST_TIMEOUT)
    junit_counts(outcome, report)
    if code not in (0, 1):
        outcome.problems.append("pytest exited %d, see %s" % (code, log))
    return outcome, log


def peer_suite(servers, reports):
    from .peer import peer_suite as run_peer  # peer.py builds on this module's parsing
    return run_peer(servers, reports)


SUITES = {"shop": shop_suite, "erp": erp_suite, "e2e": e2e_suite, "peer": peer_suite}


def run_suites(instance, only=None, pytest_args=()):
    names = only or list(SUITES)
    reports = instance.dir / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    outcomes = []
    stop_instance(instance)
    try:
        servers = Servers(instance)
        for name in names:
            print("running the %s suite..." % name, flush=True)
            started = time.monotonic()
            suite = SUITES[name]
            try:
                if name == "e2e":
                    outcome, log = suite(servers, reports, pytest_args)
                else:
                    outcome, log = suite(servers, reports)
            except Exception as error:  # a suite that cannot run counts as failed
                outcome, log = Outcome(name, failed=1, problems=[str(error)]), None
            outcome.seconds = time.monotonic() - started
            outcomes.append(outcome)
            print("  " + outcome.line(), flush=True)
            if (outcome.failed or not outcome.ran) and log is not None:
                print("  --- end of %s ---\n%s" % (log, _indent(tail(log, 60))), flush=True)
    finally:
        stop_instance(instance)
    passed = sum(o.passed for o in outcomes)
    failed = sum(o.failed for o in outcomes)
    missing = [o.suite for o in outcomes if not o.ran]
    if missing:
        print("suites that ran no test: %s" % ", ".join(missing))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and not missing and len(outcomes) == len(names) else 1


def _indent(text):
    return "\n".join("  | " + line for line in text.splitlines())
