# -*- coding: utf-8 -*-
"""One order's import asks for the user's default company once per (model, field).

OpenERP 7's ``res.company._company_default_get`` searches the multi-company
default rules of a model and field, then reads the user, and it runs for
every default company of a new record and, through ``ir.property``'s domain,
for every property field read of every record: 85 times for one paid order
(62 in the voucher step alone: the reconciliation's partner write reads each
commercial property of the customer and of each of its addresses), about five
queries each (issue 13).

Within one order's import (``sync/company_memo.py`` opens the memo on the
cursor and closes it when the order is done), nothing changes a user's
company or the multi-company rules, so the answer is the same each time. It
is memoised per (user, model, field) only where no rule exists for them: a
rule's expression may read the context, so a model and field with rules is
evaluated every time by OpenERP's own code, as outside an import.
"""
from openerp import SUPERUSER_ID
from openerp.osv import orm

MEMO_ATTRIBUTE = '_satchmo_company_defaults'
HAS_RULES = object()  # marks a (user, model, field) whose rules OpenERP evaluates itself


class res_company(orm.Model):
    _inherit = 'res.company'

    def _company_default_get(self, cr, uid, object=False, field=False, context=None):
        memo = getattr(cr, MEMO_ATTRIBUTE, None)
        if memo is None:
            return super(res_company, self)._company_default_get(
                cr, uid, object=object, field=field, context=context)
        key = (uid, object, field)
        if key not in memo:
            rules = self.pool.get('multi_company.default').search(
                cr, uid, [('object_id.model', '=', object), ('field_id', '=', field)],
                limit=1, context=context)
            if rules:
                memo[key] = HAS_RULES
            else:
                user = self.pool.get('res.users').browse(cr, SUPERUSER_ID, uid, context=context)
                memo[key] = user.company_id.id
        if memo[key] is HAS_RULES:
            return super(res_company, self)._company_default_get(
                cr, uid, object=object, field=field, context=context)
        return memo[key]


class ir_property(orm.Model):
    """A property's domain (its field's id and its company) asked once per order too.

    Each property read looks up the field's id in ir_model_fields before its
    default company; within one order neither changes. A field whose company
    comes from a multi-company rule is asked every time, as above.
    """
    _inherit = 'ir.property'

    def _get_domain(self, cr, uid, prop_name, model, context=None):
        memo = getattr(cr, MEMO_ATTRIBUTE, None)
        if memo is None:
            return super(ir_property, self)._get_domain(cr, uid, prop_name, model, context=context)
        key = ('ir.property', uid, prop_name, model, (context or {}).get('force_company'))
        if key not in memo:
            domain = super(ir_property, self)._get_domain(cr, uid, prop_name, model,
                                                          context=context)
            if domain is not None and memo.get((uid, model, domain[1][2])) is HAS_RULES:
                return domain
            memo[key] = domain
        return memo[key] is not None and list(memo[key]) or None
