# -*- coding: utf-8 -*-
"""OpenERP 7 runs only the test modules listed here (no discovery)."""
from . import test_categ_ids

fast_suite = [
    test_categ_ids,
]
checks = []
