# -*- coding: utf-8 -*-
"""The shop API client (docs/api.rst): HTTP, retries and typed errors, nothing else.

Everything the pipeline needs to know about the wire ends here: it gets
dicts back, or one of the ShopError subclasses below whose message tells a
shop owner what is wrong (bad URL, shop unreachable, token rejected) and never
contains the token, because these messages end up in run records, mapping
rows and chatter messages that many people read.
"""
import logging
import re
import time

import requests

_logger = logging.getLogger(__name__)

# Satchmo answers ``?ids=`` with at most 500 objects (docs/api.rst).
MAX_IDS = 500


class ShopError(Exception):
    """Anything that stops us talking to the shop; str() is for people."""


class ShopUnreachable(ShopError):
    """No answer, a timeout, or the shop (or its proxy) failing with 5xx/429 after retries."""


class ShopFailing(ShopUnreachable):
    """The shop answered, with a 5xx status, after retries.

    It may be down (then every request fails alike) or fail for some objects
    only (a legacy row its serializer cannot represent): ``sync/isolation.py``
    tells the two apart. ``status`` and ``excerpt`` (the start of the body,
    scrubbed of the token) say what it answered.
    """

    def __init__(self, message, status=None, excerpt=u''):
        super(ShopFailing, self).__init__(message)
        self.status = status
        self.excerpt = excerpt


class TokenRejected(ShopError):
    """The shop answered 401/403: the API token is missing, wrong or revoked."""


class BadResponse(ShopError):
    """The shop answered, but not what the API promises (status, JSON, shape)."""

    def __init__(self, message, status=None, excerpt=u''):
        super(BadResponse, self).__init__(message)
        self.status = status
        self.excerpt = excerpt


class BadUrl(ShopError):
    """The configured URL cannot be a shop API (malformed, or no API root there)."""


class CursorPruned(ShopError):
    """The stored cursor is older than the change feed keeps: a full resync is needed."""

    def __init__(self, message, horizon=None):
        super(CursorPruned, self).__init__(message)
        self.horizon = horizon


RETRY_STATUSES = (429, 500, 502, 503, 504)
# How much of an error body a failure reason quotes.
EXCERPT_CHARS = 200


class ShopClient(object):
    """A session on one shop's API, rooted at ``<url>/api/v1/``.

    ``url`` is the shop's address as people type it (``https://shop.example``);
    ``/api/v1/`` is appended unless already there.
    """

    def __init__(self, url, token, verify=True, timeout=30, retries=3, backoff=0.5,
                 sleep=time.sleep, session=None):
        self.root = self._api_root(url)
        self._token = token or ''
        self.verify = verify
        # (connect, read): an unreachable host fails fast, a slow page gets time
        self.timeout = (min(10.0, float(timeout)), float(timeout))
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        self.session = session or requests.Session()
        self.session.headers.update({
            'Authorization': 'Token %s' % self._token,
            'Accept': 'application/json',
            'User-Agent': 'openerp-satchmo-connector/7.0',
        })

    @staticmethod
    def _api_root(url):
        url = (url or '').strip()
        if not url.startswith(('http://', 'https://')):
            raise BadUrl("The shop URL must start with http:// or https:// (got %r)." % url)
        url = url.rstrip('/')
        if not url.endswith('/api/v1'):
            url += '/api/v1'
        return url + '/'

    # -- the API, one method per endpoint ------------------------------------------------
    def check(self):
        """GET the API root: proves URL, reachability and token at once (Test connection)."""
        root = self._get('')
        if not isinstance(root, dict) or 'products' not in root:
            raise BadUrl("%s answers, but it is not the Satchmo shop API (no resource list)."
                         % self.root)
        return root

    def shop_info(self, root):
        """GET shop/ ({name, currency, prices_include_tax}), or None if the shop lacks it.

        ``root`` is the API root (``check()``): a shop whose API predates the
        endpoint has no "shop" link, and the backend's "Shop currency" stands in.
        """
        if 'shop' not in (root or {}):
            return None
        answer = self._get('shop/')
        self._expect(answer, ('currency',), 'shop')
        return answer

    def changes(self, after, limit=500):
        """One page of the change feed after ``after``."""
        page = self._get('changes/', {'after': int(after or 0), 'limit': int(limit)})
        self._expect(page, ('results', 'last_seq'), 'changes')
        return page

    def head(self):
        """The newest sequence number a full resync may store as its cursor."""
        answer = self._get('changes/head/')
        self._expect(answer, ('last_seq',), 'changes/head')
        return int(answer['last_seq'])

    def fetch(self, resource, ids):
        """The objects of ``resource`` with these ids that still exist (missing = deleted)."""
        ids = [int(i) for i in ids]
        found = []
        for start in range(0, len(ids), MAX_IDS):
            chunk = ids[start:start + MAX_IDS]
            page = self._get('%s/' % resource, {'ids': ','.join(str(i) for i in chunk)})
            self._expect(page, ('results',), resource)
            found.extend(page['results'])
        return found

    def list_page(self, resource, after_id=0, limit=100):
        """One keyset page of a resource: (objects, more)."""
        page = self._get('%s/' % resource, {'after_id': int(after_id), 'limit': int(limit)})
        self._expect(page, ('results',), resource)
        return page['results'], bool(page.get('next')) and bool(page['results'])

    def totals(self, resources):
        """How many objects each resource holds (``total`` of a listing's first page; None
        where the shop does not say or fails to answer: the listing tells what is wrong)."""
        totals = {}
        for resource in resources:
            try:
                page = self._get('%s/' % resource, {'limit': 1})
            except ShopError:
                page = {}
            total = page.get('total') if isinstance(page, dict) else None
            totals[resource] = int(total) if isinstance(total, (int, long)) else None
        return totals

    def list_all(self, resource, limit=100):
        """Every object of a resource, page by page (a generator of pages)."""
        after = 0
        while True:
            objects, more = self.list_page(resource, after, limit)
            if objects:
                yield objects
            if not more:
                return
            after = objects[-1]['id']

    def ledger_pages(self, limit=5000):
        """The order ledger (reconciliation), page by page: a generator of lists."""
        return self._keyset_pages('ledger/orders/', limit)

    def id_pages(self, resource, limit=5000):
        """Every id of a resource with its change marker, page by page."""
        return self._keyset_pages('ledger/ids/%s/' % resource, limit)

    def _keyset_pages(self, path, limit):
        after = 0
        while True:
            page = self._get(path, {'after_id': int(after), 'limit': int(limit)})
            self._expect(page, ('results',), path)
            if page['results']:
                yield page['results']
            if not page.get('next') or not page['results']:
                return
            after = page['results'][-1]['id']

    # -- transport ------------------------------------------------------------------------
    def _get(self, path, params=None):
        url = self.root + path
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self.session.get(url, params=params, timeout=self.timeout,
                                            verify=self.verify, allow_redirects=False)
            except requests.exceptions.SSLError as error:
                raise ShopUnreachable(self._scrub(
                    "TLS failed talking to %s (%s). Check the certificate, or turn off "
                    "certificate verification for a test shop." % (self.root, error)))
            except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                    requests.exceptions.InvalidSchema) as error:
                raise BadUrl(self._scrub("The shop URL is not valid: %s" % error))
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as error:
                if attempt <= self.retries:
                    self._wait(attempt)
                    continue
                raise ShopUnreachable(self._scrub(
                    "The shop at %s does not answer (%s, after %d attempts)."
                    % (self.root, type(error).__name__, attempt)))
            except (requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError) as error:
                # the answer broke off (a proxy or the shop died mid-body): like no answer
                if attempt <= self.retries:
                    self._wait(attempt)
                    continue
                raise ShopUnreachable(self._scrub(
                    "The shop at %s sent answers that were cut short (%s, after %d attempts)."
                    % (self.root, type(error).__name__, attempt)))
            except requests.exceptions.RequestException as error:
                # anything else of the transport is the shop's trouble, never a bad record
                raise ShopUnreachable(self._scrub("Talking to the shop at %s failed: %s: %s"
                                                  % (self.root, type(error).__name__, error)))
            if response.status_code in RETRY_STATUSES and attempt <= self.retries:
                self._wait(attempt, response.headers.get('Retry-After'))
                continue
            if self._cut_short(response):
                # the requests/urllib3 of OpenERP's Python 2 do not check Content-Length:
                # a body that broke off would otherwise read as "not JSON" or, worse, parse
                if attempt <= self.retries:
                    self._wait(attempt)
                    continue
                raise ShopUnreachable(self._scrub(
                    "The shop at %s sent answers that were cut short (%d of %s bytes, after "
                    "%d attempts)." % (self.root, len(response.content),
                                       response.headers.get('Content-Length'), attempt)))
            return self._decode(response, path)

    @staticmethod
    def _cut_short(response):
        """Did the body end before the Content-Length the answer announced?"""
        length = response.headers.get('Content-Length')
        if not length or not length.strip().isdigit():
            return False
        if response.headers.get('Content-Encoding', 'identity') not in ('', 'identity'):
            return False  # the length counts compressed bytes; content is decoded
        return len(response.content) < int(length)

    def _wait(self, attempt, retry_after=None):
        delay = self.backoff * (2 ** (attempt - 1))
        if retry_after:
            try:
                delay = max(delay, float(retry_after))
            except ValueError:
                pass  # an HTTP date: the backoff is good enough
        self._sleep(min(delay, 60.0))

    def _decode(self, response, path):
        status = response.status_code
        body = None
        try:
            body = response.json()
        except ValueError:
            pass
        detail = isinstance(body, dict) and body.get('detail') or ''
        if status in (401, 403):
            raise TokenRejected("The shop rejected the API token (HTTP %d). Create a new token "
                                "with manage.py satchmo_api_token and enter it again." % status)
        if status == 410 and isinstance(body, dict) and body.get('error') == 'cursor_pruned':
            raise CursorPruned(self._scrub("The shop pruned its change feed past our cursor: %s"
                                           % detail), body.get('horizon'))
        if status == 404 and path == '':
            raise BadUrl("There is no shop API at %s (HTTP 404): check the shop URL."
                         % self.root)
        if status == 429:
            raise ShopUnreachable(self._scrub("The shop at %s fails (HTTP %d) %s"
                                              % (self.root, status, detail)).strip())
        if status in RETRY_STATUSES:
            raise ShopFailing(self._scrub("The shop at %s fails (HTTP %d) %s"
                                          % (self.root, status, detail)).strip(),
                              status, self._excerpt(response, detail))
        if 300 <= status < 400:
            raise BadUrl("%s redirects to %s: enter the final shop URL."
                         % (self.root, response.headers.get('Location', '?')))
        if status != 200:
            raise BadResponse(self._scrub("The shop answered HTTP %d to %s: %s"
                                          % (status, path or '/', detail or 'no detail')),
                              status, self._excerpt(response, detail))
        if body is None:
            raise BadResponse("The shop answered %s with something that is not JSON."
                              % (self.root + path), status, self._excerpt(response))
        return body

    def _excerpt(self, response, detail=u''):
        """The start of an error answer, on one line, for a failure reason (token scrubbed)."""
        text = detail or u''
        if not text:
            try:
                text = response.text or u''
            except Exception:  # an undecodable body: say so rather than fail here
                text = u'(undecodable body)'
        text = text[:EXCERPT_CHARS * 20]
        if '<' in text:  # an HTML error page: its words, not its markup
            text = re.sub(r'(?is)<(script|style|head)\b.*?</\1\s*>', ' ', text)
            text = re.sub(r'<[^>]*>', ' ', text)
        text = u' '.join(text.split())[:EXCERPT_CHARS]
        return self._scrub(text)

    @staticmethod
    def _expect(body, keys, what):
        if not isinstance(body, dict) or any(key not in body for key in keys):
            raise BadResponse("The shop's answer for %s lacks %s." % (what, ', '.join(keys)))

    def _scrub(self, text):
        """Messages may quote URLs or server text: never let the token through."""
        if self._token and len(self._token) >= 4:
            text = text.replace(self._token, '<token>')
        return text
