# -*- coding: utf-8 -*-
"""Every code path Satchmo and a shop owner change rows by reaches the feed:
the admin's bulk actions and deletes over HTTP, the inventory export and
import views, loaddata, QuerySet.update(), raw SQL; and the capture
command's check. TransactionTestCase: the feed serves committed changes."""
import json
import os
import tempfile
from decimal import Decimal
from StringIO import StringIO

from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TransactionTestCase
from l10n.models import Country
from product.models import Category, Price, Product

from satchmo_api.capture import guard
from satchmo_api.tests import store
from satchmo_api.tests.test_feed import FeedMixin


class CaptureTest(FeedMixin, TransactionTestCase):
    def setUp(self):
        self.catalog = store.catalog()
        self.shirt, self.variant = self.catalog["shirt"], self.catalog["variant"]
        User.objects.create_superuser("boss", "boss@example.com", "pw")
        self.assertTrue(self.client.login(username="boss", password="pw"))

    def admin_action(self, model, action, objects):
        url = "/admin/%s/%s/" % (model._meta.app_label, model._meta.module_name)
        response = self.client.post(url, {"action": action, "index": 0, "select_across": 0,
                                          "_selected_action": [o.pk for o in objects]})
        self.assertEqual(response.status_code, 302, response.content[:300])

    def admin_delete(self, instance):
        url = "/admin/%s/%s/%d/delete/" % (instance._meta.app_label,
                                           instance._meta.module_name, instance.pk)
        response = self.client.post(url, {"post": "yes"})
        self.assertEqual(response.status_code, 302, response.content[:300])
        self.assertFalse(type(instance).objects.filter(pk=instance.pk).exists())

    def test_admin_bulk_actions(self):
        products = [self.shirt, self.catalog["base"]]
        self.assertEqual(
            set(self.marked_by(lambda: self.admin_action(Product, "make_inactive", products))),
            set(("products", p.id, "upsert") for p in products))
        self.assertFalse(Product.objects.get(pk=self.shirt.pk).active)
        self.assertEqual(self.marked_by(lambda: self.admin_action(
            Product, "make_featured", [self.variant])), [("products", self.variant.id, "upsert")])
        root = self.catalog["root"]
        self.assertEqual(self.marked_by(lambda: self.admin_action(
            Category, "mark_inactive", [root])), [("categories", root.id, "upsert")])
        belgium = store.country()
        self.assertEqual(self.marked_by(lambda: self.admin_action(
            Country, "make_inactive", [belgium])), [("countries", belgium.id, "upsert")])

    def test_admin_deletes_mark_what_their_links_showed(self):
        option, group, child = self.catalog["option"], self.catalog["group"], self.catalog["child"]
        self.assertIn(("products", self.variant.id, "upsert"),
                      self.marked_by(lambda: self.admin_delete(option)))
        self.assertEqual(self.results("/api/v1/products/?ids=%d" % self.variant.id)[0]["options"],
                         [])
        self.assertEqual(self.marked_by(lambda: self.admin_delete(child)),
                         [("products", self.shirt.id, "upsert"),
                          ("categories", child.id, "delete")])
        other = store.catalog()
        marked = self.marked_by(lambda: self.admin_delete(other["group"]))
        self.assertIn(("products", other["variant"].id, "upsert"), marked)
        self.assertNotIn(("products", self.variant.id, "upsert"), marked)
        self.assertTrue(group.pk)

    def test_queryset_update_and_raw_sql(self):
        self.assertEqual(
            self.marked_by(lambda: Product.objects.filter(pk=self.shirt.pk).update(name=u"Bis")),
            [("products", self.shirt.id, "upsert")])

        def raw_update():
            connection.cursor().execute("UPDATE product_price SET price = price + 1 "
                                        "WHERE product_id = %s", [self.catalog["base"].id])
            transaction.commit_unless_managed()
        Price.objects.create(product=self.catalog["base"], price=Decimal("30"),
                             quantity=Decimal(1))
        # the parent's price is what its variations without prices charge
        self.assertEqual(set(self.marked_by(raw_update)),
                         set([("products", self.catalog["base"].id, "upsert"),
                              ("products", self.variant.id, "upsert")]))

    def test_loaddata_and_the_inventory_import(self):
        exported = self.client.post("/inventory/export/", {
            "format": "json", "export__%s" % self.shirt.slug: "on"})
        self.assertEqual(exported.status_code, 200, exported.content[:300])
        objects = json.loads(exported.content)
        for obj in objects:
            if obj["model"] == "product.product":
                obj["fields"]["name"] = u"Chemise importée"
        upload = StringIO(json.dumps(objects))
        upload.name = "products.json"
        marked = self.marked_by(lambda: self.assertEqual(
            self.client.post("/inventory/import/", {"upload": upload}).status_code, 200))
        self.assertEqual(marked, [("products", self.shirt.id, "upsert")])
        self.assertEqual(Product.objects.get(pk=self.shirt.pk).name, u"Chemise importée")

        for obj in objects:
            if obj["model"] == "product.product":
                obj["fields"]["name"] = u"Chemise chargée"
        fixture = tempfile.NamedTemporaryFile(suffix=".json", delete=False)
        try:
            fixture.write(json.dumps(objects))
            fixture.close()
            marked = self.marked_by(lambda: call_command("loaddata", fixture.name, verbosity=0))
        finally:
            os.unlink(fixture.name)
        self.assertEqual(marked, [("products", self.shirt.id, "upsert")])

    def test_check_says_what_is_missing_and_the_api_refuses_until_installed(self):
        out = StringIO()
        call_command("satchmo_api_capture", "check", stdout=out)
        self.assertIn("installed and current", out.getvalue())
        cursor = connection.cursor()
        cursor.execute("DROP TRIGGER satchmo_api_capture ON product_price")
        cursor.execute("CREATE OR REPLACE FUNCTION satchmo_api_capture_shop_order() "
                       "RETURNS trigger AS $$BEGIN RETURN NULL; END$$ LANGUAGE plpgsql")
        transaction.commit_unless_managed()
        guard.forget()
        try:
            err = StringIO()
            with self.assertRaises(SystemExit) as raised:  # Django 1.3: exit 1 on CommandError
                call_command("satchmo_api_capture", "check", stderr=err)
            self.assertEqual(raised.exception.code, 1)
            message = err.getvalue()
            self.assertIn("trigger satchmo_api_capture on product_price is missing", message)
            self.assertIn("function satchmo_api_capture_shop_order is stale", message)
            self.assertIn("satchmo_api_capture install", message)
            body = self.get_json("/api/v1/products/", status=503)
            self.assertEqual(body["error"], "capture_missing")
            self.assertIn("product_price", body["detail"])
        finally:
            call_command("satchmo_api_capture", "install", stdout=StringIO())
        call_command("satchmo_api_capture", "check", stdout=StringIO())
        self.get_json("/api/v1/products/")
