"""The demo's last step: a reconciliation of the demo shop, and where to look at it."""

ACTION = "openerp_addon.action_satchmo_reconciliation"


def reconcile(rpc, backend_id, erp_url):
    """Press Reconcile on the shop; what the reconciliation found, for the summary."""
    action = rpc("satchmo.backend", "action_reconcile", [backend_id])
    run = rpc("satchmo.reconciliation", "read", [action["res_id"]],
              ["state", "order_count", "difference_count", "month_ids", "seconds"])[0]
    months = rpc("satchmo.reconciliation.month", "read", run["month_ids"], ["month", "clean"])
    module, name = ACTION.split(".")
    action_id = rpc("ir.model.data", "get_object_reference", module, name)[1]
    return {"state": run["state"], "orders": run["order_count"],
            "differences": run["difference_count"], "seconds": round(run["seconds"], 1),
            "months": len(months), "clean_months": len([m for m in months if m["clean"]]),
            "url": "%s/#id=%d&view_type=form&model=satchmo.reconciliation&action=%d"
                   % (erp_url.rstrip("/"), action["res_id"], action_id)}


def lines(found):
    """The summary's lines about the reconciliation."""
    return ["Reconciliation: %s, %d orders, %d of %d months clean, %d differences (%ss)"
            % (found["state"], found["orders"], found["clean_months"], found["months"],
               found["differences"], found["seconds"]),
            "  look at it in OpenERP: Satchmo > Reconciliation > Reconciliations, or",
            "  %s" % found["url"]]
