# -*- coding: utf-8 -*-
"""Token authentication, who may read, read-only methods, JSON errors, and
nothing secret in answers."""
import json
from decimal import Decimal
from StringIO import StringIO

from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import TestCase
from l10n.l10n_settings import get_l10n_setting
from payment.models import CreditCardDetail
from satchmo_store.shop.models import Config

from satchmo_api.serializers.catalog import TaxClassSerializer
from satchmo_api.tests import store

URLS = ("/api/v1/", "/api/v1/countries/", "/api/v1/categories/", "/api/v1/tax_classes/",
        "/api/v1/payment_modules/", "/api/v1/products/", "/api/v1/organizations/",
        "/api/v1/contacts/", "/api/v1/orders/", "/api/v1/changes/", "/api/v1/changes/head/",
        "/api/v1/nowhere/", "/api/v1/shop/")


class SecurityTest(TestCase):
    def assert_error(self, response, status, code):
        self.assertEqual(response.status_code, status, (response.status_code, response.content))
        self.assertEqual(json.loads(response.content)["error"], code)

    def test_no_token_is_401(self):
        for url in URLS:
            response = self.client.get(url)
            self.assert_error(response, 401, "not_authenticated")
            self.assertEqual(response["WWW-Authenticate"], "Token")

    def test_bad_token_is_401(self):
        store.api_client_headers()
        for url in URLS:
            self.assert_error(self.client.get(url, HTTP_AUTHORIZATION="Token nope"), 401,
                              "authentication_failed")

    def test_every_write_method_is_405_with_or_without_token(self):
        headers = store.api_client_headers()
        for url in URLS:
            for method in ("post", "put", "delete"):
                for extra in ({}, headers):
                    response = getattr(self.client, method)(url, **extra)
                    self.assert_error(response, 405, "method_not_allowed")
            response = self.client.get(url, REQUEST_METHOD="PATCH", **headers)
            self.assert_error(response, 405, "method_not_allowed")

    def test_head_and_options_are_allowed(self):
        headers = store.api_client_headers()
        self.assertEqual(self.client.head("/api/v1/orders/", **headers).status_code, 200)
        self.assertEqual(self.client.options("/api/v1/orders/", **headers).status_code, 200)

    def test_no_card_data_password_or_session(self):
        catalog = store.catalog()
        person = store.contact()
        order = store.order(person, catalog["shirt"])
        payment = order.payments.get()
        card = CreditCardDetail(orderpayment=payment, credit_type="Visa",
                                expire_month=12, expire_year=2030, card_holder=u"ZOË SECRET")
        card.storeCC("4111111111111111")
        card.save()
        headers = store.api_client_headers()
        for url in ("/api/v1/orders/", "/api/v1/contacts/"):
            body = self.client.get(url, **headers).content.lower()
            for secret in ("4111", "1111", "secret", "card", "cvv", "password", "session",
                           card.encrypted_cc.lower()[:12]):
                self.assertNotIn(secret, body, (url, secret))


class AccessTest(TestCase):
    """Only the API user (or a user given satchmo_api.read_api) reads."""

    def status(self, headers, url="/api/v1/orders/"):
        response = self.client.get(url, **headers)
        return response.status_code, json.loads(response.content).get("error")

    def test_a_customers_or_staff_token_is_refused_the_api_users_is_served(self):
        customer = User.objects.create_user("zoe", "zoe@example.com", "pw")
        store.contact().user = customer
        User.objects.create_superuser("boss", "boss@example.com", "pw")
        for name in ("zoe", "boss"):
            headers = store.api_client_headers(name, may_read=False)
            for url in ("/api/v1/", "/api/v1/orders/", "/api/v1/contacts/", "/api/v1/changes/",
                        "/api/v1/shop/"):
                self.assertEqual(self.status(headers, url), (403, "permission_denied"),
                                 (name, url))
        body = json.loads(self.client.get("/api/v1/orders/", **headers).content)
        self.assertIn("satchmo_api.read_api", body["detail"])
        self.assertEqual(self.status(store.api_client_headers())[0], 200)

    def test_the_token_command_refuses_a_persons_account_unless_told(self):
        User.objects.create_superuser("boss", "boss@example.com", "pw")
        err = StringIO()
        with self.assertRaises(SystemExit):
            call_command("satchmo_api_token", user="boss", stdout=StringIO(), stderr=err)
        self.assertIn("every customer", err.getvalue())
        out, err = StringIO(), StringIO()
        call_command("satchmo_api_token", user="boss", grant_existing=True, stdout=out,
                     stderr=err)
        self.assertIn("granting user 'boss' read access to every customer", err.getvalue())
        key = out.getvalue().strip()
        self.assertEqual(self.status({"HTTP_AUTHORIZATION": "Token " + key})[0], 200)
        out = StringIO()
        call_command("satchmo_api_token", stdout=out)  # the dedicated user: created, allowed
        user = User.objects.get(username="erp-sync")
        self.assertFalse(user.has_usable_password() or user.is_staff)
        key = out.getvalue().strip()
        self.assertEqual(self.status({"HTTP_AUTHORIZATION": "Token " + key})[0], 200)
        # an API user made by an older version (no permission): granted, token kept
        user.user_permissions.clear()
        self.assertEqual(self.status({"HTTP_AUTHORIZATION": "Token " + key})[0], 403)
        out = StringIO()
        call_command("satchmo_api_token", stdout=out, stderr=StringIO())
        self.assertEqual(out.getvalue().strip(), key)
        self.assertEqual(self.status({"HTTP_AUTHORIZATION": "Token " + key})[0], 200)

    def test_an_unexpected_error_answers_json_500_without_its_text(self):
        original = TaxClassSerializer.represent

        def broken(self, row, children):
            raise RuntimeError("password=hunter2")
        TaxClassSerializer.represent = broken
        try:
            store.catalog()
            response = self.client.get("/api/v1/tax_classes/", **store.api_client_headers())
        finally:
            TaxClassSerializer.represent = original
        self.assertEqual(response.status_code, 500)
        self.assertEqual(json.loads(response.content)["error"], "server_error")
        self.assertNotIn("hunter2", response.content)

    def test_the_shop_resource(self):
        body = json.loads(self.client.get("/api/v1/shop/", **store.api_client_headers()).content)
        self.assertEqual(body, {"name": Config.objects.get_current().store_name,
                                "currency": get_l10n_setting("default_currency"),
                                "prices_include_tax": False})
        self.assertRegexpMatches(body["currency"], r"^[A-Z]{3}$")
