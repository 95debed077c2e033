# -*- coding: utf-8 -*-
"""Field maps over recorded payloads: what each resource becomes in OpenERP."""
from openerp.addons.openerp_addon.sync import mapper
from openerp.addons.openerp_addon.sync.importer import digest_of

from .common import ConnectorCase
from .fake_shop import recorded


def by_id(resource, shop_id):
    return [p for p in recorded(resource) if p['id'] == shop_id][0]


class TestMappers(ConnectorCase):

    def test_money_is_decimal_until_written_and_floats_are_refused(self):
        self.assertEqual(mapper.money('p')({'p': '0.100000'}, None), 0.1)
        self.assertEqual(mapper.money('p', 0.0)({'p': None}, None), 0.0)
        with self.assertRaises(mapper.MappingError):
            mapper.money('p')({'p': 0.1}, None)
        with self.assertRaises(mapper.MappingError):
            mapper.money('p')({'p': 'ten'}, None)

    def test_digest_ignores_key_order(self):
        self.assertEqual(digest_of({'a': 1, 'b': [1, 2]}), digest_of({'b': [1, 2], 'a': 1}))
        self.assertNotEqual(digest_of({'a': 1}), digest_of({'a': 2}))

    def test_simple_product_fields(self):
        env = self.env()
        values = env.importer('products').map(by_id('products', 10))
        self.assertEqual(values['name'], 'Python Rocks shirt')
        self.assertEqual(values['default_code'], 'PY-ROCKS')
        self.assertEqual(values['list_price'], 19.5)
        self.assertEqual(values['weight'], 0.5)
        self.assertTrue(values['active'])
        # the categories were never imported: mapping imports them on demand, parents first
        shirts = self.record('categories', 2)
        self.assertEqual(values['categ_id'], shirts.id)
        self.assertEqual(shirts.parent_id.id, self.record('categories', 1).id)
        self.assertEqual(values['categ_ids'],
                         [(6, 0, sorted([shirts.id, self.record('categories', 3).id]))])

    def test_configurable_keeps_template_fields_and_variation_its_own(self):
        env = self.env()
        template_values = env.importer('products').map(by_id('products', 20))
        self.assertNotIn('default_code', template_values)
        self.assertAlmostEqual(template_values['weight'], 0.90718474)  # 2 lb in kg
        variation = env.importer('products').map(by_id('products', 21))
        self.assertNotIn('name', variation)  # the template's name is shared, never rewritten
        self.assertNotIn('list_price', variation)
        self.assertEqual(variation['default_code'], 'DJ-L')
        self.assertEqual(variation['variants'], 'Large')
        self.assertEqual(variation['price_extra'], 2.5)
        self.assertEqual(variation['product_tmpl_id'],
                         self.binding('products', 20).res_id)

    def test_contact_fields(self):
        env = self.env()
        values = env.importer('contacts').map(by_id('contacts', 7))
        self.assertEqual(values['name'], u'Ann Lema\xeetre')
        self.assertEqual(values['phone'], '+32 3 123')
        self.assertEqual(values['mobile'], '+32 475 1')
        self.assertFalse(values['is_company'])
        self.assertEqual(values['parent_id'], self.record('organizations', 5).id)
        self.assertTrue(self.record('organizations', 5).is_company)

    def test_field_map_comes_from_the_overridable_model(self):
        rules = self.registry('satchmo.field.map').get(self.cr, self.uid, 'products')
        self.assertIn('default_code', [field for field, _ in rules])
        with self.assertRaises(KeyError):
            self.registry('satchmo.field.map').get(self.cr, self.uid, 'nothing')
