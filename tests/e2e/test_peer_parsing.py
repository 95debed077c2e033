"""The peer suite's judgement: per-module OpenERP results and the two Satchmo runs compared.

Log lines are recorded from a real ``-u ... --test-enable`` run (a peer module's
YAML test file, its unittest run); the comparison gets outcomes as the
Satchmo runner writes them.
"""
from tests.harness import peer

STAMP = "2026-12-01 09:45:06,652 9609 %s peer_erp openerp.%s: "
TESTS = {"sale": ["test/cancel_order.yml"], "account": []}


def line(level, logger, message):
    return STAMP % (level, logger) + message


def loading(module, name):
    return line("INFO", "modules.loading", "module %s: loading %s" % (module, name))


def unittest_run(module, *summary):
    return [line("TEST", "modules.module",
                 "module %s: executing 2 `fast_suite` and/or `checks` sub-modules" % module),
            line("TEST", "modules.module", "test_percent_tax (openerp.addons.account.tests.T)"),
            line("TEST", "modules.module", "Ran 3 tests in 0.102s")] + [
        line("TEST", "modules.module", text) for text in summary]


def results(*lines):
    return peer.erp_module_results("\n".join(lines), lambda module: TESTS.get(module, []))


def test_a_clean_yaml_file_and_a_green_unittest_run_pass():
    found = results(loading("sale", "sale_view.xml"), loading("sale", "test/cancel_order.yml"),
                    line("TEST", "tools.yaml_import", "I cancel the order."),
                    *unittest_run("account", "OK"))
    assert (found["sale"]["passed"], found["sale"]["failed"]) == (1, [])
    assert (found["account"]["passed"], found["account"]["failed"]) == (3, [])


def test_an_error_while_a_yaml_test_loads_fails_that_file_with_its_reason():
    found = results(loading("sale", "test/cancel_order.yml"),
                    line("ERROR", "tools.yaml_import", 'assertion "order cancelled" failed!'))
    assert found["sale"]["failed"] == ["test/cancel_order.yml"]
    assert "order cancelled" in found["sale"]["reasons"]["test/cancel_order.yml"]


def test_unittest_failures_are_counted_from_openerps_two_line_summary():
    found = results(*unittest_run("account", "FAILED", " (failures=1, errors=1)"))
    assert (found["account"]["passed"], len(found["account"]["failed"])) == (1, 2)


def test_a_peer_test_file_that_never_loaded_fails():
    found = results(loading("sale", "sale_view.xml"))
    assert found["sale"]["failed"] == ["test/cancel_order.yml"]


def test_an_error_outside_any_test_file_is_not_lost():
    found = results(line("CRITICAL", "modules.module", "Couldn't load module openerp_addon"))
    assert found["(outside tests)"]["failed"] == ["log"]


def outcomes(**by_test):
    return {name: {"outcome": outcome, "reason": "why"} for name, outcome in by_test.items()}


def test_a_test_passing_without_the_api_and_failing_with_it_fails():
    passed, failed, expected, problems = peer.compare_satchmo(
        outcomes(a="passed", b="passed"), outcomes(a="passed", b="error"))
    assert (passed, failed, expected) == (1, 1, 0)
    assert "b passes without satchmo_api, error with it" in problems[0]


def test_listed_failures_are_expected_and_unlisted_ones_fail():
    listed = sorted(peer.SATCHMO_EXPECTED_FAILURES)[0]
    runs = {listed: "failed", "unlisted": "failed"}
    passed, failed, expected, problems = peer.compare_satchmo(outcomes(**runs), outcomes(**runs))
    assert (passed, failed, expected) == (0, 1, 1)
    assert "unlisted failed without satchmo_api and is not in" in problems[0]
