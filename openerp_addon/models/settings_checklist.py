# -*- coding: utf-8 -*-
"""The Settings page's part of the setup: the history policy and the checklist.

The page edits the first shop of the user's company (models/settings.py); the
checklist shown is that shop's last one, run again by Test connection with
the URL and token typed on the page.
"""
from openerp import SUPERUSER_ID
from openerp.osv import fields, orm

from openerp.addons.openerp_addon.sync.history import HISTORY

from .history_policy import HISTORY_POLICIES
from .settings import TEST_TIMEOUT

HISTORY_FIELDS = ('accounting_start_date', 'history_policy', 'shop_currency')


class satchmo_config_settings(orm.TransientModel):
    _inherit = 'satchmo.config.settings'

    def _check_lines(self, cr, uid, ids, name, arg, context=None):
        backend_id = self._default_backend(cr, uid, context=context)
        lines = []
        if backend_id:
            lines = self.pool.get('satchmo.check.line').search(
                cr, uid, [('backend_id', '=', backend_id)], context=context)
        return dict((config_id, lines) for config_id in ids)

    _columns = {
        'accounting_start_date': fields.date(
            'Accounting start date',
            help="Orders from this day on are invoiced and paid on their own days, in their "
                 "own periods. Default: the start of the company's earliest open period."),
        'history_policy': fields.selection(
            HISTORY_POLICIES, 'Orders before the start date',
            help="History: sale orders done or cancelled as in the shop, no invoice, no "
                 "payment, no journal entry. Do not import: counted as skipped."),
        'shop_currency': fields.char('Shop currency', size=3,
                                     help="The shop's currency (USD), while its API does "
                                          "not tell it."),
        'check_line_ids': fields.function(
            _check_lines, type='one2many', relation='satchmo.check.line',
            string='Setup checklist', readonly=True),
    }

    def get_default_history(self, cr, uid, fields, context=None):
        backend_id = self._default_backend(cr, uid, context=context)
        backends = self.pool.get('satchmo.backend')
        if not backend_id:
            return {'history_policy': HISTORY,
                    'accounting_start_date': backends._default_accounting_start(
                        cr, uid, context=context)}
        backend = backends.browse(cr, SUPERUSER_ID, backend_id, context=context)
        return dict((name, getattr(backend, name)) for name in HISTORY_FIELDS)

    def set_shop_history(self, cr, uid, ids, context=None):
        """Runs after set_shop (execute() calls set_* in name order), which made the backend."""
        config = self.browse(cr, uid, ids[0], context=context)
        backend_id = self._default_backend(cr, uid, context=context)
        if backend_id:
            values = dict((name, getattr(config, name)) for name in HISTORY_FIELDS)
            values['history_policy'] = values['history_policy'] or HISTORY
            self.pool.get('satchmo.backend').write(cr, uid, [backend_id], values,
                                                   context=context)
        return True

    def action_test_connection(self, cr, uid, ids, context=None):
        """Test the typed URL and token; on a saved shop, run its checklist with them."""
        from openerp.addons.openerp_addon.sync.client import ShopClient
        backend_id = self._default_backend(cr, uid, context=context)
        if not backend_id:  # nothing to check yet but the connection: its dialog
            return super(satchmo_config_settings, self).action_test_connection(
                cr, uid, ids, context=context)
        config = self.browse(cr, uid, ids[0], context=context)
        backends = self.pool.get('satchmo.backend')
        backends.check_connection(cr, uid, config.shop_url, config.shop_api_token,
                                  verify=config.shop_verify_tls, timeout=TEST_TIMEOUT,
                                  context=context)
        client = ShopClient(config.shop_url, config.shop_api_token or '',
                            verify=config.shop_verify_tls, timeout=TEST_TIMEOUT)
        backends.run_checklist(cr, uid, backend_id, client=client, context=context)
        return {'type': 'ir.actions.client', 'tag': 'reload'}

    def action_set_round_globally(self, cr, uid, ids, context=None):
        backend_id = self._default_backend(cr, uid, context=context)
        if backend_id:
            self.pool.get('satchmo.backend').action_set_round_globally(
                cr, uid, [backend_id], context=context)
        return {'type': 'ir.actions.client', 'tag': 'reload'}
