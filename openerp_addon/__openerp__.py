# -*- coding: utf-8 -*-
{
    "name": "Satchmo Connector",
    "version": "7.0.1.0.0",
    "category": "Connector",
    "summary": "Pulls a Satchmo shop's catalogue, customers, orders and payments",
    "description": """
Satchmo Connector
=================

A scheduled pull from a Satchmo shop's read-only API (satchmo_api) into
products, partners, sale orders, invoices and payments, with a mapping row per
shop object that shows what failed and why, and lets people retry it.
""",
    "author": "satchmo-openerp-sync",
    "license": "AGPL-3",
    "depends": ["sale", "account_voucher", "product_m2mcategories"],
    "data": [
        "views/menu.xml",
    ],
    "installable": True,
    "application": True,
}
