# -*- coding: utf-8 -*-
"""Part 2 settings of a shop backend: how orders become sales, invoices and payments.

Kept apart from backend.py (the connection and the schedule) because these
are accounting choices an accountant reviews: which pricelist (its currency
is the shop's currency), which journals, which OpenERP tax stands for which
Satchmo tax class and rate, and how far the connector may go on its own
(the four automation switches). Every field has a default for the company of
the backend, so a shop configured with only its URL and token imports orders
at once; the defaults are ordinary values people can change.
"""
from openerp.osv import fields, orm
from openerp.tools.translate import _

# Satchmo's order statuses (satchmo_store.shop.models.ORDER_STATUS).
SHOP_STATUSES = ('Temp', 'New', 'Blocked', 'In Process', 'Billed', 'Shipped', 'Complete',
                 'Cancelled')
DEFAULT_STATUSES = u', '.join(s for s in SHOP_STATUSES if s != 'Temp')


def _first(model, cr, uid, domain, context=None):
    ids = model.search(cr, uid, domain, limit=1, context=context)
    return ids and ids[0] or False


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    def _company(self, cr, uid, context=None):
        return self.pool.get('res.company')._company_default_get(
            cr, uid, 'satchmo.backend', context=context)

    def _default_pricelist(self, cr, uid, context=None):
        company_id = self._company(cr, uid, context)
        return _first(self.pool.get('product.pricelist'), cr, uid, [
            ('type', '=', 'sale'), '|', ('company_id', '=', company_id),
            ('company_id', '=', False)], context)

    def _default_sale_shop(self, cr, uid, context=None):
        return _first(self.pool.get('sale.shop'), cr, uid, [
            ('company_id', 'in', [self._company(cr, uid, context), False])], context)

    def _default_journal(self, kinds):
        def default(self, cr, uid, context=None):
            return _first(self.pool.get('account.journal'), cr, uid, [
                ('type', 'in', kinds), ('company_id', '=', self._company(cr, uid, context))],
                context)
        return default

    def _default_product(self, xmlid):
        def default(self, cr, uid, context=None):
            try:
                return self.pool.get('ir.model.data').get_object_reference(
                    cr, uid, 'openerp_addon', xmlid)[1]
            except ValueError:
                return False
        return default

    _columns = {
        'pricelist_id': fields.many2one(
            'product.pricelist', 'Pricelist', domain=[('type', '=', 'sale')],
            help="Its currency is the currency of the shop's orders."),
        'sale_shop_id': fields.many2one('sale.shop', 'Sale shop / warehouse'),
        'sale_journal_id': fields.many2one(
            'account.journal', 'Sales journal', domain=[('type', '=', 'sale')],
            help="The journal of the invoices of shop orders."),
        'payment_journal_id': fields.many2one(
            'account.journal', 'Default payment journal',
            domain=[('type', 'in', ('bank', 'cash'))],
            help="For payments of a payment module no mapping line names."),
        'payment_journal_ids': fields.one2many(
            'satchmo.payment.journal', 'backend_id', 'Payment journals',
            help="Which journal receives the payments of each Satchmo payment module."),
        'tax_map_ids': fields.one2many(
            'satchmo.tax.map', 'backend_id', 'Tax mapping',
            help="Which OpenERP tax stands for a Satchmo tax class (at a rate)."),
        'create_taxes': fields.boolean(
            'Create missing taxes',
            help="Off (the default): an order whose Satchmo tax class and rate no mapping "
                 "line covers uses the company's sale tax of that rate when there is exactly "
                 "one (not included in the price; a mapping line is added for review), and "
                 "otherwise fails, naming the class and the rate. On: when the company has "
                 "no sale tax of that rate, a tax is created that copies its accounts, tax "
                 "codes and base codes from the template tax below; never from an account "
                 "guessed by its name."),
        'tax_template_id': fields.many2one(
            'account.tax', 'Template of created taxes',
            domain=[('type_tax_use', '=', 'sale'), ('price_include', '=', False)],
            help="Taxes the connector creates copy their invoice and refund tax accounts, "
                 "tax codes and base codes from this tax. Empty: the company's default sale "
                 "tax (Settings > Configuration > Accounting)."),
        'shipping_product_id': fields.many2one(
            'product.product', 'Shipping product',
            help="The product of the shipping line (cost minus shipping discount)."),
        'discount_product_id': fields.many2one(
            'product.product', 'Discount product',
            help="The product of discount lines (item discounts that are not a whole "
                 "percentage, and any order discount left)."),
        'order_prefix': fields.char(
            'Order name prefix', size=16,
            help="OpenERP order name = prefix + the shop's order number."),
        'import_statuses': fields.char(
            'Statuses to import', size=256,
            help="Comma-separated shop statuses; orders in other statuses are skipped. "
                 "Satchmo's statuses: %s." % ', '.join(SHOP_STATUSES)),
        'confirm_orders': fields.boolean('Confirm orders'),
        'create_invoices': fields.boolean(
            'Create invoices', help="Needs confirmed orders."),
        'validate_invoices': fields.boolean(
            'Validate invoices', help="Needs created invoices."),
        'register_payments': fields.boolean(
            'Register payments',
            help="One payment per completed shop payment, reconciled with the order's "
                 "invoice. Needs validated invoices."),
    }

    _defaults = {
        'pricelist_id': _default_pricelist,
        'sale_shop_id': _default_sale_shop,
        'sale_journal_id': _default_journal(None, ['sale']),
        'payment_journal_id': _default_journal(None, ['bank', 'cash']),
        'create_taxes': False,
        'shipping_product_id': _default_product(None, 'product_satchmo_shipping'),
        'discount_product_id': _default_product(None, 'product_satchmo_discount'),
        # SHOP- for a company's first shop, SHOP2- for its second (order names are unique)
        'order_prefix': lambda self, cr, uid, context: self.free_order_prefix(
            cr, uid, self._company(cr, uid, context), context=context),
        'import_statuses': DEFAULT_STATUSES,
        'confirm_orders': True,
        'create_invoices': True,
        'validate_invoices': True,
        'register_payments': True,
    }

    def _check_order_prefix(self, cr, uid, ids, context=None):
        """Two shops of one company with one prefix would give their orders the same names.

        OpenERP's sale orders are unique by (name, company): the second shop's
        order 22 would fail on the first's SHOP-22 at import, order by order.
        Refused here, on the form, once.
        """
        everywhere = dict(context or {}, active_test=False)
        for backend in self.browse(cr, uid, ids, context=context):
            if self.search(cr, uid, [('id', '!=', backend.id),
                                     ('company_id', '=', backend.company_id.id),
                                     ('order_prefix', '=', backend.order_prefix or False)],
                           count=True, context=everywhere):
                return False
        return True

    _constraints = [
        (_check_order_prefix, "Another shop of this company already has this order name "
                              "prefix: the orders of both shops would take the same names. "
                              "Give each shop its own prefix.", ['order_prefix', 'company_id']),
    ]

    def free_order_prefix(self, cr, uid, company_id, stem=u'SHOP', context=None):
        """The first of SHOP-, SHOP2-, SHOP3-... no shop of the company has (archived included)."""
        everywhere = dict(context or {}, active_test=False)
        ids = self.search(cr, uid, [('company_id', '=', company_id)], context=everywhere)
        taken = set(row['order_prefix'] for row in self.read(
            cr, uid, ids, ['order_prefix'], context=everywhere))
        for number in range(1, 1000):
            prefix = u'%s%s-' % (stem, number > 1 and number or u'')
            if prefix not in taken:
                return prefix
        return False

    def create(self, cr, uid, values, context=None):
        """A shop created without a prefix gets one free in its own company."""
        if 'order_prefix' not in values:
            values = dict(values, order_prefix=self.free_order_prefix(
                cr, uid, values.get('company_id') or self._company(cr, uid, context),
                context=context))
        return super(satchmo_backend, self).create(cr, uid, values, context=context)

    def copy(self, cr, uid, id, default=None, context=None):
        """A copied shop gets a free order prefix of its own (SHOP- -> SHOP2-)."""
        default = dict(default or {})
        if 'order_prefix' not in default:
            backend = self.browse(cr, uid, id, context=context)
            stem = (backend.order_prefix or u'SHOP').rstrip(u'-').rstrip(u'0123456789')
            default['order_prefix'] = self.free_order_prefix(
                cr, uid, default.get('company_id') or backend.company_id.id, stem or u'SHOP',
                context=context)
        return super(satchmo_backend, self).copy(cr, uid, id, default=default, context=context)

    def statuses_to_import(self, cr, uid, backend, context=None):
        """The set of shop statuses whose orders are imported (lower case)."""
        text = backend.import_statuses or u''
        return set(part.strip().lower() for part in text.split(',') if part.strip())

    def order_import_problem(self, cr, uid, backend, context=None):
        """Why the shop's orders cannot be imported to the cent in its company, or None.

        Satchmo computes tax on unrounded line amounts and rounds once per
        order: OpenERP's "Round globally". With "Round per line" some orders
        would differ by a cent; the connector tells the user which setting to
        change rather than change a company's accounting policy itself.
        """
        company = backend.company_id
        if company and company.tax_calculation_rounding_method != 'round_globally':
            return _(u"the company %s rounds tax per line; Satchmo rounds tax once per "
                     u"order: set the company's tax rounding method to \"Round globally\" "
                     u"(Settings > Configuration > Accounting), then retry") % company.name
        return None

    def payment_journal_for(self, cr, uid, backend, module_key, context=None):
        """The journal of a Satchmo payment module, or the default payment journal."""
        for line in backend.payment_journal_ids:
            if (line.module_key or '').strip().upper() == (module_key or '').strip().upper():
                return line.journal_id
        return backend.payment_journal_id or None


class satchmo_payment_journal(orm.Model):
    """Satchmo payment module key (e.g. PAYMENT_DUMMY) -> payment journal."""
    _name = 'satchmo.payment.journal'
    _description = 'Satchmo payment module to journal'
    _rec_name = 'module_key'

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop', required=True,
                                      ondelete='cascade', select=True),
        'module_key': fields.char('Payment module key', size=64, required=True,
                                  help="As the shop API names it, e.g. PAYMENT_DUMMY"),
        'journal_id': fields.many2one('account.journal', 'Journal', required=True,
                                      domain=[('type', 'in', ('bank', 'cash'))]),
    }

    _sql_constraints = [
        ('module_unique', 'unique (backend_id, module_key)',
         'A payment module has one journal per shop.'),
    ]


class satchmo_tax_map(orm.Model):
    """Satchmo tax class (and rate, where the shop's tax module uses rates) -> OpenERP tax.

    The shop's unit prices are untaxed, so the OpenERP tax must not be "tax
    included in price": that would take the tax out of an untaxed price.
    """
    _name = 'satchmo.tax.map'
    _description = 'Satchmo tax class to OpenERP tax'
    _order = 'backend_id, tax_class, rate'
    _rec_name = 'tax_class'

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop', required=True,
                                      ondelete='cascade', select=True),
        'tax_class': fields.char('Satchmo tax class', size=64, required=True,
                                 help="The title of the tax class, e.g. Default, Shipping"),
        'rate': fields.float(
            'Rate', digits=(12, 6),
            help="As a fraction (0.21 for 21%). Empty: the OpenERP tax's own rate."),
        'tax_id': fields.many2one('account.tax', 'OpenERP tax', required=True,
                                  domain=[('type_tax_use', 'in', ('sale', 'all')),
                                          ('price_include', '=', False)]),
    }

    def _check_untaxed(self, cr, uid, ids, context=None):
        return not any(line.tax_id.price_include
                       for line in self.browse(cr, uid, ids, context=context))

    _constraints = [
        (_check_untaxed, "Satchmo prices are untaxed: map to a tax that is not included "
                         "in the price.", ['tax_id']),
    ]

    def name_get(self, cr, uid, ids, context=None):
        return [(line.id, _('%s at %s') % (line.tax_class, line.rate))
                for line in self.browse(cr, uid, ids, context=context)]
