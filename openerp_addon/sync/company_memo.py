# -*- coding: utf-8 -*-
"""The scope of the default-company memo (models/company_default_memo.py): one order.

Opened on the cursor while an order is imported and taken through its steps,
closed (and forgotten) when the order is done, whatever happens: the next
order, or anything else run on the same cursor, asks OpenERP again.
"""
from contextlib import contextmanager

from ..models.company_default_memo import MEMO_ATTRIBUTE


@contextmanager
def company_defaults_memo(cr):
    if getattr(cr, MEMO_ATTRIBUTE, None) is not None:  # already inside an order's memo
        yield
        return
    setattr(cr, MEMO_ATTRIBUTE, {})
    try:
        yield
    finally:
        setattr(cr, MEMO_ATTRIBUTE, None)
