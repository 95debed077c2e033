# -*- coding: utf-8 -*-
"""Shop payments -> account.voucher, one per completed payment, never two.

A payment is registered only once its order's invoice is validated, as a
receipt on the journal mapped for its payment module, reconciled with that
invoice's own receivable line (the voucher lines are built here, not by
``onchange_partner_id``, which reads every open line of the partner and
would pay the wrong invoice first). Each payment has its own savepoint and
mapping row (resource "payments", shop id = the payment's key):
- synced: registered (the row points to the voucher);
- exception: not posted, and why (more than the shop's rounding above what
  the invoice still owes, the order is an exception, no journal...). It is
  tried again whenever its order is imported again, e.g. after a person
  retried the order.
Satchmo keeps totals below the cent and charges the balance rounded up to
the cent (Order.balance, trunc_decimal), so paying an order in full can pay a
cent more than its invoice (the total to the cent). Such a payment is money
received: it is posted in full, the invoice reconciled and paid, and the
excess left on the customer's account as a credit (payment_option
'without_writeoff'); the row's note says so. What the invoice still owes is
read from the database before each payment, not from a browse cache filled
before the order's earlier payments were posted.
The voucher carries (shop, key) under a unique constraint
(models/payment_binding.py): before creating one, the voucher of the key is
looked up, so a re-run or a resumed run finds it instead of paying twice.
"""
import logging

from . import currency
from .display import row_values
from .importer import describe
from .transactions import reraise_transient
from .money import CENT, ZERO, cents, dec, from_float, to_float
from .workflow import book_date, receivable_line, signal

_logger = logging.getLogger(__name__)

RESOURCE = 'payments'
# Satchmo rounds a balance up to the cent: at most this much above what an invoice owes
SHOP_ROUNDING = CENT


def completed(order_payload):
    """The payments that are money received (not authorizations, not pending)."""
    return [p for p in order_payload.get('payments') or [] if p.get('kind') == 'payment']


def not_money(order_payload):
    return [p for p in order_payload.get('payments') or [] if p.get('kind') != 'payment']


class Payments(object):

    def __init__(self, env, backend, order_row_id):
        self.env = env
        self.cr, self.uid, self.pool = env.cr, env.uid, env.pool
        self.backend = backend
        self.order_row_id = order_row_id
        self.vouchers = self.pool.get('account.voucher')

    # -- what a run does with an order's payments ------------------------------------------
    def register(self, order_payload, invoice):
        """Register every completed payment of the order that is not registered yet."""
        for payment in not_money(order_payload):
            self.env.counts.add(RESOURCE, 'skipped')
        for payment in completed(order_payload):
            self.env.counts.add(RESOURCE, self._one(payment, invoice))

    def refuse(self, order_payload, reason):
        """The order cannot take payments now: say so on each payment not registered."""
        for payment in completed(order_payload):
            if self.voucher_of(payment['key']):
                self.env.counts.add(RESOURCE, 'unchanged')
                continue
            self._row(payment, 'exception', reason)
            self.env.counts.add(RESOURCE, 'failed')

    # -- one payment ---------------------------------------------------------------------------
    def voucher_of(self, key):
        ids = self.vouchers.search(self.cr, self.uid, [
            ('satchmo_backend_id', '=', self.backend.id), ('satchmo_payment_key', '=', key)],
            limit=1, context={'active_test': False})
        return ids and self.vouchers.browse(self.cr, self.uid, ids[0]) or None

    def _one(self, payment, invoice):
        key = payment['key']
        existing = self.voucher_of(key)
        if existing is not None and existing.state == 'posted':
            self._row(payment, 'synced', None, existing)
            return 'unchanged'
        savepoint = self.env._savepoint()
        try:
            if existing is None:
                line, owed = self._receivable(invoice)
                reason = self._refusal(payment, invoice, line, owed)
                if reason:
                    self.cr.execute('RELEASE SAVEPOINT %s' % savepoint)
                    self._row(payment, 'exception', reason)
                    return 'failed'
                existing = self._create(payment, invoice, line, owed)
            signal(self.cr, self.uid, 'account.voucher', existing.id, 'proforma_voucher')
            existing.refresh()
            if existing.state != 'posted':
                raise ValueError(u"the voucher %s stayed %s" % (existing.id, existing.state))
        except Exception as error:
            # a crash (the database busy, a lock on the journal's sequence, a bug): the row
            # fails with a retry schedule, its order is imported again when it is due
            self.cr.execute('ROLLBACK TO SAVEPOINT %s' % savepoint)
            reraise_transient(self.env, error)  # the order is tried again in a fresh transaction
            reason = u'not registered: %s' % describe(error)
            _logger.info("satchmo: payment %s: %s", key, reason)
            self._fail(payment, reason)
            return 'failed'
        self.cr.execute('RELEASE SAVEPOINT %s' % savepoint)
        self._row(payment, 'synced', None, existing)
        return 'created'

    def _receivable(self, invoice):
        """The invoice's receivable line and what it still owes, read now from the database."""
        line = receivable_line(invoice)
        if line is None:
            return None, ZERO
        return line, max(ZERO, currency.owed(self.pool, self.cr, self.uid, line))

    def _refusal(self, payment, invoice, line, owed):
        """Why this payment must not be posted on this invoice, or None."""
        amount = cents(dec(payment, 'amount'))
        if amount <= ZERO:
            return u'not registered: the amount %s is not positive' % amount
        if line is None:
            return u'not registered: invoice %s has no receivable line' % invoice.number
        if owed <= ZERO or amount > owed + SHOP_ROUNDING:
            beyond = (u' by more than the shop\'s rounding (%s)' % SHOP_ROUNDING
                      if owed > ZERO else u'')
            return (u'not registered: %s is more than invoice %s still owes (%s of %s)%s; '
                    u'a person must register or refund it' % (
                        amount, invoice.number, owed, from_float(invoice.amount_total), beyond))
        journal = self.pool.get('satchmo.backend').payment_journal_for(
            self.cr, self.uid, self.backend, payment.get('payment'))
        if not journal:
            return (u'not registered: no payment journal for the payment module %s (add a '
                    u'line to the shop\'s payment journals)' % payment.get('payment'))
        problem = currency.payment_journal_problem(journal, invoice.currency_id.name)
        return problem and u'not registered: %s' % problem or None

    def _create(self, payment, invoice, line, owed):
        amount = cents(dec(payment, 'amount'))
        applied = min(amount, owed)  # the rest (the shop's rounding) stays a customer credit
        journal = self.pool.get('satchmo.backend').payment_journal_for(
            self.cr, self.uid, self.backend, payment.get('payment'))
        account = journal.default_debit_account_id
        if not account:
            raise ValueError(u"the journal %s has no default debit account" % journal.name)
        # the payment's own day, in its own period (a missing or closed one: refused, why)
        day, period_id = book_date(self.cr, self.uid, self.pool, invoice.company_id,
                                   (payment.get('time_stamp') or u'')[:10]
                                   or invoice.date_invoice)
        context = dict(self.env.create_context, date=day, type='receipt')
        values = currency.voucher_rate_values(journal)
        values.update({
            'type': 'receipt',
            'partner_id': line.partner_id.id,
            'journal_id': journal.id,
            'account_id': account.id,
            'company_id': invoice.company_id.id,
            'amount': to_float(amount),
            'date': day,
            'period_id': period_id,
            'reference': (payment.get('transaction_id') or payment['key'])[:64],
            'name': u'%s %s (%s)' % (self.backend.name, payment['key'],
                                     payment.get('time_stamp') or u''),
            'payment_option': 'without_writeoff',
            'satchmo_backend_id': self.backend.id,
            'satchmo_payment_key': payment['key'],
            'line_cr_ids': [(0, 0, {
                'name': invoice.number,
                'type': 'cr',
                'move_line_id': line.id,
                'account_id': line.account_id.id,
                'amount': to_float(applied),
                'reconcile': applied == owed,
            })],
        })
        voucher_id = self.vouchers.create(self.cr, self.uid, values, context=context)
        return self.vouchers.browse(self.cr, self.uid, voucher_id)

    def _fail(self, payment, reason):
        """A payment that could not be registered: failed, retried on the rows' schedule."""
        self.env.binder._upsert(RESOURCE, payment['key'], {
            'order_binding_id': self.order_row_id, 'note': False,
            'shop_amount': u'%s' % cents(dec(payment, 'amount'))})
        if self.env.binder.fail(RESOURCE, payment['key'], reason, payment):
            self.env.counts.new_failures += 1

    def _row(self, payment, state, reason, voucher=None):
        """The payment's mapping row: registered (synced) or refused (exception, with why).

        A refusal is a failure the managers' message counts, like any other.
        """
        binder = self.env.binder
        values = {'state': state, 'error': reason or False, 'next_retry': False,
                  'order_binding_id': self.order_row_id,
                  'shop_amount': u'%s' % cents(dec(payment, 'amount'))}
        values.update(row_values(RESOURCE, payment))
        values['note'] = voucher is not None and self._note(voucher) or False
        if voucher is not None:
            values.update(model='account.voucher', res_id=voucher.id,
                          erp_amount=u'%s' % from_float(voucher.amount))
        row = binder.get(RESOURCE, payment['key'])
        if state == 'exception' and not (row and row.state in ('failed', 'exception')):
            self.env.counts.new_failures += 1
        if state == 'synced' and row and row.state == 'synced' and row.res_id == (
                voucher and voucher.id):
            return row.id
        if state == 'synced':
            binder.bind(RESOURCE, payment['key'], 'account.voucher', voucher.id, None)
        return binder._upsert(RESOURCE, payment['key'], values)

    def _note(self, voucher):
        """In words, the part of a registered payment its invoice did not need, if any."""
        excess = from_float(voucher.writeoff_amount)
        if excess <= ZERO:
            return None
        invoices = u', '.join(l.name for l in voucher.line_cr_ids)
        return (u'%s is %s more than invoice %s still owed (Satchmo charges the balance '
                u'rounded up to the cent): posted in full, the invoice is paid and %s is left '
                u'as a credit on the customer\'s account' % (
                    from_float(voucher.amount), excess, invoices, excess))
