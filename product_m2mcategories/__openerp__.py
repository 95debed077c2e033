# -*- coding: utf-8 -*-
{
    "name": "Product multi-categories",
    "version": "7.0.1.0.0",
    "category": "Sales Management",
    "summary": "Several categories per product (categ_ids), next to the main one",
    "description": """
Gives products a many2many ``categ_ids`` to product.category (relation table
``product_categ_rel``, the layout of the community module of the same name),
keeping ``categ_id`` as the main category.
""",
    "author": "satchmo-openerp-sync",
    "license": "AGPL-3",
    "depends": ["product"],
    "data": [
        "views/product_view.xml",
    ],
    "installable": True,
}
