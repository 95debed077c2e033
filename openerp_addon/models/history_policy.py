# -*- coding: utf-8 -*-
"""The history policy of a shop backend: from which day its sales are booked.

A shop connected after years of trading has orders from periods the company's
books do not hold (or holds otherwise). The owner chooses the accounting start
date and what becomes of the orders before it; sync/history.py applies it.
"""
from openerp.osv import fields, orm

from openerp.addons.openerp_addon.sync.history import (
    HISTORY, SKIP, earliest_open_period_start, today)


HISTORY_POLICIES = [(HISTORY, 'Import as history (sale orders only)'), (SKIP, 'Do not import')]


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    def _default_accounting_start(self, cr, uid, context=None):
        company_id = self.pool.get('res.company')._company_default_get(
            cr, uid, 'satchmo.backend', context=context)
        return earliest_open_period_start(cr, uid, self.pool, company_id) or today()

    _columns = {
        'accounting_start_date': fields.date(
            'Accounting start date',
            help="Orders placed from this day on are imported in full: invoiced on their "
                 "own day, in their own period, and paid on the payment's own day; an order "
                 "whose period is missing or closed fails alone, saying which period. "
                 "Default: the start of the company's earliest open period (or the day the "
                 "shop was connected)."),
        'history_policy': fields.selection(
            HISTORY_POLICIES, 'Orders before the start date', required=True,
            help="History: older orders become sale orders for the customer history, done "
                 "or cancelled as in the shop, with no invoice, no payment and no journal "
                 "entry. Do not import: they are counted as skipped, with the reason."),
    }

    _defaults = {
        'accounting_start_date': _default_accounting_start,
        'history_policy': HISTORY,
    }
