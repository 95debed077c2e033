# -*- coding: utf-8 -*-
"""OpenERP's own bulk import, ``load()``, of the shop's records: the stack's practical limit.

Run with the OpenERP virtualenv's Python 2.7, on a fresh copy of the same
database template as the sync, with no server running on it:

    python load_import.py CONF DB RECORDS.json  ->  JSON on stdout

RECORDS.json holds what the shop API answered per resource. They are turned
into load()'s rows (external ids "bench.<resource>_<shop id>" stand in for
the connector's mapping rows and carry the references) and loaded one
resource after the other, in one transaction each, as the import dialog of
the web client does. Contacts load as the sync imports them: a partner under
its organization, and a child partner per address of its address book. Orders become draft sale orders with their lines: load()
has no workflow, so confirmation, invoice and payment have no counterpart
here and are compared separately.
"""
import json
import sys
import time

import openerp
from openerp.modules.registry import RegistryManager

XMLID = "bench.%s_%s"
CONTEXT = {"mail_create_nolog": True, "mail_create_nosubscribe": True,
           "tracking_disable": True}


def ref(resource, shop_id):
    return shop_id and XMLID % (resource, shop_id) or ""


def country_ref(code):
    code = (code or "").strip().lower()
    if not code:
        return ""
    return "base.%s" % ("uk" if code == "gb" else code)


def text(value):
    return u"%s" % value if value not in (None, False) else u""


def categories(records):
    """Parents first: load() resolves a parent's external id only once it exists."""
    by_id = dict((r["id"], r) for r in records)
    done, rows = set(), []

    def add(record):
        if record["id"] in done:
            return
        parent = record.get("parent_id")
        if parent and parent in by_id:
            add(by_id[parent])
        done.add(record["id"])
        rows.append([ref("categories", record["id"]), text(record["name"]),
                     ref("categories", parent)])

    for record in records:
        add(record)
    return "product.category", ["id", "name", "parent_id/id"], rows


def products(records):
    rows = [[ref("products", r["id"]), text(r["name"]), text(r.get("sku")),
             text(r.get("unit_price") or "0"),
             ref("categories", r.get("main_category_id")) or "product.product_category_all",
             text(r.get("description")), "1" if r.get("active") else "0"] for r in records]
    return ("product.product", ["id", "name", "default_code", "list_price", "categ_id/id",
                                "description_sale", "active"], rows)


def organizations(records):
    rows = [[ref("organizations", r["id"]), text(r["name"]), "1", "1", text(r.get("notes"))]
            for r in records]
    return "res.partner", ["id", "name", "is_company", "customer", "comment"], rows


def contacts(records):
    """A partner per contact, and a child partner per address (as the sync makes them)."""
    people, addresses = [], []
    for r in records:
        phones = r.get("phones") or [{}]
        name = (u"%s %s" % (r.get("first_name") or u"", r.get("last_name") or u"")).strip()
        name = name or r.get("email") or u"#%s" % r["id"]
        people.append([ref("contacts", r["id"]), name, text(r.get("email")),
                       text(phones[0].get("phone")),
                       ref("organizations", r.get("organization_id")), "1",
                       text(r.get("notes"))])
        for a in r.get("addresses") or []:
            billing, shipping = a.get("is_default_billing"), a.get("is_default_shipping")
            kind = (billing and shipping and "default" or billing and "invoice"
                    or shipping and "delivery" or "other")
            addresses.append([ref("addresses", a["id"]), text(a.get("addressee")) or name,
                              ref("contacts", r["id"]), kind, text(a.get("street1")),
                              text(a.get("street2")), text(a.get("city")),
                              text(a.get("postal_code")), country_ref(a.get("country")),
                              "1", "0"])
    return [("res.partner", ["id", "name", "email", "phone", "parent_id/id", "customer",
                             "comment"], people),
            ("res.partner", ["id", "name", "parent_id/id", "type", "street", "street2", "city",
                             "zip", "country_id/id", "customer", "use_parent_address"],
             addresses)]


def orders(records, pricelist_id, shop_id):
    fields = ["id", "name", "partner_id/id", "partner_invoice_id/id",
              "partner_shipping_id/id", "pricelist_id/.id", "shop_id/.id", "date_order",
              "client_order_ref", "order_policy", "order_line/product_id/id", "order_line/name",
              "order_line/product_uom_qty", "order_line/price_unit"]
    rows = []
    for r in records:
        if not r.get("contact_id"):
            continue
        partner = ref("contacts", r["contact_id"])
        head = [ref("orders", r["id"]), u"LOAD-%s" % r["id"], partner, partner, partner,
                str(pricelist_id), str(shop_id), text(r.get("time_stamp"))[:10],
                text(r["id"]), "manual"]
        items = r.get("items") or []
        for index, item in enumerate(items or [{}]):
            line = [ref("products", item.get("product_id")), text(item.get("name")),
                    text(item.get("quantity")), text(item.get("unit_price"))]
            rows.append((head if index == 0 else [""] * len(head)) + line)
    return "sale.order", fields, rows


def main(conf, db, path):
    openerp.tools.config.parse_config(["-c", conf])
    records = json.load(open(path))
    registry = RegistryManager.get(db)
    results = {}
    cr = registry.db.cursor()
    try:
        uid = openerp.SUPERUSER_ID
        pricelist_id = registry.get("product.pricelist").search(
            cr, uid, [("type", "=", "sale")], limit=1)[0]
        shop_id = registry.get("sale.shop").search(cr, uid, [], limit=1)[0]
        plan = [("categories", categories), ("products", products),
                ("organizations", organizations), ("contacts", contacts),
                ("orders", lambda rs: orders(rs, pricelist_id, shop_id))]
        for resource, convert in plan:
            loads = convert(records.get(resource) or [])
            if not isinstance(loads, list):
                loads = [loads]
            seconds, loaded, errors = 0.0, 0, []
            for model, fields, rows in loads:
                started = time.time()
                try:
                    answer = registry.get(model).load(cr, uid, fields, rows,
                                                      context=dict(CONTEXT))
                except Exception as error:  # OpenERP 7 fails to describe some PG errors
                    answer = {"ids": [], "messages": [{"type": "error",
                                                       "message": repr(error)}]}
                failed = [m for m in answer.get("messages") or [] if m.get("type") == "error"]
                if failed:
                    cr.rollback()
                else:
                    cr.commit()
                seconds += time.time() - started
                loaded += len([i for i in answer.get("ids") or [] if i])
                errors += [m.get("message") for m in failed[:3]]
            results[resource] = {"model": loads[0][0],
                                 "records": len(records.get(resource) or []),
                                 "loaded": loaded, "seconds": round(seconds, 3),
                                 "errors": errors}
    finally:
        cr.close()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:4])
