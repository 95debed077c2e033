"""The shop itself: its name and the currency its prices and orders are in.

The ERP books in one currency per company and refuses (or converts) a shop
whose currency differs, so the code must be Satchmo's own setting, not a
guess from a price's symbol: ``L10N_SETTINGS['default_currency']`` (Satchmo's
l10n app, USD unless the shop sets it), an ISO 4217 code. Satchmo's
catalogue prices never include tax (tax modules add it at checkout).
"""
from l10n.l10n_settings import get_l10n_setting
from satchmo_store.shop.models import Config


def shop():
    return {"name": Config.objects.get_current().store_name,
            "currency": get_l10n_setting("default_currency", default_value="USD"),
            "prices_include_tax": False}
