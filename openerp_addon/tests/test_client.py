# -*- coding: utf-8 -*-
"""The HTTP client without a network: retries, typed errors, and no token in any message."""
import requests
import unittest2

from openerp.addons.openerp_addon.sync import client as shop

TOKEN = 'tok-3f9a-secret'


class Response(object):
    def __init__(self, status, body=None, headers=None, text=None):
        self.status_code = status
        self._body = body
        self.headers = headers or {}
        self.text = text

    def json(self):
        if self._body is None:
            raise ValueError('No JSON object could be decoded')
        return self._body


class Session(object):
    """Answers from a script: each item a Response or an exception to raise."""

    def __init__(self, *script):
        self.script = list(script)
        self.headers = {}
        self.requests = []

    def get(self, url, **kwargs):
        self.requests.append((url, kwargs))
        answer = self.script.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


class TestShopClient(unittest2.TestCase):

    def client(self, *script):
        self.slept = []
        return shop.ShopClient('https://shop.test/', TOKEN, timeout=20, sleep=self.slept.append,
                               session=Session(*script))

    def assertNoToken(self, error):
        self.assertNotIn(TOKEN, u'%s' % error)

    def test_token_header_tls_and_timeouts(self):
        client = self.client(Response(200, {'products': 'x'}))
        self.assertEqual(client.check(), {'products': 'x'})
        self.assertEqual(client.session.headers['Authorization'], 'Token %s' % TOKEN)
        url, kwargs = client.session.requests[0]
        self.assertEqual(url, 'https://shop.test/api/v1/')
        self.assertTrue(kwargs['verify'])
        self.assertEqual(kwargs['timeout'], (10.0, 20.0))

    def test_retries_5xx_and_429_honouring_retry_after(self):
        client = self.client(Response(503), Response(429, headers={'Retry-After': '7'}),
                             Response(200, {'results': [], 'last_seq': 4}))
        self.assertEqual(client.changes(4)['last_seq'], 4)
        self.assertEqual(self.slept, [0.5, 7.0])

    def test_unreachable_after_retries(self):
        error = requests.exceptions.ConnectionError('refused https://shop.test/?t=%s' % TOKEN)
        client = self.client(error, error, error, error)
        with self.assertRaises(shop.ShopUnreachable) as caught:
            client.check()
        self.assertIn('does not answer', u'%s' % caught.exception)
        self.assertNoToken(caught.exception)
        self.assertEqual(self.slept, [0.5, 1.0, 2.0])

    def test_rejected_token_bad_url_bad_json_pruned_cursor(self):
        with self.assertRaises(shop.TokenRejected) as caught:
            self.client(Response(401, {'error': 'authentication_failed'})).check()
        self.assertNoToken(caught.exception)
        with self.assertRaises(shop.BadUrl):
            self.client(Response(404, text='<html>')).check()
        with self.assertRaises(shop.BadUrl):
            shop.ShopClient('shop.test', TOKEN)
        with self.assertRaises(shop.BadResponse):
            self.client(Response(200, text='<html>')).fetch('products', [1])
        with self.assertRaises(shop.CursorPruned) as caught:
            self.client(Response(410, {'error': 'cursor_pruned', 'horizon': 40,
                                       'detail': 'run a full resync'})).changes(3)
        self.assertEqual(caught.exception.horizon, 40)

    def test_list_all_follows_the_keyset_pages(self):
        client = self.client(
            Response(200, {'results': [{'id': 1}, {'id': 4}], 'next': 'n'}),
            Response(200, {'results': [{'id': 9}], 'next': None}))
        self.assertEqual(list(client.list_all('products', limit=2)),
                         [[{'id': 1}, {'id': 4}], [{'id': 9}]])
        self.assertEqual(client.session.requests[1][1]['params'], {'after_id': 4, 'limit': 2})

    def test_an_error_answer_keeps_its_status_and_a_short_excerpt_without_the_token(self):
        page = u'<h1>Server Error (500)</h1> ' + u'x' * 500 + TOKEN
        client = self.client(*[Response(500, text=page)] * 4)
        with self.assertRaises(shop.ShopFailing) as caught:
            client.fetch('contacts', [7])
        self.assertEqual(caught.exception.status, 500)
        self.assertTrue(caught.exception.excerpt.startswith(u'Server Error (500) xxx'))
        self.assertLessEqual(len(caught.exception.excerpt), shop.EXCERPT_CHARS)
        client = self.client(Response(400, text=u'Bad ids ' + TOKEN))
        with self.assertRaises(shop.BadResponse) as caught:
            client.fetch('contacts', [7])
        self.assertEqual(caught.exception.status, 400)
        self.assertNotIn(TOKEN, caught.exception.excerpt)
