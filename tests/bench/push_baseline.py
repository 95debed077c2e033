"""The original design, for comparison: the shop pushes each object to OpenERP's XML-RPC.

What the system this connector replaces did, per object: open a new XML-RPC
connection (a new ServerProxy, so a new transport and TCP connection),
search whether the object exists, then create or write it. Every object pays
its round trips in full and nothing overlaps them with OpenERP's work.

It pushes the same records as the load() baseline (catalogue, customers with
a child partner per address, and orders as draft sale orders with their
lines), read from the same shop API
answers; references are resolved from what it pushed before (generous to the
baseline: the old system searched for them too).
"""
import time
import xmlrpc.client

from tests.harness.erp import ADMIN_LOGIN

CONTEXT = {"mail_create_nolog": True, "mail_create_nosubscribe": True}


class Pusher:
    def __init__(self, url, db, login=ADMIN_LOGIN):
        self.url, self.db = url.rstrip("/"), db
        self.login, self.password = login
        common = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/common")
        self.uid = common.login(db, self.login, self.password)
        self.ids = {}
        self.seconds = {}
        self.counts = {}

    def call(self, proxy, model, method, *args):
        return proxy.execute_kw(self.db, self.uid, self.password, model, method, list(args),
                                {"context": CONTEXT})

    def push(self, resource, model, shop_id, domain, values):
        """One object the old way: new connection, existence search, create or write."""
        proxy = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/object", allow_none=True)
        found = self.call(proxy, model, "search", domain)
        if found:
            self.call(proxy, model, "write", found[:1], values)
            res_id = found[0]
        else:
            res_id = self.call(proxy, model, "create", values)
        self.ids[(resource, shop_id)] = res_id
        return res_id

    def timed(self, resource, objects, one):
        started = time.monotonic()
        for obj in objects:
            one(obj)
        self.seconds[resource] = round(time.monotonic() - started, 2)
        self.counts[resource] = len(objects)

    def ref(self, resource, shop_id):
        return self.ids.get((resource, shop_id)) or False


def run_push(url, db, records):
    pusher = Pusher(url, db)
    proxy = xmlrpc.client.ServerProxy(pusher.url + "/xmlrpc/object", allow_none=True)
    pricelist = pusher.call(proxy, "product.pricelist", "search", [("type", "=", "sale")])[0]
    shop = pusher.call(proxy, "sale.shop", "search", [])[0]
    started = time.monotonic()

    categories = sorted(records["categories"], key=lambda c: (c.get("parent_id") or 0, c["id"]))
    pusher.timed("categories", categories, lambda c: pusher.push(
        "categories", "product.category", c["id"], [("name", "=", c["name"])],
        {"name": c["name"], "parent_id": pusher.ref("categories", c.get("parent_id"))}))
    pusher.timed("products", records["products"], lambda p: pusher.push(
        "products", "product.product", p["id"], [("default_code", "=", p.get("sku") or "")],
        {"name": p["name"], "default_code": p.get("sku") or False,
         "list_price": float(p.get("unit_price") or 0),
         "categ_id": pusher.ref("categories", p.get("main_category_id")) or 1,
         "active": bool(p.get("active"))}))
    pusher.timed("organizations", records["organizations"], lambda o: pusher.push(
        "organizations", "res.partner", o["id"], [("ref", "=", "ORG-%s" % o["id"])],
        {"name": o["name"], "ref": "ORG-%s" % o["id"], "is_company": True, "customer": True}))
    pusher.timed("contacts", records["contacts"], lambda c: pusher.push(
        "contacts", "res.partner", c["id"], [("ref", "=", "CON-%s" % c["id"])],
        contact_values(pusher, c)))
    addresses = [(contact, address) for contact in records["contacts"]
                 for address in contact.get("addresses") or []]
    pusher.timed("addresses", addresses, lambda pair: pusher.push(
        "addresses", "res.partner", pair[1]["id"], [("ref", "=", "ADR-%s" % pair[1]["id"])],
        address_values(pusher, *pair)))
    orders = [o for o in records["orders"] if o.get("contact_id")]
    pusher.timed("orders", orders, lambda o: pusher.push(
        "orders", "sale.order", o["id"], [("client_order_ref", "=", str(o["id"]))],
        order_values(pusher, o, pricelist, shop)))
    return {"seconds": round(time.monotonic() - started, 2), "per_resource": pusher.seconds,
            "counts": pusher.counts}


def contact_values(pusher, contact):
    name = ("%s %s" % (contact.get("first_name") or "", contact.get("last_name") or "")).strip()
    return {"name": name or "?", "ref": "CON-%s" % contact["id"],
            "email": contact.get("email") or False, "customer": True,
            "parent_id": pusher.ref("organizations", contact.get("organization_id"))}


def address_values(pusher, contact, address):
    """An address of a contact's address book: a child partner, as the sync makes it."""
    billing, shipping = address.get("is_default_billing"), address.get("is_default_shipping")
    kind = (billing and shipping and "default" or billing and "invoice"
            or shipping and "delivery" or "other")
    return {"name": address.get("addressee") or contact.get("last_name") or "?",
            "ref": "ADR-%s" % address["id"], "type": kind, "customer": True,
            "parent_id": pusher.ref("contacts", contact["id"]), "use_parent_address": False,
            "street": address.get("street1") or False, "city": address.get("city") or False,
            "zip": address.get("postal_code") or False}


def order_values(pusher, order, pricelist, shop):
    partner = pusher.ref("contacts", order["contact_id"])
    lines = [(0, 0, {"product_id": pusher.ref("products", item.get("product_id")),
                     "name": item.get("name") or "?",
                     "product_uom_qty": float(item.get("quantity") or 1),
                     "price_unit": float(item.get("unit_price") or 0)})
             for item in order.get("items") or []]
    return {"name": "PUSH-%s" % order["id"], "client_order_ref": str(order["id"]),
            "partner_id": partner, "partner_invoice_id": partner, "partner_shipping_id": partner,
            "pricelist_id": pricelist, "shop_id": shop, "order_policy": "manual",
            "date_order": (order.get("time_stamp") or "")[:10] or False, "order_line": lines}
