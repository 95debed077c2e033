# -*- coding: utf-8 -*-
"""What the connector's unit tests share: a backend, a fake shop, a run in the test's cursor."""
from openerp.tests import common

from openerp.addons.openerp_addon.sync import pipeline
from openerp.addons.openerp_addon.sync.binder import Binder
from openerp.addons.openerp_addon.sync.cursors import SharedCursors
from openerp.addons.openerp_addon.sync.importer import Env

from .fake_shop import FakeShop

TOKEN = 'sEcReT-t0ken-123'


class ConnectorCase(common.TransactionCase):

    def setUp(self):
        super(ConnectorCase, self).setUp()
        cr, uid = self.cr, self.uid
        self.backends = self.registry('satchmo.backend')
        self.bindings = self.registry('satchmo.binding')
        self.runs = self.registry('satchmo.sync.run')
        self.backend_id = self.backends.create(cr, uid, {
            'name': 'Test shop', 'url': 'http://shop.test', 'api_token': TOKEN,
            'company_id': self.ref('base.main_company'), 'retry_limit': 3})
        # set up as README's checklist says, so that first syncs start
        self.registry('res.company').write(cr, uid, [self.ref('base.main_company')],
                                           {'tax_calculation_rounding_method': 'round_globally'})
        self.shop = FakeShop()

    def sync(self, full=False, force=False):
        """One run inside the test's transaction (no commits); the run record back."""
        context = {'satchmo_force_first_sync': True} if force else None
        run_id = pipeline.run_sync(self.cr, self.uid, self.backend_id, full=full,
                                   client_factory=self.shop.factory,
                                   cursors=SharedCursors(self.cr), context=context)
        return self.runs.browse(self.cr, self.uid, run_id)

    def env(self):
        pool = self.registry('satchmo.backend').pool
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        binder = Binder(self.cr, self.uid, pool, self.backend_id, retry_limit=3)
        return Env(self.cr, self.uid, pool, backend, self.shop, binder)

    def binding(self, resource, shop_id):
        ids = self.bindings.search(self.cr, self.uid, [
            ('backend_id', '=', self.backend_id), ('resource', '=', resource),
            ('shop_id', '=', str(shop_id))])
        return ids and self.bindings.browse(self.cr, self.uid, ids[0]) or None

    def record(self, resource, shop_id):
        row = self.binding(resource, shop_id)
        assert row and row.res_id, "%s %s has no record" % (resource, shop_id)
        return self.registry(row.model).browse(self.cr, self.uid, row.res_id,
                                               context={'active_test': False})

    def counts(self, run):
        return dict((c.resource, (c.created, c.updated, c.unchanged, c.failed))
                    for c in run.count_ids)
