# -*- coding: utf-8 -*-
"""Which OpenERP customer a shop contact imported for the first time becomes.

The rules are the backend's (models/customer_matching.py): guests with the
same e-mail are one customer by default; contacts with a shop account join
others only when the owner chose "everyone with the same e-mail"; and, when
switched on, a customer typed in OpenERP before the shop was connected is
found by e-mail. The mapping rows keep each contact's e-mail (trimmed, lower
case) and whether it has an account, so the rules are answered from the rows
without asking the shop again.
"""
import json


def normalized_email(payload):
    """The e-mail as matching compares it: trimmed, lower case (None if empty)."""
    email = (payload.get('email') or u'').strip().lower()
    return email or None


def has_account(payload):
    """Does the contact have its own shop user account?

    A shop whose API predates ``has_account`` does not say: such contacts
    count as having one, so that nobody is merged on a guess.
    """
    return payload.get('has_account', True) is not False


def binding_values(resource, model, res_id, payload):
    """What a mapping row keeps for matching and for following merged partners."""
    values = {}
    if model == 'res.partner':
        values['partner_id'] = res_id
    if resource == 'contacts' and isinstance(payload, dict):
        values['match_email'] = normalized_email(payload) or False
        values['shop_account'] = has_account(payload)
    return values


def find_customer(env, payload):
    """The partner this new contact is, by the backend's rules, or None for a new one."""
    email = normalized_email(payload)
    if not email:
        return None
    backend = env.backend
    rule = backend.customer_matching or 'guests'
    partner_id = None
    if rule == 'email' or (rule == 'guests' and not has_account(payload)):
        partner_id = _bound_customer(env, email, guests_only=(rule == 'guests'),
                                     shop_id=payload['id'])
    if not partner_id and backend.match_existing_customers:
        partner_id = _existing_customer(env, email)
    return partner_id


def _bound_customer(env, email, guests_only, shop_id):
    """The partner of another contact of this shop with this e-mail (oldest row first)."""
    domain = [('backend_id', '=', env.backend.id), ('resource', '=', 'contacts'),
              ('match_email', '=', email), ('partner_id', '!=', False),
              ('shop_id', '!=', str(shop_id))]
    if guests_only:
        domain.append(('shop_account', '=', False))
    rows = env.pool.get('satchmo.binding')
    ids = rows.search(env.cr, env.uid, domain, order='id', limit=1, context=env.context)
    if not ids:
        return None
    return rows.browse(env.cr, env.uid, ids[0], context=env.context).partner_id.id


def _existing_customer(env, email):
    """A person customer of the shop's company with this e-mail, not bound to any shop row."""
    env.cr.execute("""
        SELECT p.id FROM res_partner p
         WHERE lower(trim(p.email)) = %s AND p.customer AND p.active
           AND NOT p.is_company
           AND (p.company_id IS NULL OR p.company_id = %s)
           AND NOT EXISTS (SELECT 1 FROM satchmo_binding b WHERE b.partner_id = p.id)
         ORDER BY p.parent_id IS NOT NULL, p.id
         LIMIT 1""", (email, env.backend.company_id.id))
    row = env.cr.fetchone()
    return row and row[0] or None


def sibling_address_partners(env, partner_id, shop_id):
    """Address partners that other contacts bound to the same customer still use.

    A contact's import archives the addresses it no longer has; those of the
    other contacts merged into its customer are theirs, not gone.
    """
    rows = env.pool.get('satchmo.binding')
    ids = rows.search(env.cr, env.uid, [
        ('backend_id', '=', env.backend.id), ('resource', '=', 'contacts'),
        ('partner_id', '=', partner_id), ('shop_id', '!=', str(shop_id))],
        context=env.context)
    used = set()
    for row in rows.read(env.cr, env.uid, ids, ['last_payload'], context=env.context):
        try:
            addresses = json.loads(row['last_payload'] or '{}').get('addresses') or []
        except (ValueError, AttributeError):
            continue
        for address in addresses:
            address_partner = env.binder.to_openerp('addresses', address.get('id'))
            if address_partner:
                used.add(address_partner)
    return used
