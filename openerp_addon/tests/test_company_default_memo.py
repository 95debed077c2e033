# -*- coding: utf-8 -*-
"""The default-company memo of one order (models/company_default_memo.py, issue 13): the
same answers as OpenERP's own lookups, asked once, and multi-company rules still obeyed."""
from openerp.tests import common

from openerp.addons.openerp_addon.models.company_default_memo import MEMO_ATTRIBUTE
from openerp.addons.openerp_addon.sync.company_memo import company_defaults_memo


class TestCompanyDefaultMemo(common.TransactionCase):

    def setUp(self):
        super(TestCompanyDefaultMemo, self).setUp()
        self.companies = self.registry('res.company')

    def default(self, model, context=None):
        return self.companies._company_default_get(self.cr, self.uid, model, context=context)

    def test_inside_an_order_the_answers_are_openerps_and_asked_once(self):
        outside = self.default('account.invoice')
        domain = self.registry('ir.property')._get_domain(
            self.cr, self.uid, 'property_account_receivable', 'res.partner')
        with company_defaults_memo(self.cr):
            self.assertEqual(self.default('account.invoice'), outside)
            self.assertEqual(self.registry('ir.property')._get_domain(
                self.cr, self.uid, 'property_account_receivable', 'res.partner'), domain)
            queries = []
            execute = self.cr.execute
            self.cr.execute = lambda query, *args, **kwargs: (
                queries.append(query), execute(query, *args, **kwargs))[1]
            try:
                self.assertEqual(self.default('account.invoice'), outside)
                self.registry('ir.property')._get_domain(
                    self.cr, self.uid, 'property_account_receivable', 'res.partner')
            finally:
                del self.cr.execute
            self.assertEqual(queries, [])
        self.assertIsNone(getattr(self.cr, MEMO_ATTRIBUTE, None))

    def test_a_rule_reading_the_context_is_evaluated_each_time(self):
        cr, uid = self.cr, self.uid
        other = self.companies.create(cr, uid, {'name': 'Other company',
                                                'parent_id': self.ref('base.main_company')})
        model_id = self.registry('ir.model').search(cr, uid, [('model', '=', 'account.invoice')])
        self.registry('multi_company.default').create(cr, uid, {
            'name': 'invoices of the other company', 'object_id': model_id[0],
            'company_id': self.ref('base.main_company'), 'company_dest_id': other,
            'expression': "context.get('other_company', False)"})
        user_company = self.registry('res.users').browse(cr, uid, uid).company_id.id
        with company_defaults_memo(cr):
            self.assertEqual(self.default('account.invoice'), user_company)
            self.assertEqual(self.default('account.invoice', {'other_company': True}), other)
            self.assertEqual(self.default('account.invoice'), user_company)
