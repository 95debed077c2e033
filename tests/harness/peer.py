"""The peer suite: OpenERP's and Satchmo's own tests, with our parts installed.

Our own suites cannot show that the connector broke nothing in the code it
hooks into; the other projects' own tests can.

OpenERP
    A copy of the erp suite's demo-data base (sale, account_voucher) gets
    product_m2mcategories and openerp_addon installed, then OpenERP's own
    tests of the modules the connector touches run as OpenERP runs them:
    ``-u MODULES --test-enable`` (YAML files of each manifest's ``test`` list,
    and the unittest ``fast_suite``/``checks``). The server exits 0 whatever
    happens, so its log is read: each YAML file passes when it loaded without
    an ERROR line, unittest counts come from "Ran N" / "FAILED (...)".
    Updating these modules also updates every installed module that depends
    on them; OpenERP runs the tests of those that are demo modules of the
    database too (email_template, edi...), each counted on its own line. Ours
    declare no demo data and are marked so, so their own tests, the erp
    suite's business, do not run here a second time.

Satchmo
    Satchmo's own tests of the apps the API reads, run by Django 1.3's
    ``manage.py test`` on the test cluster's PostgreSQL twice: with the demo
    store's settings minus satchmo_api (tests/shop/settings_peer_without_api.py)
    and with them (tests/shop/settings_peer.py, and satchmo_api's change
    capture installed on the test database when satchmo_api has its
    ``satchmo_api_capture`` command). Every
    test that passes without satchmo_api must pass with it. Tests that fail on
    this stack by themselves are listed below with their reason; one that fails
    without satchmo_api and is not listed fails the suite, so the list stays
    honest.
"""
import ast
import json
import re

from . import config
from .erp import OUR_MODULES
from .process import CommandFailed, run
from .suites import COUNT, FAILED, LOG_ERROR, RAN, UPDATE_MODULE_LIST, Outcome

ERP_PEER_MODULES = ("product", "mail", "account", "account_voucher", "sale")
# OpenERP's own tests that fail on this stack without our modules (none found
# on 2026-12-01: OpenERP 7.0.406, PostgreSQL 15, the harness's two patches).
ERP_EXPECTED_FAILURES = {}
ERP_PEER_TIMEOUT = 1500

SATCHMO_APPS = ("product", "configurable", "shop", "contact", "payment", "tax", "l10n")
SATCHMO_RUNNER = config.REPO / "tests" / "harness" / "py2" / "satchmo_tests.py"
SATCHMO_TIMEOUT = 1200
# Satchmo 0.9.2's own tests that fail on this stack without satchmo_api, and why.
_CARD_EXPIRED = ("its checkout posts a test card expiring in 2015; payment/forms.py offers "
                 "expiry years from this year on, so the form is invalid and answers 200 where "
                 "the test expects a redirect")
SATCHMO_EXPECTED_FAILURES = {
    "satchmo_store.shop.tests.ShopTest.test_checkout": _CARD_EXPIRED,
    "satchmo_store.shop.tests.ShopTest.test_two_checkouts_dont_duplicate_contact": _CARD_EXPIRED,
}

MODULE_LINE = re.compile(r" openerp\.modules\.\w+: module (\S+): (loading (\S+)|executing)")


def peer_suite(servers, reports):
    outcome = Outcome("peer")
    log = servers.instance.log_dir / "suite-peer.log"
    log.unlink(missing_ok=True)
    erp_peer(servers, outcome, log)
    satchmo_peer(servers, reports, outcome, log)
    return outcome, log


def _report(outcome, what, passed, failed, skipped=0, problems=()):
    outcome.passed += passed
    outcome.failed += failed
    outcome.skipped += skipped
    outcome.problems.extend(problems)
    line = "  peer  %-38s %d passed, %d failed" % (what, passed, failed)
    if skipped:
        line += ", %d expected to fail" % skipped
    print(line, flush=True)


# -- OpenERP -------------------------------------------------------------------------------

def erp_peer(servers, outcome, log):
    erp = servers.erp
    db = "peer_erp"
    erp_log = servers.instance.log_dir / "suite-peer-erp.log"
    erp_log.unlink(missing_ok=True)
    try:
        servers.pg.create(db, owner="openerp", template=erp.base_template("erp_base"))
        run([str(erp.venv.python), "-c", UPDATE_MODULE_LIST, str(erp.conf), db], log=log,
            timeout=300)
        erp.install(db, OUR_MODULES, log=log)
        # OpenERP marks a module installed on a demo database as a demo module
        # (it inherits the flag from its dependencies), and -u --test-enable
        # runs the tests of every updated demo module. Ours have no demo data;
        # clearing their flag leaves their tests to the erp suite instead of
        # running them here a second time (about 5 minutes).
        servers.pg.sql("UPDATE ir_module_module SET demo = false WHERE name IN (%s)"
                       % ", ".join("'%s'" % name for name in OUR_MODULES), db=db)
        run(erp.argv("-d", db, "-u", ",".join(ERP_PEER_MODULES), "--stop-after-init",
                     "--test-enable", "--log-level=test"),
            log=erp_log, timeout=ERP_PEER_TIMEOUT, env={"PYTHONDONTWRITEBYTECODE": "1"})
    except CommandFailed as error:
        _report(outcome, "OpenERP (set-up)", 0, 1, problems=[str(error).splitlines()[0]])
        return
    except Exception as error:  # a hung run ends in a timeout: count it, keep going
        _report(outcome, "OpenERP", 0, 1, problems=["OpenERP peer run did not finish: %s"
                                                    % error])
    text = erp_log.read_text(errors="replace") if erp_log.exists() else ""
    results = erp_module_results(text, lambda module: manifest_tests(erp, module))
    for module in sorted(results, key=_peer_first):
        result = results[module]
        expected = ERP_EXPECTED_FAILURES.get(module, {})
        failed = [name for name in result["failed"] if name not in expected]
        problems = ["OpenERP %s: %s" % (module, result["reasons"][name]) for name in failed]
        label = "OpenERP %s%s" % (module, "" if module in ERP_PEER_MODULES else " (updated too)")
        _report(outcome, label, result["passed"], len(failed), len(result["failed"]) - len(failed),
                problems)
    if "At least one test failed" in text and not any(r["failed"] for r in results.values()):
        _report(outcome, "OpenERP (log)", 0, 1, problems=["OpenERP logged a failed test that "
                                                          "no module explains: see %s" % erp_log])
    if not results:
        _report(outcome, "OpenERP", 0, 1, problems=["no OpenERP test ran, see %s" % erp_log])


def _peer_first(module):
    return (module not in ERP_PEER_MODULES, module)


def manifest_tests(erp, module):
    """A module's YAML test files, from its own manifest's ``test`` list."""
    for addons in (erp.venv.site_packages / "openerp" / "addons", config.ADDONS):
        manifest = addons / module / "__openerp__.py"
        if manifest.exists():
            declared = ast.literal_eval(manifest.read_text()).get("test", [])
            return [name for name in declared if name.endswith(".yml")]
    return []


def erp_module_results(log_text, test_files):
    """Per module: tests passed, names of those that failed and why, from the log.

    Lines are attributed to the file OpenERP said it was loading ("module M:
    loading F") or to the module's unittest run ("module M: executing ...").
    A YAML test file (one of ``test_files(module)``, the manifest's ``test``
    list) passes when no ERROR/CRITICAL line follows it before the next file;
    a test file of a peer module that never loads fails.
    """
    results = {}
    current = None  # (module, file or "unittest")
    errors = {}
    unittest_messages = {}
    for line in log_text.splitlines():
        match = MODULE_LINE.search(line)
        if match:
            current = (match.group(1), match.group(3) or "unittest")
            if current[1] != "unittest" and current[1] not in test_files(current[0]):
                current = None  # data files are not tests
            elif current[1] != "unittest":
                errors.setdefault(current, [])
            continue
        if current is not None and current[1] == "unittest" and " TEST " in line:
            unittest_messages.setdefault(current[0], []).append(line.split(": ", 1)[-1])
        if LOG_ERROR.match(line) and "At least one test failed when loading" not in line:
            errors.setdefault(current or ("(outside tests)", "log"), []).append(
                line.split(": ", 1)[-1])
    for (module, name), lines in errors.items():
        if name == "unittest":
            continue
        result = results.setdefault(module, {"passed": 0, "failed": [], "reasons": {}})
        if lines:
            result["failed"].append(name)
            result["reasons"][name] = "%s: %s" % (name, lines[0])
        else:
            result["passed"] += 1
    for module, messages in unittest_messages.items():
        result = results.setdefault(module, {"passed": 0, "failed": [], "reasons": {}})
        text = "\n".join(messages)
        ran = sum(int(n) for n in RAN.findall(text))
        bad = sum(int(n) for details in FAILED.findall(text) for _, n in COUNT.findall(details))
        if errors.get((module, "unittest")) and not bad:
            bad = 1
        result["passed"] += max(ran - bad, 0)
        for number in range(bad):
            name = "unittest %d" % (number + 1)
            result["failed"].append(name)
            result["reasons"][name] = "%d unittest failures or errors" % bad
    for module in ERP_PEER_MODULES:
        result = results.setdefault(module, {"passed": 0, "failed": [], "reasons": {}})
        for name in test_files(module):
            if (module, name) not in errors:
                result["failed"].append(name)
                result["reasons"][name] = "%s did not run" % name
    return results


# -- Satchmo -------------------------------------------------------------------------------

def satchmo_peer(servers, reports, outcome, log):
    without = satchmo_run(servers, "settings_peer_without_api",
                          reports / "peer-satchmo-without.json", log, capture=False)
    with_api = satchmo_run(servers, "settings_peer", reports / "peer-satchmo-with.json", log,
                           capture=True)
    if without is None or with_api is None:
        _report(outcome, "Satchmo", 0, 1, problems=["Satchmo's tests did not run, see %s" % log])
        return
    passed, failed, expected, problems = compare_satchmo(without, with_api)
    _report(outcome, "Satchmo (%d tests)" % len(without), passed, failed, expected, problems)


def satchmo_run(servers, settings_module, results, log, capture):
    """One run of Satchmo's tests; {test id: {"outcome", "reason"}} or None."""
    results.unlink(missing_ok=True)
    # Django 1.3 connects to its configured database before it makes test_<name>
    servers.pg.create("shop_peer", owner="shop")
    env = dict(servers.shop.env("shop_peer"), PEER_INSTALL_CAPTURE="1" if capture else "0")
    argv = [str(servers.venvs["shop"].python), str(SATCHMO_RUNNER), settings_module,
            str(results)] + list(SATCHMO_APPS)
    try:
        run(argv, log=log, env=env, cwd=str(config.SHOP_PROJECT), check=False,
            timeout=SATCHMO_TIMEOUT)
        return json.loads(results.read_text())["tests"]
    except (OSError, ValueError, KeyError) as error:
        with open(log, "a") as out:
            out.write("peer: no results from %s: %s\n" % (settings_module, error))
        return None


def compare_satchmo(without, with_api):
    """(passed, failed, expected failures, problems) of the two runs, test by test."""
    passed = failed = expected = 0
    problems = []
    for test in sorted(set(without) | set(with_api)):
        before = without.get(test, {"outcome": "missing", "reason": "not run"})
        after = with_api.get(test, {"outcome": "missing", "reason": "not run"})
        if before["outcome"] == "passed":
            if after["outcome"] == "passed":
                passed += 1
            else:
                failed += 1
                problems.append("Satchmo %s passes without satchmo_api, %s with it: %s"
                                % (test, after["outcome"], after["reason"]))
        elif before["outcome"] == "skipped":
            expected += 1
        elif test in SATCHMO_EXPECTED_FAILURES:
            expected += 1
        else:
            failed += 1
            problems.append("Satchmo %s %s without satchmo_api and is not in "
                            "SATCHMO_EXPECTED_FAILURES: %s" % (test, before["outcome"],
                                                               before["reason"]))
    for test in sorted(SATCHMO_EXPECTED_FAILURES):
        if without.get(test, {}).get("outcome") == "passed":
            problems.append("Satchmo %s passes now: take it off SATCHMO_EXPECTED_FAILURES" % test)
    return passed, failed, expected, problems
