# -*- coding: utf-8 -*-
{
    "name": "Satchmo demo theme",
    "version": "7.0.1.0.0",
    "category": "Hidden",
    "summary": "A small stylesheet for the demo's and the tests' web client",
    "description": """
The OpenERP 7 web client installed from PyPI ships without its stylesheets,
so it renders as raw HTML. This stylesheet, the project's own, lays out the
login, the menus and the list, form, search and graph views the way an
OpenERP 7 user knows them. It is loaded as a server-wide module by the
harness for ``make demo`` and the end-to-end tests only; it is not part of
the connector a shop owner installs and has no models or data.
""",
    "author": "satchmo-openerp-sync",
    "license": "AGPL-3",
    "depends": ["web"],
    "css": ["static/src/css/demo_theme.css"],
    "installable": True,
}
