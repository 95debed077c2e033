# -*- coding: utf-8 -*-
"""The shop's currency against what OpenERP books in: pricelist, journals, rates.

A Satchmo shop sells in one currency (its ``L10N_SETTINGS['default_currency']``,
told by ``GET shop/``; the backend's "Shop currency" stands in for an API
that does not tell it). OpenERP 7 books a sale order and its invoice in the
currency of the order's pricelist (sale's ``_prepare_invoice``), and a
voucher in its journal's currency (account_voucher's ``currency_id`` is the
journal's, or the company's when the journal has none). So:

- the pricelist must be in the shop's currency, on every run, not only the
  first: an owner who switches the pricelist later would otherwise book the
  next order's 100 (shop currency) as 100 of another one. A mismatch fails
  the whole run (``run_gate``) and, for a retried row, the order
  (``CurrencyGuard``); nothing is booked;
- a payment is posted only on a journal in its invoice's currency, measured
  against what the invoice still owes *in that currency* (the receivable
  line's ``amount_residual_currency``; ``amount_residual`` is the
  company's), with the voucher's payment rate currency set to it, so
  OpenERP converts at the company's rate of the voucher's own date and books
  the exchange difference on the company's gain/loss exchange accounts when
  the payment closes the invoice;
- company-currency amounts are OpenERP's own conversions at the document's
  date: the invoice's ``date_invoice`` (set before validation, workflow.py)
  and the voucher's ``date`` (the payment's day, payment.py). A currency
  without a rate on or before such a day cannot be converted: the checklist
  says so for the accounting start date.
"""
from .mapper import MappingError
from .money import from_float

SHOP_FORM = u'Satchmo > Configuration > Shops'


def shop_currency(client, backend, root=None):
    """(ISO code, where it comes from) of the shop's currency; (None, None) if unknown."""
    info = client.shop_info(root if root is not None else client.check())
    told = isinstance(info, dict) and (info.get('currency') or u'').strip().upper()
    if told:
        return told, u'the shop says'
    return typed_currency(backend)


def typed_currency(backend):
    """(ISO code, source) of the backend's "Shop currency" field, for an API without shop/."""
    typed = (backend.shop_currency or u'').strip().upper()
    if typed:
        return typed, u'the shop\'s "Shop currency"'
    return None, None


def company_currency(company):
    return company.currency_id.name


def pricelist_problem(backend, code, source):
    """Why orders of a shop selling in ``code`` must not be booked with its pricelist, or None."""
    pricelist = backend.pricelist_id
    if not pricelist:
        return (u'The shop has no pricelist: choose one in %s on the shop form (%s).'
                % (code, SHOP_FORM))
    if pricelist.currency_id.name != code:
        return (u'The shop sells in %s (%s) but its pricelist %s is in %s: no order is '
                u'imported until the shop form (%s) has a pricelist in %s.' % (
                    code, source, pricelist.name, pricelist.currency_id.name, SHOP_FORM, code))
    return None


def journal_currency(journal):
    """The currency OpenERP books a journal's entries in (its own, or its company's)."""
    return (journal.currency or journal.company_id.currency_id).name


def payment_journal_problem(journal, code):
    """Why a voucher of ``code`` cannot be posted on ``journal``, or None."""
    if journal_currency(journal) != code:
        return (u'the payment journal %s books in %s, the invoice is in %s: give the payment '
                u'module a bank or cash journal in %s (its Currency field) on the shop form '
                u'(%s)' % (journal.name, journal_currency(journal), code, code, SHOP_FORM))
    return None


def sale_journal_problem(journal, code):
    """A sales journal with a currency of its own must be the shop's (OpenERP proposes it)."""
    if journal and journal.currency and journal.currency.name != code:
        return (u'the sales journal %s is in %s, the shop sells in %s: choose one without a '
                u'currency or in %s' % (journal.name, journal.currency.name, code, code))
    return None


def rate_problem(cr, uid, pool, code, company, day):
    """Why OpenERP cannot convert ``code`` into the company's currency on ``day``, or None."""
    if code == company_currency(company):
        return None
    currencies = pool.get('res.currency')
    ids = currencies.search(cr, uid, [('name', '=', code)], limit=1)
    if not ids:
        return u'OpenERP has no currency %s (Accounting > Configuration > Currencies)' % code
    rates = pool.get('res.currency.rate').search(cr, uid, [
        ('currency_id', '=', ids[0]), ('name', '<=', '%s 23:59:59' % day)], limit=1)
    if not rates:
        return (u'%s has no rate on or before %s: enter the company\'s rates on the currency\'s '
                u'form (Accounting > Configuration > Currencies), dated from that day on'
                % (code, day))
    return None


def exchange_accounts_problem(company):
    """A foreign-currency payment books its exchange difference on these two accounts."""
    if company.income_currency_exchange_account_id and \
            company.expense_currency_exchange_account_id:
        return None
    return (u'the company %s has no gain and loss exchange rate accounts (Settings > '
            u'Configuration > Accounting): OpenERP cannot book the exchange difference of a '
            u'foreign-currency payment' % company.name)


def foreign_problems(cr, uid, pool, backend, code, journals, start_day):
    """What a shop selling in another currency than its company's needs, each in words."""
    problems = [sale_journal_problem(backend.sale_journal_id, code)]
    problems += [payment_journal_problem(journal, code) for journal in journals]
    if code != company_currency(backend.company_id):
        problems.append(rate_problem(cr, uid, pool, code, backend.company_id, start_day))
        problems.append(exchange_accounts_problem(backend.company_id))
    return [p for p in problems if p]


def run_gate(sync):
    """Why this run must not import anything (the pricelist is not in the shop's currency).

    Asked before every run, first or not: one request to the shop (``shop/``)
    beside the API root. A shop that does not tell its currency, without a
    "Shop currency" typed in, is the checklist's business (a red line).
    """
    with sync.cursors.session() as (cr, pool):
        backend = sync.backend(cr, pool)
        code, source = shop_currency(sync.client(backend), backend)
        return code and pricelist_problem(backend, code, source) or None


class CurrencyGuard(object):
    """Per run: refuses to book an order while the pricelist is not in the shop's currency.

    The run gate stops a scheduled run before it starts; this covers the rows
    a person retries, which do not pass through the gate. The shop is asked
    once per run.
    """

    def __init__(self, env):
        self.env = env
        self._problem = None
        self._asked = False

    def check(self):
        if not self._asked:
            code, source = shop_currency(self.env.client, self.env.backend)
            self._problem = code and pricelist_problem(self.env.backend, code, source)
            self._asked = True
        if self._problem:
            raise MappingError(self._problem)


def owed(pool, cr, uid, line):
    """What the invoice's receivable ``line`` still owes, in the invoice's currency.

    The line carries the foreign currency (``currency_id``) when the invoice
    is not in the company's; its ``amount_residual_currency`` is then what is
    owed in it. ``amount_residual`` is in the company's currency, and comparing
    a shop payment with it would refuse a payment of a dearer currency and
    leave one of a cheaper currency partly open.
    """
    fresh = pool.get('account.move.line').read(cr, uid, [line.id], [
        'amount_residual', 'amount_residual_currency', 'currency_id', 'reconcile_id'])[0]
    if fresh['reconcile_id']:
        return from_float(0)
    if fresh['currency_id'] and fresh['currency_id'][0] != line.company_id.currency_id.id:
        return from_float(fresh['amount_residual_currency'])
    return from_float(fresh['amount_residual'])


def voucher_rate_values(journal):
    """The voucher's payment rate: 1 against its own (the journal's) currency.

    As OpenERP's own onchange (``recompute_payment_rate``) proposes it when the
    invoice is in the voucher's currency: the conversion into the company's
    currency is then the company's rate at the voucher's date. Left to its
    default, ``payment_rate_currency_id`` would be the company's currency
    (no journal in the create context) and the voucher would be converted 1:1.
    """
    currency = journal.currency or journal.company_id.currency_id
    return {'payment_rate': 1.0, 'payment_rate_currency_id': currency.id}
