# -*- coding: utf-8 -*-
"""Countries and their states: matched to OpenERP's own, never duplicated.

OpenERP ships every country (res.country, unique ISO code) and many states.
A shop country is matched by its ISO alpha-2 code and a state (an "admin
area") by country + code, then by name; only what OpenERP lacks is created.
OpenERP's own names are left alone: they may be translated.
"""
from .importer import Importer
from .mapper import MappingError, text
from .resources import register

FIELD_MAP = [
    ('name', text('printable_name', 64)),
    ('code', text('iso2_code', 2)),
]


def find_state(cr, uid, pool, country_id, name_or_code, context=None):
    """A res.country.state of a country, by code first, then by name (case-insensitive)."""
    if not country_id or not name_or_code:
        return None
    states = pool.get('res.country.state')
    value = name_or_code.strip()
    for field in ('code', 'name'):
        ids = states.search(cr, uid, [('country_id', '=', country_id), (field, '=ilike', value)],
                            limit=1, context=context)
        if ids:
            return ids[0]
    return None


def find_country(cr, uid, pool, code, context=None):
    if not code:
        return None
    ids = pool.get('res.country').search(cr, uid, [('code', '=ilike', code.strip())], limit=1,
                                         context=context)
    return ids and ids[0] or None


@register
class CountryImporter(Importer):
    resource = 'countries'
    model = 'res.country'
    order = 10

    def find_existing(self, payload, values):
        return find_country(self.cr, self.uid, self.pool, payload.get('iso2_code'),
                            self.env.context)

    def apply(self, payload, values, res_id):
        if not payload.get('iso2_code'):
            raise MappingError("the country has no ISO code")
        existing = res_id or self.find_existing(payload, values)
        if existing:
            created = False
            country_id = existing
        else:
            country_id = self.pool.get('res.country').create(
                self.cr, self.uid, values, context=self.env.create_context)
            created = True
        self._states(country_id, payload.get('admin_areas') or [])
        return self.model, country_id, created

    def _states(self, country_id, areas):
        states = self.pool.get('res.country.state')
        for area in areas:
            if not area.get('active', True):
                continue
            name = (area.get('name') or '').strip()
            code = (area.get('abbrev') or '').strip()
            if not name:
                continue
            if (find_state(self.cr, self.uid, self.pool, country_id, code, self.env.context)
                    or find_state(self.cr, self.uid, self.pool, country_id, name,
                                  self.env.context)):
                continue
            states.create(self.cr, self.uid, {
                'country_id': country_id, 'name': name,
                'code': (code or name)[:3].upper()}, context=self.env.create_context)

    def deactivate(self, model_name, res_id):
        """res.country has no active flag, and other records use it: keep it."""
