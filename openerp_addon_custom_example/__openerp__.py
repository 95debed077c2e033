# -*- coding: utf-8 -*-
{
    "name": "Satchmo Connector: custom mapping example",
    "version": "7.0.1.0.0",
    "category": "Hidden",
    "summary": "Example: import the shop's product slug, without touching the connector",
    "description": """
How to customize the Satchmo connector's field maps
===================================================

The connector declares one field map per shop resource and hands it out
through the abstract model ``satchmo.field.map`` (one ``_map_<resource>``
method each). This addon inherits that model and adds one pair to the
products map: the shop's ``slug`` goes into a new field ``satchmo_slug`` of
product.product. Copy it, rename it, and change the pairs you need.

Installed by the connector's test suite only; not part of the demo.
""",
    "author": "satchmo-openerp-sync",
    "license": "AGPL-3",
    "depends": ["openerp_addon"],
    "data": [],
    "installable": True,
}
