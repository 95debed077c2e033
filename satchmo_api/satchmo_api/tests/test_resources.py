# -*- coding: utf-8 -*-
"""Every resource, every field, on data built through Satchmo's model API."""
from decimal import Decimal

from django.contrib.auth.models import User
from django.test import TestCase
from l10n.models import AdminArea

from satchmo_api.tests import store
from satchmo_api.tests.base import ApiClientMixin


class ResourceTest(ApiClientMixin, TestCase):
    def setUp(self):
        self.catalog = store.catalog()
        self.org = store.organization()
        self.person = store.contact(self.org)
        self.order = store.order(self.person, self.catalog["shirt"])

    def test_root_lists_every_resource(self):
        root = self.get_json("/api/v1/")
        for name in ("countries", "categories", "tax_classes", "payment_modules", "products",
                     "organizations", "contacts", "orders", "changes", "shop"):
            self.assertTrue(root[name].endswith("/api/v1/%s/" % name), root[name])

    def test_countries_with_admin_areas(self):
        belgium = store.country()
        AdminArea.objects.create(country=belgium, name=u"Liège", abbrev="LG")
        [country] = [c for c in self.results("/api/v1/countries/") if c["iso2_code"] == "BE"]
        self.assertEqual(country, {
            "id": belgium.id, "iso2_code": "BE", "iso3_code": "BEL", "name": u"BELGIQUE",
            "printable_name": u"België", "active": True,
            "admin_areas": [{"id": country["admin_areas"][0]["id"], "name": u"Liège",
                             "abbrev": "LG", "active": True}]})

    def test_categories(self):
        rows = dict((c["id"], c) for c in self.results("/api/v1/categories/"))
        root, child = self.catalog["root"], self.catalog["child"]
        self.assertEqual(rows[root.id], {"id": root.id, "name": u"Vêtements",
                                         "slug": root.slug, "parent_id": None, "active": True,
                                         "description": u"Tout ce qui s'enfile", "ordering": 2})
        self.assertEqual(rows[child.id]["parent_id"], root.id)
        self.assertEqual(rows[child.id]["active"], False)
        self.assertEqual(rows[child.id]["name"], u"Chaussures ß")

    def test_tax_classes(self):
        tax = self.catalog["tax"]
        rows = dict((t["id"], t) for t in self.results("/api/v1/tax_classes/"))
        self.assertEqual(rows[tax.id], {"id": tax.id, "title": u"Standard é",
                                        "description": u"Taux normal 21 %"})

    def test_payment_modules(self):
        body = self.get_json("/api/v1/payment_modules/")
        self.assertEqual(body["next"], None)
        self.assertIn({"id": "PAYMENT_DUMMY", "key": "PAYMENT_DUMMY",
                       "label": u"Payment test module", "active": True}, body["results"])

    def test_simple_product(self):
        shirt = self.catalog["shirt"]
        [row] = self.results("/api/v1/products/?ids=%d" % shirt.id)
        expires = row["prices"][2]["expires"]
        self.assertEqual(row, {
            "id": shirt.id, "name": u"Chemise à carreaux", "slug": shirt.slug, "sku": shirt.sku,
            "short_description": u"Coton égyptien", "description": u"<p>Très douce</p>",
            "active": True, "featured": True, "taxable": True,
            "tax_class_id": self.catalog["tax"].id, "weight": "0.35", "weight_units": "kg",
            "items_in_stock": "12",
            "category_ids": [self.catalog["root"].id, self.catalog["child"].id],
            # Satchmo's own answers (test_prices compares them in every case)
            "main_category_id": shirt.main_category.id,
            "unit_price": "9.990000",
            "prices": [{"price": "12.500000", "quantity": "1", "expires": None},
                       {"price": "10.000000", "quantity": "10", "expires": None},
                       {"price": "9.990000", "quantity": "1", "expires": expires}],
            "kind": "simple", "parent_id": None, "options": []})
        self.assertRegexpMatches(expires, r"^\d{4}-\d\d-\d\d$")

    def test_configurable_product_and_variation(self):
        base, variant = self.catalog["base"], self.catalog["variant"]
        rows = self.results("/api/v1/products/?ids=%d,%d" % (base.id, variant.id))
        self.assertEqual([r["kind"] for r in rows], ["configurable", "variation"])
        self.assertEqual(rows[0]["parent_id"], None)
        self.assertEqual(rows[0]["unit_price"], None)
        self.assertEqual(rows[1]["parent_id"], base.id)
        self.assertEqual(rows[1]["options"], [{"group": u"Taille", "name": u"Grand",
                                               "value": "L"}])
        self.assertEqual(rows[1]["unit_price"], "40.000000")

    def test_organizations(self):
        [row] = self.results("/api/v1/organizations/?ids=%d" % self.org.id)
        self.assertEqual(row, {"id": self.org.id, "name": u"Brasserie Ünique",
                               "type": u"Société", "role": u"Client", "notes": u"Notés"})

    def test_contacts(self):
        [row] = self.results("/api/v1/contacts/?ids=%d" % self.person.id)
        address, phone = self.person.addressbook_set.get(), self.person.phonenumber_set.get()
        self.assertEqual(row, {
            "id": self.person.id, "title": u"Mme", "first_name": u"Zoë",
            "last_name": u"Façade", "email": "zoe@example.com", "has_account": False,
            "role": u"Customer",
            "organization_id": self.org.id, "notes": u"Préfère le matin", "dob": "1980-02-29",
            "addresses": [{"id": address.id, "description": u"Maison",
                           "addressee": u"Zoë Façade", "street1": u"Rue de l'Église 1",
                           "street2": u"Boîte 3", "city": u"Liège", "state": u"Liège",
                           "postal_code": "4000", "country": "BE",
                           "is_default_billing": True, "is_default_shipping": True}],
            "phones": [{"id": phone.id, "type": "Home", "phone": u"+32 4 123 45 67",
                        "primary": True}]})
        self.assertNotIn("user", row)

    def test_contacts_say_whether_they_have_a_shop_account(self):
        self.person.user = User.objects.create_user("zoe", "zoe@example.com", "pw-zoe-1")
        self.person.save()
        [row] = self.results("/api/v1/contacts/?ids=%d" % self.person.id)
        self.assertIs(row["has_account"], True)
        self.assertNotIn("pw-zoe-1", repr(row))

    def test_orders(self):
        order = self.order
        [row] = self.results("/api/v1/orders/?ids=%d" % order.id)
        item = order.orderitem_set.get()
        address = {"addressee": u"Zoë Façade", "street1": u"Rue de l'Église 1",
                   "street2": u"Boîte 3", "city": u"Liège", "state": u"Liège",
                   "postal_code": "4000", "country": "BE"}
        self.assertEqual(row["id"], order.id)
        self.assertEqual(row["contact_id"], self.person.id)
        self.assertEqual(row["status"], "New")
        self.assertEqual(row["method"], "Online")
        self.assertRegexpMatches(row["time_stamp"],
                                 r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
        self.assertEqual(row["bill_address"], address)
        self.assertEqual(row["ship_address"], address)
        for name in ("sub_total", "discount", "shipping_cost", "shipping_discount", "tax",
                     "total"):
            self.assertRegexpMatches(row[name], r"^-?\d+\.\d\d$", name)
            self.assertEqual(Decimal(row[name]), getattr(order, name).quantize(Decimal("0.01")))
        self.assertEqual(row["shipping_cost"], "5.00")
        # recalculate_total re-prices the line at the current tier (9.99)
        self.assertEqual(row["sub_total"], "19.98")
        self.assertEqual(row["discount_code"], order.discount_code)
        self.assertEqual(row["shipping_method"], u"Per item")
        self.assertEqual(row["shipping_description"], u"Livraison à domicile")
        self.assertEqual(row["shipping_model"], "PerItem")
        self.assertEqual(row["notes"], u"Sonnez deux fois ♪")
        self.assertEqual(row["items"], [{
            "id": item.id, "product_id": self.catalog["shirt"].id, "sku": self.catalog["shirt"].sku,
            "name": u"Chemise à carreaux", "quantity": "2", "unit_price": "9.990000",
            "unit_tax": row["items"][0]["unit_tax"], "line_item_price": "19.98",
            "tax": row["items"][0]["tax"], "discount": row["items"][0]["discount"],
            "details": [{"name": u"Couleur", "value": u"Bleu clair",
                         "price_change": "0.000000"}]}])
        self.assertRegexpMatches(row["items"][0]["unit_tax"], r"^\d+\.\d{6}$")
        self.assertRegexpMatches(row["items"][0]["tax"], r"^\d+\.\d\d$")
        [status] = row["status_history"]
        self.assertEqual((status["status"], status["notes"]), ("New", u"Reçue"))
        [tax] = row["tax_details"]
        self.assertEqual((tax["method"], tax["description"], tax["tax"]),
                         ("percent", u"TVA 21 %", "5.25"))
        payment, authorization = row["payments"]
        self.assertEqual(payment["key"], "payment-%d" % payment["id"])
        self.assertEqual((payment["kind"], payment["payment"], payment["amount"],
                          payment["transaction_id"], payment["reason_code"]),
                         ("payment", "PAYMENT_DUMMY", row["total"], u"TX-1", None))
        self.assertEqual((authorization["key"], authorization["kind"], authorization["amount"]),
                         ("authorization-%d" % authorization["id"], "authorization", "1.00"))
        self.assertRegexpMatches(payment["time_stamp"], r"[+-]\d\d:\d\d$")
        self.assertEqual(row["deleted_items"], [])

    def test_items_deleted_with_their_product_are_still_served(self):
        [before] = self.results("/api/v1/orders/?ids=%d" % self.order.id)
        self.catalog["shirt"].delete()  # Django cascades to the order's item
        [after] = self.results("/api/v1/orders/?ids=%d" % self.order.id)
        self.assertEqual(after["items"], [])
        self.assertEqual(after["deleted_items"], before["items"])
        self.assertEqual(after["total"], before["total"])

    def test_no_floats_anywhere(self):
        for path in ("products", "orders", "contacts"):
            body = self.client.get("/api/v1/%s/" % path, **store.api_client_headers()).content
            self.assertNotRegexpMatches(body, r'": -?\d+\.\d')
