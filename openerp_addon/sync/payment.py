# -*- coding: utf-8 -*-
"""Shop payments -> account.voucher, one per completed payment, never two.

A payment is registered only once its order's invoice is validated, as a
receipt on the journal mapped for its payment module, reconciled with that
invoice's own receivable line (the voucher lines are built here, not by
``onchange_partner_id``, which reads every open line of the partner and
would pay the wrong invoice first). Each payment has its own savepoint and
mapping row (resource "payments", shop id = the payment's key):
- synced: registered (the row points to the voucher);
- exception: not posted, and why (larger than what the invoice still owes,
  the order is an exception, no journal...). It is tried again whenever its
  order is imported again, e.g. after a person retried the order.
The voucher carries (shop, key) under a unique constraint
(models/payment_binding.py): before creating one, the voucher of the key is
looked up, so a re-run or a resumed run finds it instead of paying twice.
"""
import logging

from .importer import describe
from .money import ZERO, cents, dec, from_float, to_float
from .workflow import book_date, receivable_line, signal

_logger = logging.getLogger(__name__)

RESOURCE = 'payments'


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
                reason = self._refusal(payment, invoice)
                if reason:
                    self.cr.execute('RELEASE SAVEPOINT %s' % savepoint)
                    self._row(payment, 'exception', reason)
                    return 'failed'
                existing = self._create(payment, invoice)
            signal(self.cr, self.uid, 'account.voucher', existing.id, 'proforma_voucher')
            existing.refresh()
            if existing.state != 'posted':
                raise ValueError(u"the voucher %s stayed %s" % (existing.id, existing.state))
        except Exception as error:
            self.cr.execute('ROLLBACK TO SAVEPOINT %s' % savepoint)
            reason = u'not registered: %s' % describe(error)
            _logger.info("satchmo: payment %s: %s", key, reason)
            self._row(payment, 'exception', reason)
            return 'failed'
        self.cr.execute('RELEASE SAVEPOINT %s' % savepoint)
        self._row(payment, 'synced', None, existing)
        return 'created'

    def _refusal(self, payment, invoice):
        """Why this payment must not be posted on this invoice, or None."""
        amount = dec(payment, 'amount')
        if amount <= ZERO:
            return u'not registered: the amount %s is not positive' % cents(amount)
        line = receivable_line(invoice)
        if line is None:
            return u'not registered: invoice %s has no receivable line' % invoice.number
        owed = from_float(line.amount_residual)
        if line.reconcile_id or amount > owed:
            return (u'not registered: %s is more than invoice %s still owes (%s of %s); '
                    u'a person must register or refund it' % (
                        cents(amount), invoice.number, owed if not line.reconcile_id else ZERO,
                        from_float(invoice.amount_total)))
        if not self.pool.get('satchmo.backend').payment_journal_for(
                self.cr, self.uid, self.backend, payment.get('payment')):
            return (u'not registered: no payment journal for the payment module %s (add a '
                    u'line to the shop\'s payment journals)' % payment.get('payment'))
        return None

    def _create(self, payment, invoice):
        amount = cents(dec(payment, 'amount'))
        line = receivable_line(invoice)
        journal = self.pool.get('satchmo.backend').payment_journal_for(
            self.cr, self.uid, self.backend, payment.get('payment'))
        account = journal.default_debit_account_id
        if not account:
            raise ValueError(u"the journal %s has no default debit account" % journal.name)
        day = book_date(self.cr, self.uid, self.pool, invoice.company_id.id,
                        (payment.get('time_stamp') or u'')[:10] or None)
        owed = from_float(line.amount_residual)
        context = dict(self.env.create_context, date=day, type='receipt')
        voucher_id = self.vouchers.create(self.cr, self.uid, {
            'type': 'receipt',
            'partner_id': line.partner_id.id,
            'journal_id': journal.id,
            'account_id': account.id,
            'company_id': invoice.company_id.id,
            'amount': to_float(amount),
            'date': day,
            'period_id': self._period(day, invoice.company_id.id),
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
                'amount': to_float(amount),
                'reconcile': amount == owed,
            })],
        }, context=context)
        return self.vouchers.browse(self.cr, self.uid, voucher_id)

    def _period(self, day, company_id):
        ids = self.pool.get('account.period').find(
            self.cr, self.uid, day, context={'company_id': company_id})
        return ids and ids[0] or False

    def _row(self, payment, state, reason, voucher=None):
        """The payment's mapping row: registered (synced) or refused (exception, with why)."""
        binder = self.env.binder
        values = {'state': state, 'error': reason or False, 'next_retry': False,
                  'order_binding_id': self.order_row_id,
                  'shop_amount': u'%s' % cents(dec(payment, 'amount'))}
        if voucher is not None:
            values.update(model='account.voucher', res_id=voucher.id,
                          erp_amount=u'%s' % from_float(voucher.amount))
        row = binder.get(RESOURCE, payment['key'])
        if state == 'synced' and row and row.state == 'synced' and row.res_id == (
                voucher and voucher.id):
            return row.id
        if state == 'synced':
            binder.bind(RESOURCE, payment['key'], 'account.voucher', voucher.id, None)
        return binder._upsert(RESOURCE, payment['key'], values)
