# -*- coding: utf-8 -*-
"""The setup checklist: what a shop's first sync needs, each line green or saying what to do.

Run by *Test connection* and before each first sync (a red blocking line
keeps the first sync from starting, unless a manager forces it). One
function per check, listed in ``CHECKS``: adding a check is writing one
function that takes the ``Facts`` and returns its lines.
"""
from datetime import datetime, timedelta

from openerp.tools import DEFAULT_SERVER_DATE_FORMAT as DATE

from . import currency
from .client import ShopError
from .history import HISTORY, accounting_start, period_problem, today
from .taxes import TaxResolver, percent
from .order_lines import SHIPPING_CLASS

OK, TODO, WARNING = 'ok', 'todo', 'warning'
SHOP_FORM = u'Satchmo > Configuration > Shops'


def line(name, state, message, blocking=True):
    return {'name': name, 'state': state, 'message': message,
            'blocking': blocking and state == TODO}


class Facts(object):
    """What the checks read: the backend, and the shop's answers (each asked once)."""

    def __init__(self, cr, uid, pool, backend, client):
        self.cr, self.uid, self.pool = cr, uid, pool
        self.backend = backend
        self.company = backend.company_id
        self.client = client
        self.root = None
        self.shop_error = None
        self._asked = {}

    def ask(self, name, question):
        """The shop's answer to ``question()`` (None if the shop could not be asked)."""
        if name not in self._asked:
            answer = None
            if self.root is not None:
                try:
                    answer = question()
                except ShopError as error:
                    answer = None
                    self.shop_error = self.shop_error or error
            self._asked[name] = answer
        return self._asked[name]

    def listed(self, resource):
        if resource not in (self.root or {}):
            return None
        return self.ask(resource, lambda: [obj for page in self.client.list_all(resource)
                                           for obj in page])


# -- the checks, in the order people read them -------------------------------------------------

def check_shop(facts):
    from ..models.backend import redact
    name = u'Shop reachable, token valid'
    try:
        facts.root = facts.client.check()
    except ShopError as error:
        return [line(name, TODO, redact(u'%s' % error, facts.backend.api_token) + u' Fix the '
                     u'URL or the token, then press Test connection.')]
    return [line(name, OK, u'The shop answered and accepted the token. Resources: %s'
                 % u', '.join(sorted(facts.root)))]


def check_currency(facts):
    """The pricelist in the shop's currency; in another than the company's, what OpenERP
    needs to convert it (currency.py): journals in it, rates, exchange accounts."""
    name = u'Currency'
    code, source = facts.ask('shop', lambda: currency.shop_currency(
        facts.client, facts.backend, facts.root)) or currency.typed_currency(facts.backend)
    if not code:
        return [line(name, TODO, u'The shop does not tell its currency (its API has no shop/ '
                     u'endpoint yet): set "Shop currency" on the shop form (%s), then Test '
                     u'connection.' % SHOP_FORM)]
    problem = currency.pricelist_problem(facts.backend, code, source)
    if problem:
        return [line(name, TODO, problem)]
    journals = [facts.pool.get('satchmo.backend').payment_journal_for(
        facts.cr, facts.uid, facts.backend, key) for key in _payment_keys(facts)]
    problems = currency.foreign_problems(
        facts.cr, facts.uid, facts.pool, facts.backend, code, [j for j in journals if j],
        accounting_start(facts.cr, facts.uid, facts.pool, facts.backend))
    if problems:
        return [line(name, TODO, u'The shop sells in %s (%s): %s.' % (
            code, source, u'; '.join(problems)))]
    company = currency.company_currency(facts.company)
    converted = (u'' if company == code else
                 u'; booked in %s at the company\'s rate of each document\'s date' % company)
    return [line(name, OK, u'%s (%s), the pricelist %s and the payment journals%s.'
                 % (code, source, facts.backend.pricelist_id.name, converted))]


def check_rounding(facts):
    name = u'Tax rounding'
    if facts.company.tax_calculation_rounding_method == 'round_globally':
        return [line(name, OK, u'The company %s rounds tax globally, as Satchmo does.'
                     % facts.company.name)]
    return [line(name, TODO, u'The company %s rounds tax per line; Satchmo rounds tax once '
                 u'per order, so orders would differ by cents. Press "Set Round globally" '
                 u'(or Settings > Configuration > Accounting).' % facts.company.name)]


def _journal_problem(journal, company):
    if journal.company_id.id != company.id:
        return u'belongs to the company %s' % journal.company_id.name
    if not (journal.default_debit_account_id and journal.default_credit_account_id):
        return u'has no default debit and credit accounts'
    return None


def _payment_keys(facts):
    """The shop's active payment modules (or the mapped ones, if the shop lists none)."""
    backend = facts.backend
    modules = facts.listed('payment_modules')
    keys = [m.get('key') or m.get('id') for m in modules or [] if m.get('active', True)]
    keys = keys or [l.module_key for l in backend.payment_journal_ids]
    if not keys:
        keys = [None] if backend.payment_journal_id else []
    return keys


def check_journals(facts):
    backend, lines = facts.backend, []
    sales = backend.sale_journal_id
    problem = (u'is not set' if not sales else
               u'is not a sales journal' if sales.type != 'sale' else
               _journal_problem(sales, facts.company))
    lines.append(line(u'Sales journal', TODO if problem else OK, (
        u'The sales journal %s: choose a sales journal with its accounts on the shop form\'s '
        u'Accounting page (%s).' % (problem, SHOP_FORM)) if problem else (
        u'%s, income on its default accounts.' % sales.name)))
    keys = _payment_keys(facts)
    todo, done = [], []
    for key in keys:
        journal = facts.pool.get('satchmo.backend').payment_journal_for(
            facts.cr, facts.uid, backend, key)
        label = key or u'payments'
        problem = u'has no journal' if not journal else _journal_problem(journal,
                                                                         facts.company)
        (todo if problem else done).append(
            u'%s %s' % (label, problem) if problem else u'%s to %s' % (label, journal.name))
    if todo or not keys:
        lines.append(line(u'Payment journals', TODO, u'%s: give each shop payment module a '
                          u'bank or cash journal with its accounts on the shop form\'s '
                          u'Accounting page (%s).' % (u'; '.join(todo) or u'no payment journal',
                                                      SHOP_FORM)))
    else:
        lines.append(line(u'Payment journals', OK, u'; '.join(done) + u'.'))
    return lines


def _class_rates(tax_class):
    """The rates the shop's API gives for a tax class, where it gives them (fractions)."""
    from decimal import Decimal
    rates = []
    for rate in tax_class.get('rates') or []:
        value = rate.get('rate') if isinstance(rate, dict) else rate
        if value not in (None, u''):
            rates.append(Decimal(u'%s' % value))
    return rates


def check_taxes(facts):
    name = u'Taxes'
    classes = facts.listed('tax_classes')
    if classes is None:
        return [line(name, WARNING, u'Not checked: the shop\'s API lists no tax classes.',
                     blocking=False)]
    resolver = TaxResolver(facts.cr, facts.uid, facts.pool, facts.backend)
    maps = facts.pool.get('satchmo.tax.map')
    titles = [c.get('title') or u'Default' for c in classes]
    if SHIPPING_CLASS not in titles:
        titles.append(SHIPPING_CLASS)
    rates = dict((c.get('title') or u'Default', _class_rates(c)) for c in classes)
    todo, unsure, done = [], [], []
    for title in titles:
        known = rates.get(title) or []
        for rate in known:
            problem = resolver.problem(title, rate)
            (todo if problem else done).append(problem or u'%s %s%%' % (title, percent(rate)))
        if not known:
            mapped = maps.search(facts.cr, facts.uid, [('backend_id', '=', facts.backend.id),
                                                       ('tax_class', '=ilike', title)])
            (done if mapped else unsure).append(title)
    if todo:
        lines = [line(name, TODO, u'; '.join(todo))]
    else:
        lines = [line(name, OK, u'Mapped, or matching exactly one company sale tax: %s.'
                      % (u', '.join(done) or u'no rate given by the shop'))]
    if unsure:
        lines.append(line(u'Tax classes without a mapping', WARNING, (
            u'%s: the shop does not tell their rates, so each order\'s rate is matched with '
            u'the company\'s sale taxes (exactly one of that rate, not included in the '
            u'price), and fails naming the class and rate otherwise. Map them on the shop '
            u'form\'s Accounting page (%s) to be sure.') % (u', '.join(unsure), SHOP_FORM),
            blocking=False))
    return lines


def _next_day(day):
    return (datetime.strptime(day, DATE) + timedelta(days=1)).strftime(DATE)


def check_periods(facts):
    """Every day from the accounting start date to today needs an open period."""
    name = u'Accounting periods'
    backend = facts.backend
    if not backend.create_invoices:
        return [line(name, OK, u'Orders are not invoiced: nothing is booked.')]
    start = accounting_start(facts.cr, facts.uid, facts.pool, backend)
    before = (u'imported as history (no invoice, no entry)'
              if backend.history_policy == HISTORY else u'not imported')
    day, end = start, max(start, today())
    while day <= end:
        period, problem = period_problem(facts.cr, facts.uid, facts.pool, facts.company, day)
        if problem:
            return [line(name, TODO, u'Orders from the accounting start date %s on are booked '
                         u'in their own period: %s.' % (start, problem))]
        day = _next_day(period.date_stop)
    return [line(name, OK, u'Open periods from the accounting start date %s to %s; orders '
                 u'before it are %s.' % (start, end, before))]


CHECKS = [check_shop, check_currency, check_rounding, check_journals, check_taxes,
          check_periods]


def run_checks(cr, uid, pool, backend, client):
    """Every check's lines, in order (dicts: name, state, message, blocking)."""
    facts = Facts(cr, uid, pool, backend, client)
    lines = []
    for check in CHECKS:
        lines.extend(check(facts))
    if facts.shop_error is not None:
        from ..models.backend import redact
        lines.append(line(u'Shop answers', TODO, redact(u'%s' % facts.shop_error,
                                                        backend.api_token)))
    return lines
