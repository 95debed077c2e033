"""The harness's own judgement: how it counts OpenERP's and pytest's results.

OpenERP's server exits 0 even when its tests fail, so `make test` lives or
dies by these parsers.
"""
from tests.harness.suites import Outcome, openerp_log_counts
from tests.harness.sync_report import format_people

PREFIX = "2026-11-28 06:40:14,587 11016 TEST erp_tests openerp.modules.module: "


def log(*messages, level="TEST"):
    return "\n".join(PREFIX.replace("TEST", level) + m for m in messages)


def test_a_green_openerp_run_counts_every_test():
    outcome = openerp_log_counts(Outcome("erp"), log("Ran 9 tests in 1.4s", "OK",
                                                     "Ran 90 tests in 104s", "OK"))
    assert (outcome.passed, outcome.failed) == (99, 0)


def test_failed_and_its_counts_on_the_next_line_are_read_together():
    text = log("Ran 90 tests in 104.011s", "FAILED", " (failures=2, errors=1)")
    outcome = openerp_log_counts(Outcome("erp"), text)
    assert (outcome.passed, outcome.failed) == (87, 3)


def test_an_error_outside_any_unittest_count_is_a_failure():
    text = log("Ran 9 tests in 1.4s", "OK") + "\n" + log(
        "At least one test failed when loading the modules.", level="ERROR")
    outcome = openerp_log_counts(Outcome("erp"), text)
    assert outcome.failed == 1 and outcome.passed == 9


def test_a_module_that_did_not_install_is_a_failure():
    text = log("Traceback (most recent call last): ParseError in views/backend.xml",
               level="CRITICAL")
    outcome = openerp_log_counts(Outcome("erp"), text)
    assert outcome.failed == 1


def test_the_demo_summary_counts_people_in_singular_and_plural():
    one = {"contacts": 1, "customers": 1, "merged_guests": 1, "merged_accounts": 0}
    assert format_people(one) == "  1 contact -> 1 customer (1 guest merged by e-mail)"
    many = {"contacts": 33, "customers": 30, "merged_guests": 3, "merged_accounts": 0}
    assert format_people(many) == "  33 contacts -> 30 customers (3 guests merged by e-mail)"
