# -*- coding: utf-8 -*-
"""The setup checklist: each line turned red by a setup fault, green by its fix; the gate."""
from .fake_shop import FakeShop
from .test_order_mapping import ORDER_RESOURCES, OrderCase


class TestChecklist(OrderCase):

    def check(self, name):
        """Run the checklist; the state and message of the line ``name``."""
        self.backends.run_checklist(self.cr, self.uid, self.backend_id, client=self.shop)
        lines = self.backends.browse(self.cr, self.uid, self.backend_id).check_line_ids
        found = [(l.state, l.message) for l in lines if l.name == name]
        self.assertTrue(found, [l.name for l in lines])
        return found[0]

    def assertRed(self, name, *words):
        state, message = self.check(name)
        self.assertEqual(state, 'todo', message)
        for word in words:
            self.assertIn(word, message)

    def assertGreen(self, name):
        state, message = self.check(name)
        self.assertEqual(state, 'ok', message)

    def backend(self):
        return self.backends.browse(self.cr, self.uid, self.backend_id)

    def test_shop_reachable(self):
        self.shop.down = True
        self.assertRed('Shop reachable, token valid', 'does not answer')
        self.shop.down = False
        self.assertGreen('Shop reachable, token valid')

    def test_currency_of_the_shop_pricelist_and_company(self):
        self.shop.info = dict(self.shop.info, currency='USD')
        self.assertRed('Currency', 'sells in USD', 'pricelist')
        self.shop.info = None  # an API without GET shop/: the backend's field stands in
        self.assertRed('Currency', 'Shop currency')
        self.backend().write({'shop_currency': 'usd'})
        self.assertRed('Currency', 'USD')
        self.backend().write({'shop_currency': 'EUR'})
        self.assertGreen('Currency')

    def test_tax_rounding_and_its_button(self):
        self.registry('res.company').write(self.cr, self.uid, [self.ref('base.main_company')],
                                           {'tax_calculation_rounding_method': 'round_per_line'})
        self.assertRed('Tax rounding', 'Set Round globally')
        self.backends.action_set_round_globally(self.cr, self.uid, [self.backend_id])
        self.assertGreen('Tax rounding')

    def test_sales_journal_with_its_accounts(self):
        journal = self.backend().sale_journal_id
        account = journal.default_debit_account_id.id
        journal.write({'default_debit_account_id': False})
        self.assertRed('Sales journal', 'no default debit and credit accounts')
        journal.write({'default_debit_account_id': account})
        self.assertGreen('Sales journal')

    def test_a_payment_journal_per_shop_payment_module(self):
        bank = self.backend().payment_journal_id
        self.backend().write({'payment_journal_id': False})
        self.shop.objects['payment_modules'] = {
            1: {'id': 'PAYMENT_DUMMY', 'key': 'PAYMENT_DUMMY', 'label': 'Test', 'active': True}}
        self.assertRed('Payment journals', 'PAYMENT_DUMMY has no journal')
        self.registry('satchmo.payment.journal').create(self.cr, self.uid, {
            'backend_id': self.backend_id, 'module_key': 'PAYMENT_DUMMY',
            'journal_id': bank.id})
        self.assertGreen('Payment journals')

    def test_every_tax_class_and_rate_mapped_or_mappable(self):
        self.shop.objects['tax_classes'][1]['rates'] = [{'rate': '0.21'}, {'rate': '0.06'}]
        self.assertRed('Taxes', 'Default at 6%')
        self.registry('account.tax').write(
            self.cr, self.uid, [self.vat21], {'amount': 0.06})  # now 21% is missing
        self.assertRed('Taxes', 'Default at 21%')
        from .test_order_mapping import company_sale_tax
        company_sale_tax(self, 0.21, 'Sales tax 21')
        self.assertGreen('Taxes')

    def test_open_periods_from_the_accounting_start(self):
        self.backend().write({'accounting_start_date': '2025-07-01'})
        self.assertRed('Accounting periods', '2025-07-01 has no accounting period',
                       'fiscal year of 2025')
        self.backend().write({'accounting_start_date': '2026-01-01'})
        self.assertGreen('Accounting periods')

    def test_red_lines_stop_the_first_sync_unless_forced(self):
        self.registry('res.company').write(self.cr, self.uid, [self.ref('base.main_company')],
                                           {'tax_calculation_rounding_method': 'round_per_line'})
        run = self.sync()
        self.assertEqual(run.state, 'failed')
        self.assertIn('The first sync did not start', run.reason)
        self.assertIn('Tax rounding', run.reason)
        self.assertFalse(self.bindings.search(self.cr, self.uid,
                                              [('backend_id', '=', self.backend_id)]))
        run = self.sync(force=True)
        self.assertEqual(run.state, 'done', run.reason)
        self.assertTrue(run.forced)
        self.assertIn('Tax rounding', run.reason)
        # later runs are not first syncs: the checklist does not hold them
        self.shop.change('orders', 102, notes='later')
        self.assertEqual(self.sync().state, 'done')

    def test_a_pricelist_in_another_currency_is_not_forced_past(self):
        """The currency line is red, and no force books an order in the wrong currency."""
        self.shop.info = dict(self.shop.info, currency='USD')
        run = self.sync(force=True)
        self.assertEqual(run.state, 'failed')
        self.assertIn('sells in USD', run.reason)
        self.assertFalse(self.bindings.search(self.cr, self.uid, [
            ('backend_id', '=', self.backend_id), ('resource', '=', 'orders')]))

    def test_a_green_checklist_lets_the_first_sync_start(self):
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        self.assertFalse(run.forced)
        states = set(l.state for l in self.backend().check_line_ids)
        self.assertNotIn('todo', states)


class TestChecklistOnTheSettingsPage(OrderCase):

    def test_the_page_shows_the_shop_checklist(self):
        self.backends.run_checklist(self.cr, self.uid, self.backend_id,
                                    client=FakeShop(ORDER_RESOURCES))
        settings = self.registry('satchmo.config.settings')
        values = settings.default_get(self.cr, self.uid, ['check_line_ids', 'history_policy'])
        self.assertEqual(values['history_policy'], 'history')
        config_id = settings.create(self.cr, self.uid, {'shop_url': 'http://shop.test'})
        lines = settings.browse(self.cr, self.uid, config_id).check_line_ids
        self.assertEqual(lines[0].name, 'Shop reachable, token valid')
