# -*- coding: utf-8 -*-
"""Which shop resources the pipeline imports, in which order, with which importer.

Dependencies go first (countries before contacts, categories before
products...), so that on-demand fetching of a missing dependency is the
exception, not the rule. Part 2 (orders, payments) plugs in by registering
its importers with a higher ``order``; nothing else in the pipeline changes.
"""

_IMPORTERS = {}


def register(cls):
    """Class decorator: make an importer class the one for its ``resource``."""
    _IMPORTERS[cls.resource] = cls
    return cls


def importer_class(resource):
    try:
        return _IMPORTERS[resource]
    except KeyError:
        raise KeyError("no importer for the shop resource %r" % resource)


def in_order(names=None):
    """Resource names in dependency order (only ``names`` if given; unknown ones dropped)."""
    known = sorted(_IMPORTERS.values(), key=lambda cls: (cls.order, cls.resource))
    return [cls.resource for cls in known if names is None or cls.resource in names]


def load():
    """Import the resource modules so that they register (done once, at import time)."""
    from . import country, category, product, partner  # noqa: registering side effects
    from . import order  # noqa: part 2, orders (and their payments)
