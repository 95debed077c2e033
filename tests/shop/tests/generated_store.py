# -*- coding: utf-8 -*-
"""A test class whose data is built once, in a transaction the class rolls back.

Generating is the slow part, so the generator's tests build their store once
per class (``build_store``, called from setUpClass) on top of Satchmo's
sample store, in a transaction that is rolled back in tearDownClass: nothing
is committed, the other shop tests see an empty database. The tests only
read. Django 1.3's TestCase wraps each test in its own transaction, which
would roll back the class's data after the first test; the per-test fixture
set-up is switched off instead.
"""
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.test.testcases import disable_transaction_methods, restore_transaction_methods


class GeneratedStoreTestCase(TestCase):

    @classmethod
    def build_store(cls):
        raise NotImplementedError

    @classmethod
    def setUpClass(cls):
        # pytest 4.6 and pytest-django 2.9 both call setUpClass (and tearDownClass)
        if getattr(cls, "ready", False):
            return
        cls.ready = True
        transaction.enter_transaction_management()
        transaction.managed(True)
        disable_transaction_methods()
        try:
            cache.clear()
            # satchmo_load_l10n's loaddata would commit and close the connection
            call_command("loaddata", "l10n_data.xml", commit=False, verbosity=0)
            call_command("satchmo_load_store")
            cls.build_store()
        except Exception:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        if not getattr(cls, "ready", False):
            return
        cls.ready = False
        restore_transaction_methods()
        transaction.rollback()
        transaction.leave_transaction_management()
        cache.clear()

    def _fixture_setup(self):
        pass            # the class's transaction holds the data (see the module docstring)

    def _post_teardown(self):
        pass            # Django 1.3 would also close the connection, ending the transaction
