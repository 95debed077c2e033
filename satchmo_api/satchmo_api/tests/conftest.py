"""Let Django's TransactionTestCase reach the database under pytest-django 2.9.

pytest-django 2.9 recognises Django test classes by SimpleTestCase, which
Django 1.3 lacks, so it falls back to TestCase and blocks database access
for TransactionTestCase. Set up the test database and unblock the cursor
for those classes; Django's own _pre_setup then flushes as usual.
"""
import pytest
from django.test import TestCase, TransactionTestCase


@pytest.fixture(autouse=True)
def _transaction_test_case_db(request):
    cls = getattr(request, "cls", None)
    if cls is None or not issubclass(cls, TransactionTestCase) or issubclass(cls, TestCase):
        yield
        return
    request.getfixturevalue("_django_db_setup")
    wrapper = request.getfixturevalue("_django_cursor_wrapper")
    wrapper.enable()
    try:
        yield
    finally:
        wrapper.restore()
