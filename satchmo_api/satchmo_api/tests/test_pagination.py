# -*- coding: utf-8 -*-
"""Keyset pagination, the ids filter, bad parameters, and a constant number
of queries per page whatever its size, for every resource."""
import datetime

from django.test import TestCase
from l10n.models import AdminArea
from product.models import Category, TaxClass
from satchmo_store.contact.models import Organization

from satchmo_api.tests import store
from satchmo_api.tests.base import ApiClientMixin


class PaginationTest(ApiClientMixin, TestCase):
    def setUp(self):
        self.ids = [TaxClass.objects.create(title="T%d" % n, description="d").id
                    for n in range(7)]
        self.all_ids = list(TaxClass.objects.order_by("id").values_list("id", flat=True))

    def test_pages_follow_next_until_null(self):
        seen, url = [], "/api/v1/tax_classes/?limit=3"
        while url:
            body = self.get_json(url)
            seen.extend(row["id"] for row in body["results"])
            url = body["next"]
            self.assertTrue(url is None or "after_id=" in url)
        self.assertEqual(seen, self.all_ids)

    def test_after_id_is_exclusive(self):
        rows = self.results("/api/v1/tax_classes/?after_id=%d&limit=2" % self.ids[2])
        self.assertEqual([r["id"] for r in rows], self.ids[3:5])

    def test_limit_is_capped_not_refused(self):
        body = self.get_json("/api/v1/tax_classes/?limit=100000")
        self.assertEqual(len(body["results"]), len(self.all_ids))

    def test_ids_returns_existing_ones_in_id_order(self):
        wanted = "%d,%d,999999,%d" % (self.ids[4], self.ids[1], self.ids[4])
        rows = self.results("/api/v1/tax_classes/?ids=" + wanted)
        self.assertEqual([r["id"] for r in rows], [self.ids[1], self.ids[4]])
        self.assertEqual(self.get_json("/api/v1/tax_classes/?ids=")["results"], [])

    def test_bad_parameters_answer_400(self):
        for query in ("after_id=x", "limit=0", "limit=abc", "ids=1,b", "after_id=-1",
                      "ids=" + ",".join(str(n) for n in range(501))):
            body = self.get_json("/api/v1/tax_classes/?" + query, status=400)
            self.assertEqual(body["error"], "bad_request")
            self.assertTrue(body["detail"])

    def test_the_first_page_says_how_many_objects_the_listing_holds(self):
        first = self.get_json("/api/v1/tax_classes/?limit=2")
        self.assertEqual(first["total"], TaxClass.objects.count())
        later = self.get_json("/api/v1/tax_classes/?after_id=%d&limit=2" % self.ids[1])
        self.assertNotIn("total", later)
        self.assertNotIn("total", self.get_json("/api/v1/tax_classes/?ids=%d" % self.ids[0]))

    def test_unknown_url_is_json_404(self):
        body = self.get_json("/api/v1/nothing-here/", status=404)
        self.assertEqual(body["error"], "not_found")


class QueryCountTest(ApiClientMixin, TestCase):
    """Two page sizes, same number of queries, for every resource."""

    def setUp(self):
        catalog = store.catalog()
        for n in range(4):
            belgium_like = store.country(u"B%d" % n, u"BX%d" % n, u"PAYS %d" % n, u"Pays %d" % n)
            AdminArea.objects.create(country=belgium_like, name=u"Région %d" % n)
            Category.objects.create(site=store.site(), name=u"Catégorie %d" % n,
                                    slug="c%d" % n)
            TaxClass.objects.create(title="T%d" % n, description="d")
            store.organization()
            person = store.contact(first=u"Zoë %d" % n)
            store.order(person, catalog["shirt"])
        for n in range(3):
            store.catalog()

    def assert_constant(self, resource):
        # the first request fills Satchmo's settings cache (livesettings)
        self.count_queries("/api/v1/%s/?limit=1" % resource)
        small = self.count_queries("/api/v1/%s/?limit=1" % resource)
        large = self.count_queries("/api/v1/%s/?limit=4" % resource)
        self.assertEqual(small, large, "%s: %d queries for 1 row, %d for 4"
                         % (resource, small, large))
        by_ids = self.count_queries("/api/v1/%s/?ids=1,2,3,4,5" % resource)
        # the first page of a listing counts the resource once (its ``total``)
        self.assertEqual(by_ids + 1, large, resource)
        return large

    def test_every_resource_has_a_constant_query_count(self):
        counts = {}
        for resource in ("countries", "categories", "tax_classes", "products",
                         "organizations", "contacts", "orders"):
            counts[resource] = self.assert_constant(resource)
        # token lookup + rows + one per kind of child row
        self.assertLessEqual(counts["orders"], 15, counts)
        self.assertLessEqual(counts["products"], 10, counts)

    def test_the_change_feed_has_a_constant_query_count(self):
        small = self.count_queries("/api/v1/changes/?limit=1")
        large = self.count_queries("/api/v1/changes/?limit=50")
        self.assertEqual(small, large)
