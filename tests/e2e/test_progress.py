"""A long run shows its progress while it imports, to anyone reading it (issue 12, part 3).

From the copies ``synced_shop`` keeps right after a first sync (no extra first
sync): a full resync with a page size of 25 commits some fifteen batches, and a
second XML-RPC connection (another person's browser) reads the run meanwhile.
"""
import time

from tests.harness.clients import ErpRpc

from .shopcheck import assert_in_step, simple_products, synced_shop
from .test_first_hour import QUICK, wait_for_end

PROGRESS = ["state", "progress", "progress_unit", "progress_done", "progress_total",
            "progress_rate", "progress_eta", "progress_text", "count_ids"]


def watch(rpc, run_id, timeout=600):
    """Read the run every 0.2 s until it ends: (what was seen while it ran, the ended run)."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = rpc("satchmo.sync.run", "read", [run_id], PROGRESS)[0]
        if run["state"] != "running":
            return seen, run
        seen.append(run)
        time.sleep(0.2)
    raise AssertionError("run %s still running after %ss" % (run_id, timeout))


def test_a_running_run_shows_its_progress_to_another_connection(stack):
    shop = synced_shop(stack)
    shop.set(page_size=25)
    listed = sum(len(stack.api_all(resource)) for resource in shop.resources())
    someone_else = ErpRpc(stack.erp_url, stack.erp_db, stack.erp_login, stack.erp_password)

    started = time.monotonic()
    action = stack.erp("satchmo.backend", "action_start_full_resync", [shop.backend_id])
    returned = time.monotonic() - started
    seen, run = watch(someone_else, action["res_id"])
    print("button returned in %.2fs; %d reads while running, done went %s"
          % (returned, len(seen), sorted(set(r["progress_done"] for r in seen))))
    assert returned < QUICK

    moving = [r for r in seen if r["progress_done"]]
    assert len(set(r["progress_done"] for r in moving)) >= 3, seen
    for during in moving:  # of how many: the shop's own listing, known from the start
        assert (during["progress_unit"], during["progress_total"]) == ("objects", listed)
        assert 0 < during["progress"] <= 100 and during["progress_rate"] > 0
        assert during["count_ids"], "no counts per resource while running"
        assert "of %d objects listed" % listed in during["progress_text"]
    assert any(r["progress_eta"] for r in moving)
    assert run["state"] == "done"
    assert (run["progress_done"], run["progress_total"], run["progress"]) == (listed, listed,
                                                                               100.0)
    log = (stack.instance.log_dir / "erp.log").read_text(errors="replace")
    assert "satchmo: run %d of backend %d: " % (action["res_id"], shop.backend_id) in log
    assert "of %d (" % listed in log

    # "Synchronize now" returns at once; the run it opens counts the feed's changes
    stack.shop_edit("set", "product", simple_products(stack)[0]["id"], "name=Progress shirt")
    started = time.monotonic()
    action = stack.erp("satchmo.backend", "action_start_sync", [shop.backend_id])
    assert time.monotonic() - started < QUICK
    assert action["res_model"] == "satchmo.sync.run"
    ended = wait_for_end(stack, action["res_id"])
    assert ended["state"] == "done", ended["reason"]
    run = stack.erp("satchmo.sync.run", "read", [action["res_id"]], PROGRESS)[0]
    assert run["progress_unit"] == "changes"
    assert run["progress_done"] == run["progress_total"] >= 1 and run["progress"] == 100.0
    assert_in_step(shop)
