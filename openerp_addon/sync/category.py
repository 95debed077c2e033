# -*- coding: utf-8 -*-
"""Categories: product.category, parents first.

The parent is a reference like any other: if the parent was never imported
(or arrives in the same batch after its child), ``ref`` imports it on demand,
so the order of the shop's change feed does not matter.
"""
from .importer import Importer
from .mapper import ref, text
from .resources import register

FIELD_MAP = [
    ('name', text('name', 64)),
    ('parent_id', ref('categories', 'parent_id')),
    ('sequence', 'ordering'),
]


@register
class CategoryImporter(Importer):
    resource = 'categories'
    model = 'product.category'
    order = 20

    def deactivate(self, model_name, res_id):
        """product.category has no active flag in 7.0 and products point to it: keep it."""
