# -*- coding: utf-8 -*-
"""The shop form's buttons start the run in a thread and open it at once."""
import threading

import mock
from openerp.osv import orm

from openerp.addons.openerp_addon.sync import background, pipeline

from .common import ConnectorCase


class TestBackground(ConnectorCase):

    def test_the_button_returns_while_the_run_goes_on(self):
        release, finished = threading.Event(), threading.Event()
        seen = {}

        def slow_run(cr, uid, backend_id, full=False, context=None, cursors=None,
                     on_start=None, **kwargs):
            seen.update(backend_id=backend_id, full=full, thread=threading.current_thread())
            on_start(4242)
            release.wait(10)  # the "sync" goes on after the button returned
            finished.set()
            return 4242

        with mock.patch.object(pipeline, 'run_sync', side_effect=slow_run):
            action = self.backends.action_start_full_resync(
                self.cr, self.uid, [self.backend_id])
            self.assertFalse(finished.is_set())
            release.set()
            self.assertTrue(finished.wait(10))
        self.assertEqual((action['res_model'], action['res_id']), ('satchmo.sync.run', 4242))
        self.assertEqual((seen['backend_id'], seen['full']), (self.backend_id, True))
        self.assertIsNot(seen['thread'], threading.current_thread())

    def test_a_run_that_cannot_start_says_why(self):
        def broken(*args, **kwargs):
            raise ValueError('no such shop')

        with mock.patch.object(pipeline, 'run_sync', side_effect=broken):
            with self.assertRaises(orm.except_orm) as refused:
                self.backends.action_start_sync(self.cr, self.uid, [self.backend_id])
        self.assertIn('no such shop', refused.exception.value)

    def test_the_form_buttons_start_in_the_background(self):
        arch = self.backends.fields_view_get(self.cr, self.uid, view_type='form')['arch']
        self.assertIn('name="action_start_sync"', arch)
        self.assertIn('name="action_start_full_resync"', arch)
        self.assertNotIn('name="action_sync_now"', arch)
        self.assertTrue(background.START_TIMEOUT <= 30)
