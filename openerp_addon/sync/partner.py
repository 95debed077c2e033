# -*- coding: utf-8 -*-
"""Customers: organizations -> company partners, contacts -> person partners + addresses.

A contact sits under its organization's partner (parent_id) when it has one.
Each shop address becomes a child partner of the contact, typed by what the
shop uses it for (invoice, delivery, or both = default), bound through its
own mapping row (resource "addresses") so that edits reach the same partner.
Two identical addresses of one contact share one partner, and an address the
shop removed is archived.
"""
from . import customers
from .country import find_country, find_state
from .importer import Importer
from .mapper import MappingError, Rule, ref, text
from .resources import register

ORGANIZATION_MAP = [
    ('name', text('name', 128)),
    ('is_company', lambda payload, env: True),
    ('customer', lambda payload, env: True),
    ('comment', text('notes')),
]


class person_name(Rule):
    def __call__(self, payload, env):
        parts = [(payload.get(key) or u'').strip() for key in ('first_name', 'last_name')]
        return u' '.join(p for p in parts if p) or payload.get('email') or u'#%s' % payload['id']


class phone(Rule):
    """The primary phone of a kind (Satchmo types: Work, Home, Fax, Mobile)."""

    def __init__(self, *kinds):
        self.kinds = [kind.lower() for kind in kinds]

    def __call__(self, payload, env):
        phones = [p for p in payload.get('phones') or []
                  if (p.get('type') or '').lower() in self.kinds and p.get('phone')]
        phones.sort(key=lambda p: (not p.get('primary'), p.get('id')))
        return phones and phones[0]['phone'][:64] or False


CONTACT_MAP = [
    ('name', person_name()),
    ('is_company', lambda payload, env: False),
    ('customer', lambda payload, env: True),
    ('email', text('email', 240)),
    ('parent_id', ref('organizations', 'organization_id')),
    ('phone', phone('work', 'home', 'phone', '')),
    ('mobile', phone('mobile', 'cell')),
    ('fax', phone('fax')),
    ('comment', text('notes')),
]

ADDRESS_FIELDS = ('name', 'street', 'street2', 'city', 'zip', 'country_id', 'state_id')


def merge_types(first, second):
    """One partner for a billing and a shipping address that are identical: default."""
    kinds = set([first, second]) - set(['other'])
    return kinds.pop() if len(kinds) == 1 else 'default'


@register
class OrganizationImporter(Importer):
    resource = 'organizations'
    model = 'res.partner'
    order = 40


@register
class ContactImporter(Importer):
    resource = 'contacts'
    model = 'res.partner'
    order = 50

    def find_existing(self, payload, values):
        """The customer this contact is by the backend's matching rules (sync/customers.py)."""
        return customers.find_customer(self.env, payload)

    def apply(self, payload, values, res_id):
        model_name, res_id, created = super(ContactImporter, self).apply(payload, values, res_id)
        self._addresses(res_id, values.get('name'), payload.get('addresses') or [],
                        payload['id'])
        return model_name, res_id, created

    def deactivate(self, model_name, res_id):
        """A deleted contact archives its customer, unless other contacts are that customer too."""
        shared = self.pool.get('satchmo.binding').search(self.cr, self.uid, [
            ('backend_id', '=', self.env.backend.id), ('resource', '=', 'contacts'),
            ('partner_id', '=', res_id), ('digest', '!=', 'deleted')],
            context=self.env.context)
        if len(shared) <= 1:
            super(ContactImporter, self).deactivate(model_name, res_id)

    def _addresses(self, contact_id, contact_name, addresses, shop_id):
        partners = self.pool.get('res.partner')
        binder = self.env.binder
        kept = {}  # partner id -> (address content, type)
        for address in addresses:
            values = self._address_values(address, contact_name)
            values.update(parent_id=contact_id, use_parent_address=False, is_company=False,
                          customer=True, active=True)
            content = tuple(values[field] for field in ADDRESS_FIELDS)
            partner_id = binder.to_openerp('addresses', address['id'])
            if partner_id in kept and kept[partner_id][0] != content:
                partner_id = None  # was shared with a twin, now differs: its own partner
            if partner_id and partner_id not in kept and self._documents_use(partner_id) \
                    and self._content(partner_id) != content:
                # orders and invoices show this address as it was: the customer moved, so
                # the new address gets its own partner and the old documents keep theirs
                partner_id = None
            if not partner_id:
                twins = [i for i, (seen, _) in kept.items() if seen == content]
                partner_id = twins and twins[0] or self._identical(contact_id, values, kept)
            if partner_id in kept and kept[partner_id][1] != values['type']:
                values['type'] = merge_types(kept[partner_id][1], values['type'])
            if partner_id:
                partners.write(self.cr, self.uid, [partner_id], values, context=self.env.context)
            else:
                partner_id = partners.create(self.cr, self.uid, values,
                                             context=self.env.create_context)
            kept[partner_id] = (content, values['type'])
            binder.bind('addresses', address['id'], 'res.partner', partner_id, None,
                        address)
        gone = partners.search(self.cr, self.uid, [
            ('parent_id', '=', contact_id), ('id', 'not in', list(kept) or [0]),
            ('is_company', '=', False), ('type', '!=', 'contact')], context=self.env.context)
        siblings = customers.sibling_address_partners(self.env, contact_id, shop_id)
        bound = [i for i in gone if i not in siblings and self._is_bound_address(i)]
        if bound:
            partners.write(self.cr, self.uid, bound, {'active': False}, context=self.env.context)

    def _address_values(self, address, contact_name):
        code = (address.get('country') or u'').strip()
        if not code:
            raise MappingError(u"the address %s has no country"
                               % (address.get('id') or address.get('addressee') or u''))
        country_id = find_country(self.cr, self.uid, self.pool, code, self.env.context)
        if not country_id:
            # dropping it would send invoices and goods to an address without its country
            raise MappingError(u"the country code %s of the address is unknown in OpenERP "
                               u"(add the country, or fix the address in the shop)" % code)
        billing = bool(address.get('is_default_billing'))
        shipping = bool(address.get('is_default_shipping'))
        kind = billing and shipping and 'default' or billing and 'invoice' \
            or shipping and 'delivery' or 'other'
        return {
            'name': (address.get('addressee') or contact_name or u'')[:128],
            'street': (address.get('street1') or u'')[:128] or False,
            'street2': (address.get('street2') or u'')[:128] or False,
            'city': (address.get('city') or u'')[:128] or False,
            'zip': (address.get('postal_code') or u'')[:24] or False,
            'country_id': country_id or False,
            'state_id': find_state(self.cr, self.uid, self.pool, country_id,
                                   address.get('state'), self.env.context) or False,
            'type': kind,
        }

    def _content(self, partner_id):
        row = self.pool.get('res.partner').read(self.cr, self.uid, [partner_id],
                                                list(ADDRESS_FIELDS), context=self.env.context)[0]
        return tuple(row[f][0] if isinstance(row[f], (list, tuple)) else row[f]
                     for f in ADDRESS_FIELDS)

    def _documents_use(self, partner_id):
        """Is this address on a sale order or an invoice (which must keep showing it)?"""
        for model, fields in (('sale.order', ('partner_invoice_id', 'partner_shipping_id')),
                              ('account.invoice', ('partner_id',))):
            documents = self.pool.get(model)
            if documents is None:
                continue
            domain = ['|'] * (len(fields) - 1) + [(f, '=', partner_id) for f in fields]
            if documents.search(self.cr, self.uid, domain, limit=1,
                                context=dict(self.env.context, active_test=False)):
                return True
        return False

    def _identical(self, contact_id, values, taken):
        """A child partner of the contact with exactly this address (reused, not duplicated)."""
        domain = [('parent_id', '=', contact_id), ('id', 'not in', list(taken) or [0]),
                  ('type', '!=', 'contact')]
        domain += [(field, '=', values[field]) for field in ADDRESS_FIELDS]
        ids = self.pool.get('res.partner').search(self.cr, self.uid, domain, limit=1,
                                                  context=self.env.context)
        return ids and ids[0] or None

    def _is_bound_address(self, partner_id):
        rows = self.pool.get('satchmo.binding').search(self.cr, self.uid, [
            ('backend_id', '=', self.env.backend.id), ('resource', '=', 'addresses'),
            ('res_id', '=', partner_id)], limit=1)
        return bool(rows)
