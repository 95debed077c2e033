# -*- coding: utf-8 -*-
"""A stand-in for ShopClient over recorded payloads (payloads/*.json, docs/api.rst).

Unit tests only: the pipeline takes a client factory, and these tests give it
one that answers from memory, with a change feed the test writes to. The
end-to-end tests (tests/e2e) use the real shop.
"""
import copy
import json
import os

from openerp.addons.openerp_addon.sync.client import (CursorPruned, ShopFailing,
                                                      ShopUnreachable)

HERE = os.path.dirname(__file__)
RESOURCES = ('countries', 'categories', 'products', 'organizations', 'contacts')
# what the real API root lists (docs/api.rst)
ROOT = RESOURCES + ('tax_classes', 'payment_modules', 'orders', 'changes', 'shop')


def recorded(resource):
    with open(os.path.join(HERE, 'payloads', '%s.json' % resource)) as handle:
        return json.load(handle)


class FakeShop(object):

    def __init__(self, resources=RESOURCES):
        self.objects = dict((name, dict((o['id'], o) for o in recorded(name)))
                            for name in resources)
        self.feed = []
        self.horizon = 0
        self.down = False
        self.info = {'name': 'Test shop', 'currency': 'EUR', 'prices_include_tax': False}
        self.failing = False  # answers every request with HTTP 503 (a proxy, the shop is down)
        self.broken = set()   # (resource, id) the shop answers HTTP 500 for
        self.calls = []
        for name in resources:  # as the shop's backfill does
            for shop_id in sorted(self.objects[name]):
                self._log(name, shop_id, 'upsert')

    # -- arranging ------------------------------------------------------------------------
    def change(self, resource, shop_id, **values):
        """Edit (or create) an object and record the change in the feed, as signals do."""
        obj = self.objects.setdefault(resource, {}).setdefault(shop_id, {'id': shop_id})
        obj.update(values)
        self._log(resource, shop_id, 'upsert')
        return obj

    def add(self, resource, payload):
        self.objects.setdefault(resource, {})[payload['id']] = payload
        self._log(resource, payload['id'], 'upsert')

    def delete(self, resource, shop_id):
        self.objects[resource].pop(shop_id, None)
        self._log(resource, shop_id, 'delete')

    def _log(self, resource, shop_id, operation):
        seq = len(self.feed) + 1
        self.feed.append({'seq': seq, 'resource': resource, 'id': shop_id,
                          'operation': operation})

    def factory(self, backend):
        return self

    # -- the ShopClient interface -------------------------------------------------------------
    def _call(self, *what):
        self.calls.append(what)
        if self.down:
            raise ShopUnreachable('The shop at http://shop.test/api/v1/ does not answer '
                                  '(ConnectionError, after 4 attempts).')
        if self.failing:
            raise ShopFailing('The shop at http://shop.test/api/v1/ fails (HTTP 503)', 503,
                              u'Service Unavailable')

    def _serve(self, resource, ids):
        """A request that includes a broken object fails as a whole (HTTP 500)."""
        # ids are numbers, but payment modules are keyed by name ('PAYMENT_DUMMY')
        if any((resource, int(i) if str(i).isdigit() else i) in self.broken for i in ids):
            raise ShopFailing('The shop at http://shop.test/api/v1/ fails (HTTP 500)', 500,
                              u'Server Error (500)')

    def check(self):
        self._call('check')
        return dict((name, 'http://shop.test/api/v1/%s/' % name) for name in ROOT)

    def shop_info(self, root):
        """GET shop/: None stands for a shop whose API has no shop endpoint yet."""
        self._call('shop')
        return copy.deepcopy(self.info)

    def head(self):
        self._call('head')
        return len(self.feed)

    def changes(self, after, limit=500):
        self._call('changes', after)
        if after < self.horizon:
            raise CursorPruned('pruned', self.horizon)
        results = [c for c in self.feed if c['seq'] > after][:limit]
        last = results and results[-1]['seq'] or after
        return {'results': copy.deepcopy(results), 'last_seq': last,
                'has_more': last < len(self.feed), 'horizon': self.horizon,
                'remaining': len(self.feed) - last}

    def totals(self, resources):
        self._call('totals')
        return dict((name, len(self.objects.get(name, {}))) for name in resources)

    def fetch(self, resource, ids):
        self._call('fetch', resource, tuple(ids))
        self._serve(resource, ids)
        objects = self.objects.get(resource, {})
        return [copy.deepcopy(objects[int(i)]) for i in sorted(set(int(i) for i in ids))
                if int(i) in objects]

    def list_all(self, resource, limit=100):
        self._call('list', resource)
        objects = [copy.deepcopy(o) for _, o in sorted(self.objects.get(resource, {}).items())]
        for start in range(0, len(objects), limit):
            page = objects[start:start + limit]
            self._serve(resource, [o['id'] for o in page])
            yield page
