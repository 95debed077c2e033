# -*- coding: utf-8 -*-
"""A shop with years of history: what is booked, in which period, and what is only history.

The owner chooses an accounting start date (backend field; empty: the start
of the company's earliest open period, else today) and what happens to the
orders before it (``history_policy``):
- ``history``: they become sale orders for the customers' history, done or
  cancelled as in the shop, with no invoice, no payment, no journal entry;
- ``skip``: they are not imported at all (counted as skipped, with why).
Orders from the start date on are imported in full with their own dates:
the invoice is dated on the order's day and put in that day's period, the
payment dated on the payment's own day. A day whose period is missing or
closed makes that order (or payment) fail alone, with the period named and
what to do; nothing is ever booked in another period than its own.
"""
from datetime import date

from openerp import netsvc
from openerp.tools import DEFAULT_SERVER_DATE_FORMAT

from .mapper import MappingError

HISTORY = 'history'
SKIP = 'skip'
PERIODS_MENU = u'Accounting > Configuration > Periods'


def today():
    return date.today().strftime(DEFAULT_SERVER_DATE_FORMAT)


def shop_day(value):
    """The shop's local day of a time stamp ("2026-11-28T06:00:00+01:00" -> "2026-11-28")."""
    return (value or u'')[:10] or None


def earliest_open_period_start(cr, uid, pool, company_id):
    """The first day of the company's earliest open period, or None."""
    periods = pool.get('account.period')
    ids = periods.search(cr, uid, [('company_id', '=', company_id), ('state', '=', 'draft')],
                         order='date_start, special', limit=1)
    return ids and periods.browse(cr, uid, ids[0]).date_start or None


def accounting_start(cr, uid, pool, backend):
    """The backend's accounting start date, or its default (see the module's docstring)."""
    return (backend.accounting_start_date
            or earliest_open_period_start(cr, uid, pool, backend.company_id.id) or today())


def period_problem(cr, uid, pool, company, day):
    """(the open period of ``day``, None) or (None, why it cannot be booked and what to do)."""
    periods = pool.get('account.period')
    # a normal period before a special one (the opening period shares its first day)
    ids = periods.search(cr, uid, [('company_id', '=', company.id), ('date_start', '<=', day),
                                   ('date_stop', '>=', day)], order='special, date_start',
                         limit=1)
    if not ids:
        return None, (
            u"%s has no accounting period in the company %s: create the fiscal year of %s "
            u"and its periods (%s > Fiscal Years), or move the shop's accounting start date "
            u"after it, then retry" % (day, company.name, day[:4], PERIODS_MENU))
    period = periods.browse(cr, uid, ids[0])
    if period.state != 'draft' or period.fiscalyear_id.state != 'draft':
        return None, (
            u"%s falls in the period %s, which is closed: reopen it (%s), or move the shop's "
            u"accounting start date after it, then retry" % (day, period.name, PERIODS_MENU))
    return period, None


def open_period(cr, uid, pool, company, day):
    """The open period of ``day``; MappingError (the record fails alone) if it has none."""
    period, problem = period_problem(cr, uid, pool, company, day)
    if problem:
        raise MappingError(problem)
    return period


class HistoryPolicy(object):
    """The history policy of one backend, applied to order payloads."""

    def __init__(self, env):
        self.env = env
        self.cr, self.uid, self.pool = env.cr, env.uid, env.pool
        self.backend = env.backend
        self._start = None

    @property
    def start(self):
        if self._start is None:
            self._start = accounting_start(self.cr, self.uid, self.pool, self.backend)
        return self._start

    def is_history(self, payload):
        day = shop_day(payload.get('time_stamp'))
        return bool(day) and day < self.start

    def skip_reason(self, payload):
        if self.backend.history_policy == SKIP and self.is_history(payload):
            return (u'placed on %s, before the accounting start date %s: orders before it are '
                    u'not imported' % (shop_day(payload.get('time_stamp')), self.start))
        return None

    def check_booking(self, payload):
        """An order to be booked needs an open period on its own day: else it fails alone."""
        if self.is_history(payload) or not self.backend.create_invoices:
            return
        day = shop_day(payload.get('time_stamp'))
        if not day:
            raise MappingError(u"the order has no date (time_stamp): it cannot be booked")
        open_period(self.cr, self.uid, self.pool, self.backend.company_id, day)

    def close(self, order, payload):
        """A history order: confirmed and done, never invoiced nor paid (counted as skipped).

        The order's workflow would wait for an invoice forever; it is ended here
        so nobody invoices a sale the books already hold in some other form.
        """
        from .workflow import confirm
        for payment in payload.get('payments') or []:
            self.env.counts.add('payments', 'skipped')
        if order.state == 'done' or not self.backend.confirm_orders:
            return
        if confirm(self.cr, self.uid, order):
            self.pool.get('sale.order').action_done(self.cr, self.uid, [order.id])
            netsvc.LocalService('workflow').trg_delete(self.uid, 'sale.order', order.id,
                                                        self.cr)
            order.refresh()
