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
    "depends": ["mail", "sale", "account_voucher", "product_m2mcategories"],
    "data": [
        "security/satchmo_security.xml",
        "security/ir.model.access.csv",
        "views/menu.xml",
        "views/satchmo_backend_view.xml",
        "views/satchmo_sync_run_view.xml",
        "views/satchmo_binding_view.xml",
        "views/satchmo_binding_actions.xml",
        "views/satchmo_config_settings_view.xml",
        "data/ir_cron.xml",
        "data/sales_data.xml",
        "views/backend_sales.xml",
        "views/checklist.xml",
        "views/record_links.xml",
        "data/shop_choices.xml",
        "views/shop_choices.xml",
        "views/customer_matching.xml",
        "views/preview.xml",
        "views/reconciliation.xml",
        "data/reconciliation_cron.xml",
        "views/backend_partitions.xml",
    ],
    "js": ["static/src/js/live_progress.js"],
    "installable": True,
    "application": True,
}
