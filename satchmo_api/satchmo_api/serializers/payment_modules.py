"""The payment modules the shop has, keyed as docs/api.rst says.

A module is an installed ``payment.modules.*`` app; its key on the wire is
its livesettings group (``PAYMENT_DUMMY``). Satchmo stores a payment's
module as the group's ``KEY`` setting (``DUMMY``), so payments are mapped
back to the group, so that the ERP can match them against this list.
"""
from django.utils.encoding import force_unicode
from livesettings import config_value
from payment import active_gateways


def installed_modules():
    """[(group, label, stored key)] for every installed payment module."""
    modules = []
    for module, group in active_gateways():
        label = config_value(group, "LABEL", default=module.split(".")[-1])
        stored = config_value(group, "KEY", default=group)
        modules.append((group, force_unicode(label), stored))
    return modules


def module_keys():
    """{stored key: wire key}, e.g. ``{"DUMMY": "PAYMENT_DUMMY"}``; read once a page."""
    return dict((stored, group) for group, _, stored in installed_modules())


def payment_modules():
    return [{"id": group, "key": group, "label": label, "active": True}
            for group, label, _ in installed_modules()]
