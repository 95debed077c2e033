# -*- coding: utf-8 -*-
"""Products: simple -> product.product, configurable -> product.template, variation -> variant.

A Satchmo configurable product is the template its variations share, so it
becomes a product.template, and each variation a product.product of that
template (``ref`` imports the configurable product first if needed). One field
map serves the three kinds: each kind keeps the fields its OpenERP model owns,
so writing a variant never rewrites the name or price its siblings share.
A product deleted or deactivated in the shop is deactivated here.
"""
from decimal import Decimal

from .importer import Importer
from .mapper import MappingError, Rule, money, ref, refs, text, to_decimal
from .resources import register

POUND_KG = Decimal('0.45359237')


class weight_kg(Rule):
    """Satchmo weights carry their unit; OpenERP's weight fields are in kg."""

    def __call__(self, payload, env):
        value = to_decimal(payload.get('weight'), 'weight')
        if value is None:
            return 0.0
        if (payload.get('weight_units') or '').strip().lower() in ('lb', 'lbs', 'pound'):
            value = value * POUND_KG
        return float(value)


class main_category(Rule):
    """The main category, else the first category, else OpenERP's default (left out)."""

    def __call__(self, payload, env):
        shop_id = payload.get('main_category_id') or (payload.get('category_ids') or [None])[0]
        return env.resolve('categories', shop_id) if shop_id else False


class variant_name(Rule):
    """The option values that define a variation, e.g. "Large, Blue"."""

    def __call__(self, payload, env):
        values = [option.get('name') or option.get('value') or ''
                  for option in payload.get('options') or []]
        return u', '.join(v for v in values if v)[:64] or False


FIELD_MAP = [
    ('name', text('name', 128)),
    ('default_code', text('sku', 64)),
    ('list_price', money('unit_price', 0.0)),
    ('weight', weight_kg()),
    ('active', 'active'),
    ('sale_ok', lambda payload, env: True),
    ('description', text('description')),
    ('description_sale', text('short_description')),
    ('categ_id', main_category()),
    ('categ_ids', refs('categories', 'category_ids')),
    ('variants', variant_name()),
]


@register
class ProductImporter(Importer):
    resource = 'products'
    model = 'product.product'
    order = 30

    def model_for(self, payload):
        return 'product.template' if payload.get('kind') == 'configurable' else self.model

    def map(self, payload):
        values = super(ProductImporter, self).map(payload)
        if not values.get('categ_id'):
            values.pop('categ_id', None)  # keep the current one, or OpenERP's default
        kind = payload.get('kind') or 'simple'
        if kind == 'configurable':
            return self._own(values, 'product.template')
        if kind == 'variation':
            return self._variation(payload, values)
        return values

    def _own(self, values, model_name, extra=()):
        """Only the fields a model stores itself (not those it inherits)."""
        columns = self.pool.get(model_name)._columns
        return dict((k, v) for k, v in values.items() if k in columns or k in extra)

    def _variation(self, payload, values):
        if not payload.get('parent_id'):
            raise MappingError("variation without its configurable product (parent_id)")
        template_id = ref('products', 'parent_id', required=True)(payload, self.env)
        own = self._own(values, 'product.product')
        own['product_tmpl_id'] = template_id
        template = self.pool.get('product.template').browse(
            self.cr, self.uid, template_id, context=self.env.context)
        price = to_decimal(payload.get('unit_price'), 'unit_price')
        if price is not None:
            base = Decimal(repr(template.list_price or 0.0))
            own['price_extra'] = float(price - base)
        return own

    def apply(self, payload, values, res_id):
        model_name, res_id, created = super(ProductImporter, self).apply(payload, values, res_id)
        if model_name == 'product.template' and payload.get('active') is False:
            self._variants_inactive(res_id)
        return model_name, res_id, created

    def deactivate(self, model_name, res_id):
        if model_name == 'product.template':
            self._variants_inactive(res_id)
        else:
            super(ProductImporter, self).deactivate(model_name, res_id)

    def _variants_inactive(self, template_id):
        products = self.pool.get('product.product')
        ids = products.search(self.cr, self.uid, [('product_tmpl_id', '=', template_id)],
                              context=self.env.context)
        if ids:
            products.write(self.cr, self.uid, ids, {'active': False}, context=self.env.context)
