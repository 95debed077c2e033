# -*- coding: utf-8 -*-
"""Declarative field maps: shop payload -> OpenERP values.

Each resource module declares ``FIELD_MAP``, a list of ``(openerp_field,
source)`` pairs, in one place. A source is either a payload key, or one of the
small rule objects below (money, decimal, text, ref, refs, ...), or any
callable ``(payload, env) -> value``. Keeping the map data (not code) is what
lets a custom module change it: the lists are handed out by the abstract
model ``satchmo.field.map`` (models/field_map.py), whose ``_map_<resource>``
methods another addon overrides through ``_inherit`` to add, drop or replace
pairs, without touching this module.
"""
from decimal import Decimal, InvalidOperation


class MappingError(Exception):
    """The payload cannot become an OpenERP record; the message says why, for people."""


class Rule(object):
    """A source that computes its value from the payload (and the env for references)."""

    def __call__(self, payload, env):
        raise NotImplementedError


class money(Rule):
    """A decimal string -> float, at the last moment: arithmetic stays Decimal until here."""

    def __init__(self, key, default=None):
        self.key, self.default = key, default

    def __call__(self, payload, env):
        value = to_decimal(payload.get(self.key), self.key)
        if value is None:
            return self.default
        return float(value)


decimal = money  # weights and quantities follow the same wire rule (decimal strings)


class text(Rule):
    """A string, stripped; '' and None become False (OpenERP's empty)."""

    def __init__(self, key, size=None):
        self.key, self.size = key, size

    def __call__(self, payload, env):
        value = (payload.get(self.key) or u'').strip()
        if self.size:
            value = value[:self.size]
        return value or False


class ref(Rule):
    """A shop id of another resource -> the OpenERP id bound to it (imported on demand)."""

    def __init__(self, resource, key, required=False):
        self.resource, self.key, self.required = resource, key, required

    def __call__(self, payload, env):
        shop_id = payload.get(self.key)
        if shop_id in (None, ''):
            if self.required:
                raise MappingError("%s is empty" % self.key)
            return False
        return env.resolve(self.resource, shop_id)


class refs(Rule):
    """A list of shop ids -> a many2many 'replace all' command."""

    def __init__(self, resource, key):
        self.resource, self.key = resource, key

    def __call__(self, payload, env):
        ids = [env.resolve(self.resource, shop_id) for shop_id in payload.get(self.key) or []]
        return [(6, 0, sorted(set(i for i in ids if i)))]


def to_decimal(value, name='value'):
    if value in (None, ''):
        return None
    if isinstance(value, float):
        raise MappingError("%s is a float (%r): the API sends decimal strings" % (name, value))
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise MappingError("%s is not a decimal: %r" % (name, value))


def apply_map(field_map, payload, env):
    """The OpenERP values a field map gives for one payload."""
    values = {}
    for field, source in field_map:
        if callable(source):
            values[field] = source(payload, env)
        else:
            values[field] = payload.get(source)
    return values
