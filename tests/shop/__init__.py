"""The demo Satchmo store project (Python 2.7, Django 1.3)."""
