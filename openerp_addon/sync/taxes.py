# -*- coding: utf-8 -*-
"""Which OpenERP tax stands for a Satchmo tax class at a rate: the company's own, or none.

A wrong tax is worse than a failed order: collected sales tax booked on an
input-tax account, or a tax without tax codes, makes the tax return wrong
without anyone noticing. So, in this order:
1. the shop's tax mapping (satchmo.tax.map), written by a person;
2. otherwise the company's sale taxes of that rate: type "sale", not
   included in the price (Satchmo's prices are untaxed), percent, top level,
   of the backend's company. Exactly one: it is used, and a mapping line is
   written so the accountant sees (and can change) what was chosen. Two or
   more (a goods and a services tax of 21%): the order fails, naming them;
   only a person can tell which one the shop means;
3. otherwise, only if the owner switched "Create missing taxes" on, a new
   tax that copies its accounts, tax codes and base codes (and their signs)
   from the backend's template tax; never an account found by its name.
Anything else fails the order, naming the class and the rate and where to
map them: the menu path and a link to the shop form (whose Accounting page
holds the mapping), so the row's error opens where the fix is made.
"""
from decimal import Decimal

from .mapper import MappingError
from .money import to_float

SAME_RATE = Decimal('1e-7')

# What a created tax copies from the template: where it books and how it reports.
TEMPLATE_FIELDS = ('account_collected_id', 'account_paid_id', 'account_analytic_collected_id',
                   'account_analytic_paid_id', 'tax_code_id', 'base_code_id', 'ref_tax_code_id',
                   'ref_base_code_id')
TEMPLATE_SIGNS = ('tax_sign', 'base_sign', 'ref_tax_sign', 'ref_base_sign')

WHERE_TO_MAP = (u"the shop's Accounting page, Tax class (and rate) to tax "
                u"(Satchmo > Configuration > Shops)")


def percent(rate):
    """A rate (0.1) as people write it ("10"): never an exponent such as 1E+1."""
    text = u'{0:f}'.format((Decimal(rate) * 100).normalize())
    return text


def decimal_of(amount):
    return Decimal(repr(amount or 0.0))


class TaxResolver(object):
    """Finds (or, when allowed, creates) the tax of a tax class and rate for one backend."""

    def __init__(self, cr, uid, pool, backend, context=None):
        self.cr, self.uid, self.pool = cr, uid, pool
        self.backend = backend
        self.context = context or {}
        self.maps = pool.get('satchmo.tax.map')
        self.taxes = pool.get('account.tax')

    def where_to_map(self):
        """The mapping's place: the menu path, and a link to this shop's form."""
        base = self.pool.get('ir.config_parameter').get_param(
            self.cr, self.uid, 'web.base.url', default=u'') or u''
        return u'%s, %s/#id=%d&view_type=form&model=satchmo.backend' % (
            WHERE_TO_MAP, base.rstrip(u'/'), self.backend.id)

    # -- 1. the mapping -------------------------------------------------------------------
    def mapped(self, tax_class, rate):
        """The mapped tax id of a class at a rate, or None."""
        ids = self.maps.search(self.cr, self.uid, [('backend_id', '=', self.backend.id),
                                                   ('tax_class', '=ilike', tax_class)])
        for line in self.maps.browse(self.cr, self.uid, ids):
            line_rate = line.rate if line.rate else (
                line.tax_id.amount if line.tax_id.type == 'percent' else None)
            if line_rate is not None and abs(decimal_of(line_rate) - rate) < SAME_RATE:
                return line.tax_id.id
        return None

    # -- 2. the company's sale taxes ---------------------------------------------------------
    def company_sale_taxes(self, rate):
        """The company's price-excluded percent sale taxes of this rate (ids)."""
        ids = self.taxes.search(self.cr, self.uid, [
            ('company_id', '=', self.backend.company_id.id), ('type_tax_use', '=', 'sale'),
            ('type', '=', 'percent'), ('price_include', '=', False),
            ('parent_id', '=', False)])
        return [tax.id for tax in self.taxes.browse(self.cr, self.uid, ids)
                if abs(decimal_of(tax.amount) - rate) < SAME_RATE]

    # -- 3. creation from the template -------------------------------------------------------
    def template(self):
        """The tax a created tax copies its accounts and codes from (or None)."""
        template = self.backend.tax_template_id
        if template:
            return template
        default_id = default_sale_tax_id(self.cr, self.uid, self.pool,
                                         self.backend.company_id.id)
        return default_id and self.taxes.browse(self.cr, self.uid, default_id) or None

    def create(self, tax_class, rate):
        template = self.template()
        if template is None:
            raise MappingError(
                u"a tax for the Satchmo tax class %s at %s%% must be created, and there is no "
                u"template tax to copy its accounts and tax codes from: choose one on %s, or "
                u"map the rate" % (tax_class, percent(rate), self.where_to_map()))
        values = dict((name, getattr(template, name).id or False) for name in TEMPLATE_FIELDS)
        values.update((name, getattr(template, name)) for name in TEMPLATE_SIGNS)
        values.update({
            'name': u'Satchmo %s %s%%' % (tax_class, percent(rate)),
            'description': u'SAT-%s-%s' % (tax_class[:8], percent(rate)),
            'amount': to_float(rate), 'type': 'percent', 'type_tax_use': 'sale',
            'price_include': False, 'company_id': self.backend.company_id.id,
        })
        return self.taxes.create(self.cr, self.uid, values, context=self.context)

    # -- the rule ---------------------------------------------------------------------------
    def problem(self, tax_class, rate):
        """Why no tax can stand for this class and rate, or None (nothing is written)."""
        if not rate or self.mapped(tax_class, rate):
            return None
        found = self.company_sale_taxes(rate)
        if len(found) == 1:
            return None
        if len(found) > 1:
            names = u', '.join(sorted(t.name for t in self.taxes.browse(self.cr, self.uid,
                                                                          found)))
            return (u"the Satchmo tax class %s at %s%% could be any of the company's sale "
                    u"taxes %s: map it to one of them on %s" % (
                        tax_class, percent(rate), names, self.where_to_map()))
        if not self.backend.create_taxes:
            return (u"no OpenERP tax is mapped for the Satchmo tax class %s at %s%%, and the "
                    u"company has no sale tax of that rate: map it on %s (or switch on "
                    u"\"Create missing taxes\")" % (tax_class, percent(rate),
                                                   self.where_to_map()))
        if self.template() is None:
            return (u"the Satchmo tax class %s at %s%% needs a new tax and no template tax is "
                    u"chosen: choose one on %s" % (tax_class, percent(rate), self.where_to_map()))
        return None

    def taxes_for(self, tax_class, rate):
        """[account.tax id] for a tax class at a rate ([] for an untaxed 0 rate)."""
        tax_id = self.mapped(tax_class, rate)
        if tax_id:
            return [tax_id]
        if not rate:
            return []
        reason = self.problem(tax_class, rate)
        if reason:
            raise MappingError(reason)
        found = self.company_sale_taxes(rate)
        tax_id = found[0] if found else self.create(tax_class, rate)
        self.maps.create(self.cr, self.uid, {'backend_id': self.backend.id,
                                             'tax_class': tax_class, 'rate': to_float(rate),
                                             'tax_id': tax_id})
        return [tax_id]


def default_sale_tax_id(cr, uid, pool, company_id):
    """The company's default sale tax (Settings > Configuration > Accounting), or False."""
    value = pool.get('ir.values').get_default(cr, uid, 'product.product', 'taxes_id',
                                              company_id=company_id)
    if isinstance(value, (list, tuple)):
        value = value and value[0] or False
    return value or False
