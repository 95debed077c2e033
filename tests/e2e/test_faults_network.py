"""The shop goes away, fails, slows down or answers garbage: runs fail cleanly, then recover.

Every test puts the suite's FaultProxy between OpenERP and the shop (the
backend's URL is the proxy's), breaks the connection in one way, and states
what must hold afterwards:

- the broken run ends "failed" with a readable reason that says what is wrong
  (and never holds the token);
- the outage marks no record failed: shop trouble stops the run, it is not a
  bad record;
- the next healthy run completes, and the shop and OpenERP are in step (same
  objects per resource, nothing duplicated, see shopcheck.assert_in_step).
"""
import threading
import time

import pytest

from tests.e2e.shopcheck import (Connected, assert_in_step, assert_nothing_changed,
                                 assert_run, simple_products, synced_shop)
from tests.harness.proxy import FaultProxy


@pytest.fixture
def proxied(request, fresh_stack):
    """The stack, a FaultProxy before the shop, and a backend that talks through it.

    Orders are left out (the transport is what is tested) unless the test is
    marked ``with_orders``.
    """
    proxy = FaultProxy(upstream=fresh_stack.shop_url).start()
    orders = request.node.get_closest_marker("with_orders") is not None
    shop = Connected(fresh_stack, url=proxy.url, timeout=3, page_size=20, orders=orders)
    try:
        yield fresh_stack, proxy, shop
    finally:
        proxy.clear()
        proxy.stop()


@pytest.fixture
def proxied_synced(stack):
    """Like ``proxied``, on copies of the databases right after a healthy first sync."""
    shop = synced_shop(stack)
    proxy = FaultProxy(upstream=stack.shop_url).start()
    shop.set(url=proxy.url, timeout=3, page_size=20)
    try:
        yield stack, proxy, shop
    finally:
        proxy.clear()
        proxy.stop()


def assert_no_failed_rows(shop):
    failed = shop.failures()
    assert not failed, "a shop outage marked records failed: %s" % failed[:3]


def test_faults_shop_unreachable_when_the_run_starts(proxied):
    """Refused connections from the first request: failed run, nothing imported, cursor 0;
    the next run imports everything."""
    stack, proxy, shop = proxied
    proxy.default_fault = "refuse"
    run = shop.sync()
    assert_run(run, "failed", "does not answer")
    assert proxy.requests >= 2, "no retry before giving up"
    assert shop.bindings() == []
    assert shop.cursor() == 0

    proxy.clear()
    run = shop.sync()
    assert_run(run, "done")
    assert shop.cursor() > 0
    assert_in_step(shop)


@pytest.mark.with_orders
def test_faults_shop_stopped_in_the_middle_of_a_run(proxied):
    """The shop server stops after a few pages of the first sync: the run fails saying the shop
    does not answer, what was committed stays, no record is marked failed; once the shop is
    back the next run completes with nothing missing or duplicated."""
    stack, proxy, shop = proxied
    stopped = threading.Event()

    def stop_shop_midway():
        while proxy.requests < 6:
            time.sleep(0.01)
        stack.servers.shop.stop()
        stopped.set()

    watcher = threading.Thread(target=stop_shop_midway, daemon=True)
    watcher.start()
    try:
        run = shop.sync()
    finally:
        watcher.join(timeout=60)
    assert stopped.is_set()
    assert_run(run, "failed", "fails (HTTP 502)")
    partial = shop.bindings()
    assert_no_failed_rows(shop)
    assert shop.cursor() == 0, "a full listing that did not finish stored the feed head"

    stack.servers.shop.start(stack.shop_db)
    run = shop.sync()
    assert_run(run, "done")
    assert_in_step(shop)
    assert len(shop.bindings()) > len(partial)
    assert_nothing_changed(shop.sync())


def test_faults_shop_answers_500_and_429_for_a_while(proxied_synced):
    """A few 500/429/503 answers are absorbed by the client's retries (the run is done); a shop
    that keeps answering 500 fails the run with the status in its reason, without losing the
    changes it could not read: the next healthy run imports them."""
    stack, proxy, shop = proxied_synced
    product = simple_products(stack)[0]
    stack.shop_edit("price", product["id"], "77.70")
    proxy.plan(["500", "429", "503"])
    run = shop.sync()
    assert_run(run, "done")
    assert proxy.faults_served == 3
    assert shop.record("products", product["id"], ["list_price"])["list_price"] == \
        pytest.approx(77.70)

    stack.shop_edit("price", product["id"], "88.80")
    cursor = shop.cursor()
    proxy.default_fault = "500"
    run = shop.sync()
    assert_run(run, "failed", "HTTP 500")
    assert shop.cursor() == cursor
    assert_no_failed_rows(shop)

    proxy.default_fault = "429"
    assert_run(shop.sync(), "failed", "HTTP 429")

    proxy.clear()
    run = shop.sync()
    assert_run(run, "done")
    assert run["counts"]["products"]["updated"] == 1
    assert shop.record("products", product["id"], ["list_price"])["list_price"] == \
        pytest.approx(88.80)
    assert_in_step(shop)


def test_faults_slow_shop_read_timeout(proxied):
    """A shop slower than the backend's timeout: the run fails saying the shop does not answer
    (a read timeout), in bounded time; with a normal shop the next run completes."""
    stack, proxy, shop = proxied
    shop.set(timeout=1)
    proxy.slow_seconds = 4
    proxy.default_fault = "slow"
    started = time.monotonic()
    run = shop.sync()
    assert_run(run, "failed", "does not answer", "timeout")
    assert time.monotonic() - started < 30
    assert shop.bindings() == []

    proxy.clear()
    run = shop.sync()
    assert_run(run, "done")
    assert_in_step(shop)


@pytest.mark.parametrize("fault, words", [("not_json", ("not json",)),
                                          ("truncated", ("cut short",))])
def test_faults_response_not_json_or_cut_short(proxied_synced, fault, words):
    """Answers that are not JSON, or cut in the middle: the run fails with a reason naming the
    problem (not an internal error), no record is marked failed, the next run completes."""
    stack, proxy, shop = proxied_synced
    product = simple_products(stack)[1]
    stack.shop_edit("price", product["id"], "12.34")

    proxy.default_fault = fault
    run = shop.sync()
    assert_run(run, "failed", *words)
    assert_no_failed_rows(shop)

    proxy.clear()
    run = shop.sync()
    assert_run(run, "done")
    assert run["counts"]["products"]["updated"] == 1
    assert_in_step(shop)


def test_faults_token_revoked_between_two_runs(stack):
    """The shop rotates its API token: the next run fails saying the token was rejected (and
    shows neither token); with the new token entered, the run completes."""
    old_token = stack.api_token
    shop = synced_shop(stack)
    product = simple_products(stack)[2]
    stack.shop_edit("price", product["id"], "3.21")
    new_token = stack.shop_manage("satchmo_api_token", "--rotate").strip().splitlines()[-1]
    assert new_token and new_token != old_token
    try:
        run = shop.sync()
        assert_run(run, "failed", "rejected the api token")
        assert old_token not in run["reason"] and new_token not in run["reason"]
        assert not shop.failures()

        shop.set(api_token=new_token)
        stack.api_token = new_token
        run = shop.sync()
        assert_run(run, "done")
        assert run["counts"]["products"]["updated"] == 1
        assert_in_step(shop)
    finally:
        stack.api_token = old_token  # the next test's fresh shop database has the old one
