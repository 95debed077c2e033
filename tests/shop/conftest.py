# -*- coding: utf-8 -*-
"""pytest set-up for the shop side (Python 2.7, Django 1.3, pytest-django 2.9).

Django 1.3 switches its connection to autocommit for CREATE/DROP DATABASE
while a transaction is already open (its cursor() ran SET TIME ZONE);
psycopg2 >= 2.7 refuses that ("set_session cannot be used inside a
transaction"). Roll back first, as Django 1.4 does.
"""
import os
import sys

PROJECT_DIR = os.path.dirname(os.path.abspath(__file__))
if PROJECT_DIR not in sys.path:
    sys.path.insert(0, PROJECT_DIR)

from django.db.backends import creation  # noqa: E402

_set_autocommit = creation.BaseDatabaseCreation.set_autocommit


def _rollback_then_autocommit(self):
    if self.connection.connection is not None:
        self.connection.connection.rollback()
    _set_autocommit(self)


creation.BaseDatabaseCreation.set_autocommit = _rollback_then_autocommit
