#!/usr/bin/env python
"""Django's manage.py for the demo Satchmo store (Python 2.7, Django 1.3)."""
import os
import sys

PROJECT_DIR = os.path.dirname(os.path.abspath(__file__))
if PROJECT_DIR not in sys.path:
    sys.path.insert(0, PROJECT_DIR)

from django.core.management import execute_manager  # noqa: E402

import settings  # noqa: E402

if __name__ == "__main__":
    execute_manager(settings)
