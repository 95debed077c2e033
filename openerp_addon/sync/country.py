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
        """Create the admin areas OpenERP lacks, matched by code, then by name.

        The country's states are read once (Satchmo knows about 3,800 admin
        areas: two searches per area made a first sync's countries cost more
        than its catalogue); the matching is find_state's (case-insensitive).
        """
        states = self.pool.get('res.country.state')
        ids = states.search(self.cr, self.uid, [('country_id', '=', country_id)],
                            context=self.env.context)
        known = set()
        for state in states.read(self.cr, self.uid, ids, ['code', 'name'],
                                 context=self.env.context):
            known.add((state['code'] or u'').strip().lower())
            known.add((state['name'] or u'').strip().lower())
        known.discard(u'')
        for area in areas:
            if not area.get('active', True):
                continue
            name = (area.get('name') or '').strip()
            code = (area.get('abbrev') or '').strip()
            if not name:
                continue
            if code.lower() in known or name.lower() in known:
                continue
            states.create(self.cr, self.uid, {
                'country_id': country_id, 'name': name,
                'code': (code or name)[:3].upper()}, context=self.env.create_context)
            known.update([name.lower(), (code or name)[:3].lower()])

    def deactivate(self, model_name, res_id):
        """res.country has no active flag, and other records use it: keep it."""
