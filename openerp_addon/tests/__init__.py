# -*- coding: utf-8 -*-
"""OpenERP 7 runs only the test modules listed here (no discovery)."""
from . import test_binder
from . import test_client
from . import test_mappers
from . import test_pipeline
from . import test_backend
from . import test_binding_ui
from . import test_binding_display
from . import test_sync_run_display
from . import test_record_links
from . import test_background
from . import test_shop_choices
from . import test_connection
from . import test_notify
from . import test_security
from . import test_settings
from . import test_sync_run
from . import test_order_mapping
from . import test_payments
from . import test_taxes
from . import test_history
from . import test_checklist
from . import test_isolation
from . import test_review
from . import test_order_status
from . import test_payment_failures
from . import test_discontinued
from . import test_invoice_taxes
from . import test_line_prices
from . import test_customer_matching
from . import test_deleted_items
from . import test_progress
from . import test_preview
from . import test_transactions
from . import test_currency
from . import test_reconcile
from . import test_partitions
from . import test_twin_order
from . import test_company_default_memo
from . import test_numbering

fast_suite = [
    test_binder,
    test_client,
    test_mappers,
    test_pipeline,
    test_backend,
    test_binding_ui,
    test_binding_display,
    test_sync_run_display,
    test_record_links,
    test_background,
    test_shop_choices,
    test_connection,
    test_notify,
    test_security,
    test_settings,
    test_sync_run,
    test_order_mapping,
    test_payments,
    test_taxes,
    test_history,
    test_checklist,
    test_isolation,
    test_review,
    test_order_status,
    test_payment_failures,
    test_discontinued,
    test_invoice_taxes,
    test_line_prices,
    test_customer_matching,
    test_deleted_items,
    test_progress,
    test_preview,
    test_transactions,
    test_currency,
    test_reconcile,
    test_partitions,
    test_twin_order,
    test_company_default_memo,
    test_numbering,
]
checks = []
