# -*- coding: utf-8 -*-
"""The shop backend: defaults, the doors into a sync, the scheduled action."""
import mock

from openerp.addons.openerp_addon.models import backend as backend_module
from openerp.osv import orm
from openerp.tests import common

from .common_users import connector_user


class BackendCase(common.TransactionCase):

    def setUp(self):
        super(BackendCase, self).setUp()
        self.backend_obj = self.registry('satchmo.backend')
        self.run_obj = self.registry('satchmo.sync.run')
        self.data_obj = self.registry('ir.model.data')
        self.backend_id = self.backend_obj.create(self.cr, self.uid, {
            'name': 'Test shop', 'url': 'http://127.0.0.1:1',
            'api_token': 'sekret-token-123'})

    def ref(self, xmlid):
        module, name = xmlid.split('.')
        return self.data_obj.get_object_reference(
            self.cr, self.uid, module, name)[1]

    def cron(self):
        return self.registry('ir.cron').browse(
            self.cr, self.uid, self.ref('openerp_addon.ir_cron_satchmo_sync'))


class TestBackend(BackendCase):

    def test_defaults(self):
        backend = self.backend_obj.browse(self.cr, self.uid, self.backend_id)
        user = self.registry('res.users').browse(self.cr, self.uid, self.uid)
        self.assertEqual(backend.cursor, 0)
        self.assertTrue(backend.verify_tls)
        self.assertTrue(backend.active)
        self.assertEqual(backend.page_size, 100)
        self.assertEqual(backend.retry_limit, 5)
        self.assertEqual(backend.company_id, user.company_id)

    def test_copy_starts_the_feed_again(self):
        self.backend_obj.write(self.cr, self.uid, [self.backend_id],
                               {'cursor': 42})
        copy_id = self.backend_obj.copy(self.cr, self.uid, self.backend_id)
        self.assertEqual(self.backend_obj.browse(
            self.cr, self.uid, copy_id).cursor, 0)

    def prefix(self, backend_id):
        return self.backend_obj.read(self.cr, self.uid, backend_id, ['order_prefix'])[
            'order_prefix']

    def test_each_shop_of_a_company_gets_its_own_order_prefix(self):
        """Order names are unique per company: a second shop or a copy never reuses SHOP-."""
        second_id = self.backend_obj.create(self.cr, self.uid, {
            'name': 'Second shop', 'url': 'http://127.0.0.1:2'})
        copy_id = self.backend_obj.copy(self.cr, self.uid, self.backend_id)
        prefixes = [self.prefix(i) for i in (self.backend_id, second_id, copy_id)]
        self.assertEqual(len(set(prefixes)), 3, prefixes)
        self.assertTrue(all(p.startswith('SHOP') and p.endswith('-') for p in prefixes))

    def test_two_shops_of_a_company_cannot_share_an_order_prefix(self):
        second_id = self.backend_obj.create(self.cr, self.uid, {
            'name': 'Second shop', 'url': 'http://127.0.0.1:2'})
        with self.assertRaises(orm.except_orm) as refused:
            self.backend_obj.write(self.cr, self.uid, [second_id],
                                   {'order_prefix': self.prefix(self.backend_id)})
        self.assertIn('same names', refused.exception.value)
        other_company = self.registry('res.company').create(
            self.cr, self.uid, {'name': 'Elsewhere'})
        elsewhere_id = self.backend_obj.create(self.cr, self.uid, {
            'name': 'Shop elsewhere', 'url': 'http://127.0.0.1:3', 'company_id': other_company,
            'order_prefix': self.prefix(self.backend_id)})
        self.assertEqual(self.prefix(elsewhere_id), self.prefix(self.backend_id))

    def test_cron_shipped_inactive(self):
        cron = self.cron()
        self.assertFalse(cron.active)
        self.assertEqual(cron.model, 'satchmo.backend')
        self.assertEqual(cron.function, '_cron_sync')
        self.assertEqual(cron.numbercall, -1)

    def test_cron_interval_edited_from_the_backend(self):
        self.backend_obj.write(self.cr, self.uid, [self.backend_id], {
            'cron_active': True, 'cron_interval_number': 3,
            'cron_interval_type': 'hours'})
        cron = self.cron()
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type),
                         (3, 'hours'))
        backend = self.backend_obj.read(
            self.cr, self.uid, self.backend_id,
            ['cron_active', 'cron_interval_number', 'cron_interval_type'])
        self.assertEqual((backend['cron_active'],
                          backend['cron_interval_number'],
                          backend['cron_interval_type']), (True, 3, 'hours'))

    def test_cron_interval_must_be_positive(self):
        with self.assertRaises(orm.except_orm):
            self.backend_obj.write(self.cr, self.uid, [self.backend_id],
                                   {'cron_interval_number': 0})

    def test_a_manager_saves_a_new_shop_as_its_form_sends_it(self):
        """The web client sends every field of the new form, the schedule's with its
        defaults: they are the shared schedule's, so the first Save is not refused."""
        cr, uid = self.cr, self.uid
        self.backend_obj.write(cr, uid, [self.backend_id], {
            'cron_interval_number': 7, 'cron_interval_type': 'hours'})
        manager = connector_user(self, 'shop-manager', 'group_satchmo_manager')
        self.registry('res.users').write(cr, uid, [manager], {'groups_id': [
            (4, self.ref('account.group_account_invoice'))]})
        schedule = ['cron_active', 'cron_interval_number', 'cron_interval_type']
        values = self.backend_obj.default_get(cr, manager, schedule)
        self.assertEqual(values, {'cron_active': False, 'cron_interval_number': 7,
                                  'cron_interval_type': 'hours'})
        values.update(name='Second shop', url='http://127.0.0.1:2',
                      api_token='another-token-456')
        self.backend_obj.create(cr, manager, values)
        cron = self.cron()
        self.assertEqual((cron.active, cron.interval_number, cron.interval_type),
                         (False, 7, 'hours'))


class TestRunning(BackendCase):

    def new_run(self, state='done'):
        return self.run_obj.create(self.cr, self.uid, {
            'backend_id': self.backend_id, 'state': state})

    def test_sync_now_opens_the_run(self):
        run_id = self.new_run()
        with mock.patch.object(self.backend_obj, '_run_sync',
                               return_value=run_id) as run_sync:
            action = self.backend_obj.action_sync_now(
                self.cr, self.uid, [self.backend_id])
        self.assertEqual(run_sync.call_args[0][2], self.backend_id)
        self.assertEqual(run_sync.call_args[1]['full'], False)
        self.assertEqual(action['res_model'], 'satchmo.sync.run')
        self.assertEqual(action['res_id'], run_id)
        self.assertEqual(action['view_mode'], 'form')

    def test_full_resync_asks_for_a_full_run(self):
        run_id = self.new_run()
        with mock.patch.object(self.backend_obj, '_run_sync',
                               return_value=run_id) as run_sync:
            action = self.backend_obj.action_full_resync(
                self.cr, self.uid, [self.backend_id])
        self.assertEqual(run_sync.call_args[1]['full'], True)
        self.assertEqual(action['res_id'], run_id)

    def test_run_sync_calls_the_pipeline(self):
        """The lazy import names the pipeline's public entry point."""
        from openerp.addons.openerp_addon.sync import pipeline
        with mock.patch.object(pipeline, 'run_sync',
                               return_value=7) as run_sync:
            self.assertEqual(self.backend_obj._run_sync(
                self.cr, self.uid, self.backend_id, full=True), 7)
        run_sync.assert_called_once_with(
            self.cr, self.uid, self.backend_id, full=True, context=None)

    def test_cron_runs_every_active_backend(self):
        other_id = self.backend_obj.create(self.cr, self.uid, {
            'name': 'Other shop', 'url': 'http://127.0.0.1:2'})
        asleep_id = self.backend_obj.create(self.cr, self.uid, {
            'name': 'Closed shop', 'url': 'http://127.0.0.1:3',
            'active': False})
        with mock.patch.object(self.backend_obj, '_run_sync',
                               return_value=False) as run_sync:
            self.backend_obj._cron_sync(self.cr, self.uid)
        ran = [call[0][2] for call in run_sync.call_args_list]
        self.assertIn(self.backend_id, ran)
        self.assertIn(other_id, ran)
        self.assertNotIn(asleep_id, ran)
        for call in run_sync.call_args_list:
            self.assertEqual(call[1]['full'], False)

    def test_cron_goes_on_after_a_broken_shop(self):
        ran = []

        def run_sync(cr, uid, backend_id, full=False, context=None):
            ran.append(backend_id)
            if len(ran) == 1:
                raise RuntimeError('boom')
        self.backend_obj.create(self.cr, self.uid, {
            'name': 'Other shop', 'url': 'http://127.0.0.1:2'})
        # the logger is replaced: the suite counts ERROR lines as failures
        with mock.patch.object(self.backend_obj, '_run_sync',
                               side_effect=run_sync), \
                mock.patch.object(self.cr, 'rollback') as rollback, \
                mock.patch.object(backend_module, '_logger') as logger:
            self.backend_obj._cron_sync(self.cr, self.uid)
        self.assertTrue(len(ran) >= 2)
        self.assertEqual(rollback.call_count, 1)
        self.assertEqual(logger.exception.call_count, 1)

    def test_open_failures_of_this_shop(self):
        action = self.backend_obj.action_open_failures(
            self.cr, self.uid, [self.backend_id])
        self.assertEqual(action['res_model'], 'satchmo.binding')
        self.assertIn(('backend_id', 'in', [self.backend_id]),
                      action['domain'])
