# -*- coding: utf-8 -*-
"""A shop in another currency than its company's: the gate, the amounts owed, the rates.

The demo company keeps its books in EUR; the fake shop here sells in USD
with a USD pricelist and a USD bank journal, and the accountant typed two
USD rates: one valid on the orders' day (2026-11-20), one from 2026-11-22.
Expected company-currency amounts come from OpenERP's own conversion
(``res.currency.compute`` with the document's date), never a rate copied here.
"""
from openerp.addons.openerp_addon.sync import currency, pipeline

from .test_order_mapping import OrderCase

ORDER_DAY, LATER_DAY = '2026-11-20', '2026-11-25'


class CurrencyCase(OrderCase):

    def setUp(self):
        super(CurrencyCase, self).setUp()
        cr, uid = self.cr, self.uid
        self.currencies = self.registry('res.currency')
        self.usd = self.ref('base.USD')
        rates = self.registry('res.currency.rate')
        rates.unlink(cr, uid, rates.search(cr, uid, [('currency_id', '=', self.usd)]))
        for day, rate in (('2026-01-01', 1.30), ('2026-11-22', 1.25)):
            rates.create(cr, uid, {'currency_id': self.usd, 'rate': rate,
                                   'name': '%s 00:00:00' % day})
        self.pricelist = self.registry('product.pricelist').create(cr, uid, {
            'name': 'Shop USD', 'type': 'sale', 'currency_id': self.usd,
            'version_id': [(0, 0, {'name': 'Shop USD', 'items_id': [
                (0, 0, {'name': 'All products', 'base': self.ref('product.list_price')})]})]})
        # a journal in a currency needs default accounts in it (OpenERP's constraint)
        journals = self.registry('account.journal')
        bank = journals.browse(cr, uid, self.ref('account.bank_journal'))
        like = bank.default_debit_account_id
        account = self.registry('account.account').create(cr, uid, {
            'code': 'BKUSD', 'name': 'Bank USD', 'type': like.type,
            'user_type': like.user_type.id, 'parent_id': like.parent_id.id,
            'company_id': like.company_id.id, 'currency_id': self.usd})
        self.usd_bank = journals.copy(cr, uid, bank.id, {
            'name': 'Bank USD', 'code': 'BKUSD', 'currency': self.usd,
            'default_debit_account_id': account, 'default_credit_account_id': account})
        accounts = self.registry('account.account').search(cr, uid, [
            ('type', '=', 'other'), ('company_id', '=', self.ref('base.main_company'))],
            limit=2)
        self.company = self.registry('res.company').browse(cr, uid,
                                                           self.ref('base.main_company'))
        self.company.write({'income_currency_exchange_account_id': accounts[0],
                            'expense_currency_exchange_account_id': accounts[1]})
        self.backends.write(cr, uid, [self.backend_id], {
            'pricelist_id': self.pricelist, 'payment_journal_id': self.usd_bank,
            'payment_journal_ids': [(0, 0, {'module_key': 'PAYMENT_DUMMY',
                                            'journal_id': self.usd_bank})]})
        self.shop.info = dict(self.shop.info, currency='USD')

    def to_company(self, amount, day):
        """OpenERP's own conversion of a USD amount into the company's EUR on ``day``."""
        return self.currencies.compute(self.cr, self.uid, self.usd, self.company.currency_id.id,
                                       amount, context={'date': day})

    def assertBalanced(self, move):
        self.assertAlmostEqual(sum(l.debit for l in move.line_id),
                               sum(l.credit for l in move.line_id), places=2)


class TestCurrencyGate(CurrencyCase):

    def test_a_pricelist_in_another_currency_fails_every_run(self):
        """Not only the first: the owner switches the pricelist after a good first sync."""
        self.sync()
        self.assertEqual(self.order(101).currency_id.id, self.usd)
        self.backends.write(self.cr, self.uid, [self.backend_id],
                            {'pricelist_id': self.ref('product.list0')})
        self.shop.change('orders', 107, **dict(self.shop.objects['orders'][101], id=107))
        run = self.sync(force=True)
        self.assertEqual(run.state, 'failed')
        self.assertIn('sells in USD', run.reason)
        self.assertIn('no order is imported', run.reason)
        self.assertIsNone(self.binding('orders', 107))

    def test_a_retried_order_checks_the_currency_too(self):
        self.sync()
        self.backends.write(self.cr, self.uid, [self.backend_id],
                            {'pricelist_id': self.ref('product.list0')})
        row = self.binding('orders', 103)
        pipeline.retry(self.cr, self.uid, [row.id], client_factory=self.shop.factory)
        row.refresh()
        self.assertIn('sells in USD', row.error)


class TestForeignCurrencyPayments(CurrencyCase):

    def test_orders_invoices_and_vouchers_in_the_shop_currency(self):
        self.sync()
        order = self.order(101)
        invoice = order.invoice_ids[0]
        self.assertEqual((order.currency_id.id, invoice.currency_id.id), (self.usd, self.usd))
        self.assertEqual(self.totals(invoice), self.totals(order))
        self.assertEqual(self.money(invoice.amount_total), self.money(73.02))
        self.assertEqual(invoice.state, 'paid')
        # the invoice's receivable is in EUR at the rate of its own date, not today's
        receivable = [l for l in invoice.move_id.line_id if l.account_id == invoice.account_id]
        self.assertEqual([(l.amount_currency, l.currency_id.id) for l in receivable],
                         [(73.02, self.usd)])
        self.assertAlmostEqual(receivable[0].debit, self.to_company(73.02, ORDER_DAY), places=2)
        self.assertNotAlmostEqual(receivable[0].debit, self.to_company(73.02, LATER_DAY),
                                  places=2)
        voucher = self.vouchers.browse(self.cr, self.uid, self.vouchers_of('payment-1'))[0]
        self.assertEqual((voucher.currency_id.id, voucher.payment_rate_currency_id.id,
                          voucher.payment_rate), (self.usd, self.usd, 1.0))
        self.assertBalanced(voucher.move_id)

    def test_a_partial_then_a_later_payment_books_the_exchange_difference(self):
        order = self.shop.objects['orders'][102]
        rest = dict(order['payments'][0], key='payment-9', id=9, amount='35.74',
                    time_stamp='%sT09:00:00+01:00' % LATER_DAY)
        self.shop.change('orders', 102, payments=order['payments'] + [rest])
        self.sync()
        invoice = self.order(102).invoice_ids[0]
        self.assertEqual((invoice.state, self.money(invoice.residual)), ('paid', self.money(0)))
        voucher = self.vouchers.browse(self.cr, self.uid, self.vouchers_of('payment-9'))[0]
        self.assertEqual(voucher.date, LATER_DAY)
        self.assertEqual([(l.amount, l.reconcile) for l in voucher.line_cr_ids],
                         [(35.74, True)])
        bank = [l for l in voucher.move_id.line_id
                if l.account_id == voucher.journal_id.default_debit_account_id]
        self.assertAlmostEqual(bank[0].debit, self.to_company(35.74, LATER_DAY), places=2)
        # the dearer dollar of the later day is a gain, on the company's gain account
        gains = [l for l in voucher.move_id.line_id
                 if l.account_id == self.company.income_currency_exchange_account_id]
        self.assertTrue(gains, [(l.account_id.name, l.debit, l.credit)
                                for l in voucher.move_id.line_id])
        for move in [invoice.move_id] + [v.move_id for v in self.vouchers.browse(
                self.cr, self.uid, self.vouchers_of('payment-2') + self.vouchers_of('payment-9'))]:
            self.assertBalanced(move)
        # the customer's receivable in the company's currency is closed to the cent
        lines = self.registry('account.move.line').search(self.cr, self.uid, [
            ('account_id', '=', invoice.account_id.id),
            ('partner_id', '=', invoice.partner_id.commercial_partner_id.id),
            ('reconcile_id', '=', False), ('reconcile_partial_id', '!=', False)])
        self.assertEqual(lines, [])

    def test_a_payment_journal_in_another_currency_refuses_the_payment(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {
            'payment_journal_ids': [(5, 0, 0)],
            'payment_journal_id': self.ref('account.bank_journal')})
        self.sync(force=True)
        row = self.binding('payments', 'payment-1')
        self.assertEqual(row.state, 'exception')
        self.assertIn('books in EUR, the invoice is in USD', row.error)
        self.assertFalse(self.vouchers_of('payment-1'))

    def test_what_is_owed_is_in_the_invoice_currency(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'register_payments': False})
        self.sync()
        invoice = self.order(102).invoice_ids[0]
        line = [l for l in invoice.move_id.line_id if l.account_id == invoice.account_id][0]
        owed = currency.owed(self.registry('account.move.line').pool, self.cr, self.uid, line)
        self.assertEqual(owed, self.money(65.74))
        self.assertNotEqual(owed, self.money(line.amount_residual))
