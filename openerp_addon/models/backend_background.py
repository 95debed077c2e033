# -*- coding: utf-8 -*-
"""The shop form's "Synchronize now" and "Full resync": started in the background.

The buttons call ``action_start_sync`` / ``action_start_full_resync``: the
run goes on in a thread (sync/background.py) and the button opens the run
record at once. ``action_sync_now`` / ``action_full_resync`` (backend.py)
stay as they were for scripts over XML-RPC that want the finished run back.
"""
from openerp import SUPERUSER_ID
from openerp.osv import orm
from openerp.tools.translate import _

from ..sync.background import NotStarted, start_run


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    def _start_in_background(self, cr, uid, backend_id, full, context=None):
        """The run imports with the connector's rights, once the person pressing the button
        is shown to be a manager of this shop (write access to it): a connector manager
        need not be allowed to create products, partners or invoices by hand, as a
        reviewer's Retry does not either (binding_review.py)."""
        self.check_access_rights(cr, uid, 'write')
        self.check_access_rule(cr, uid, [backend_id], 'write', context=context)
        try:
            run_id = start_run(cr.dbname, SUPERUSER_ID, backend_id, full=full, context=context)
        except NotStarted as error:
            raise orm.except_orm(_('The synchronization did not start'), u'%s' % error)
        return self._open_run(cr, uid, run_id, context=context)

    def action_start_sync(self, cr, uid, ids, context=None):
        """Read the change feed in the background; show the run while it proceeds."""
        return self._start_in_background(cr, uid, ids[0], False, context=context)

    def action_start_full_resync(self, cr, uid, ids, context=None):
        """List everything in the shop in the background; show the run while it proceeds."""
        return self._start_in_background(cr, uid, ids[0], True, context=context)
