"""``syncdb`` installs (or upgrades) the change-capture triggers.

Django 1.3 imports every app's ``management`` package before ``syncdb``
runs and sends ``post_syncdb`` once all tables exist, so a fresh shop
database, and every test database, has its triggers without a second
step. ``satchmo_api_capture install`` does the same on demand.
"""
from django.db.models.signals import post_syncdb

from satchmo_api import models as api_models


def install_capture(sender, **kwargs):
    from satchmo_api.capture import triggers
    if triggers.unsupported():
        return  # the API refuses to serve there and says why
    triggers.install()


post_syncdb.connect(install_capture, sender=api_models,
                    dispatch_uid="satchmo_api.install_capture")
