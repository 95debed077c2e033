# -*- coding: utf-8 -*-
"""Token authentication, read-only methods, and nothing secret in answers."""
import json
from decimal import Decimal

from django.test import TestCase
from payment.models import CreditCardDetail

from satchmo_api.tests import store

URLS = ("/api/v1/", "/api/v1/countries/", "/api/v1/categories/", "/api/v1/tax_classes/",
        "/api/v1/payment_modules/", "/api/v1/products/", "/api/v1/organizations/",
        "/api/v1/contacts/", "/api/v1/orders/", "/api/v1/changes/", "/api/v1/changes/head/",
        "/api/v1/nowhere/")


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
