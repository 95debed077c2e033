"""Clients of the two servers' public interfaces: the shop API and OpenERP's XML-RPC.

Standard library only: the demo runs them before any virtualenv exists for
it, and the end-to-end tests use the same ones.
"""
import json
import urllib.parse
import urllib.request
import xmlrpc.client


class ShopApi:
    """GETs on the shop's API with its token; JSON back."""

    def __init__(self, api_url, token, timeout=60):
        self.api_url = api_url.rstrip("/") + "/"
        self.token = token
        self.timeout = timeout

    def get(self, path, **params):
        url = self.api_url + path.lstrip("/")
        if params:
            url += "?" + urllib.parse.urlencode(params)
        request = urllib.request.Request(url, headers={"Authorization": "Token %s" % self.token,
                                                       "Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return json.loads(response.read().decode("utf-8"))

    def all(self, resource, page_size=500):
        """Every object of a list resource, following the keyset pages."""
        objects, after = [], 0
        while True:
            page = self.get(resource + "/", after_id=after, limit=page_size)
            objects.extend(page["results"])
            if not page.get("next") or not page["results"]:
                return objects
            after = page["results"][-1]["id"]


class ErpRpc:
    """Model calls over OpenERP 7's XML-RPC as one user."""

    def __init__(self, erp_url, db, login, password):
        self.erp_url = erp_url.rstrip("/")
        self.db = db
        self.login = login
        self.password = password
        self._uid = None

    @property
    def uid(self):
        if self._uid is None:
            common = xmlrpc.client.ServerProxy(self.erp_url + "/xmlrpc/common")
            self._uid = common.login(self.db, self.login, self.password)
            if not self._uid:
                raise RuntimeError("OpenERP refused the login %r on %r" % (self.login, self.db))
        return self._uid

    def __call__(self, model, method, *args, **kwargs):
        proxy = xmlrpc.client.ServerProxy(self.erp_url + "/xmlrpc/object", allow_none=True)
        if kwargs:
            return proxy.execute_kw(self.db, self.uid, self.password, model, method,
                                    list(args), kwargs)
        return proxy.execute(self.db, self.uid, self.password, model, method, *args)

    def read_all(self, model, domain, fields):
        """search then read: OpenERP 7 has no search_read over XML-RPC."""
        ids = self(model, "search", domain)
        return self(model, "read", ids, fields) if ids else []

    def reset_login(self):
        self._uid = None
