# -*- coding: utf-8 -*-
"""What a person reviewing a mapping row needs to recognise the shop object.

A row's shop id alone ("orders 101") means nothing to an accountant; the
object's name and the payload the shop last sent do. Both are written on the
row at each import, from the payload itself, so a failed object can be found
by its name or number even when its OpenERP record was never created.
Secrets (passwords, tokens) never reach the stored payload.
"""
import json
import re

# Keys whose values are never stored on a row, at any depth of a payload.
SECRET_KEY = re.compile(r'password|token|secret|api_key', re.IGNORECASE)
HIDDEN = u'(hidden)'
NAME_SIZE = 128


def _name_of_contact(payload):
    full = u' '.join(part for part in (payload.get('first_name'),
                                       payload.get('last_name')) if part)
    email = payload.get('email')
    if full and email:
        return u'%s <%s>' % (full, email)
    return full or email


def _name_of_order(payload):
    buyer = (payload.get('bill_address') or {}).get('addressee')
    day = (payload.get('time_stamp') or u'')[:10]
    details = u', '.join(part for part in (buyer, day) if part)
    return u'Order %s%s' % (payload['id'], details and u' (%s)' % details or u'')


def _name_of_product(payload):
    if payload.get('sku'):
        return u'%s [%s]' % (payload.get('name') or u'(no name)', payload['sku'])
    return payload.get('name')


def _name_of_address(payload):
    return u', '.join(part for part in (payload.get('addressee'), payload.get('street1'),
                                        payload.get('city')) if part)


def _name_of_payment(payload):
    return u'%s %s, %s' % (payload.get('kind') or u'payment', payload.get('id'),
                           payload.get('amount'))


NAMERS = {
    'contacts': _name_of_contact,
    'orders': _name_of_order,
    'products': _name_of_product,
    'addresses': _name_of_address,
    'payments': _name_of_payment,
    'countries': lambda payload: payload.get('printable_name') or payload.get('name'),
}


def object_name(resource, payload):
    """A short name a person recognises: the product's name and SKU, "Order 101 (...)"..."""
    namer = NAMERS.get(resource, lambda payload: payload.get('name'))
    try:
        name = namer(payload)
    except (AttributeError, KeyError, TypeError):
        name = None
    name = name or u'%s %s' % (resource, payload.get('id', payload.get('key', u'?')))
    return name[:NAME_SIZE]


def without_secrets(value):
    """A copy of a payload with the value of every secret-looking key hidden."""
    if isinstance(value, dict):
        return dict((key, HIDDEN if SECRET_KEY.search(key) else without_secrets(item))
                    for key, item in value.items())
    if isinstance(value, list):
        return [without_secrets(item) for item in value]
    return value


def readable_payload(payload):
    """The payload as indented JSON with sorted keys, secrets hidden: what the shop sent."""
    return json.dumps(without_secrets(payload), indent=2, sort_keys=True,
                      ensure_ascii=False)


def row_values(resource, payload):
    """The values of a mapping row that describe its shop object, for the binder to write."""
    if not isinstance(payload, dict):
        return {}
    return {'object_name': object_name(resource, payload),
            'last_payload': readable_payload(payload)}
