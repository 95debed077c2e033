# -*- coding: utf-8 -*-
"""OpenERP 7 runs only the test modules listed here (no discovery)."""

fast_suite = []
checks = []
