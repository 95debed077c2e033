# -*- coding: utf-8 -*-
"""Customers as people: which shop contacts are one OpenERP customer.

Satchmo makes a new contact for every guest checkout, even with an e-mail it
has seen before, so a guest who ordered five times is five contacts. The
owner says on the backend how contacts become customers (sync/customers.py
applies it when a contact is imported for the first time):

- guests with the same e-mail (case and spaces ignored) are one customer,
  contacts with their own shop account stay separate people (the default);
- everyone with the same e-mail is one customer, accounts included;
- one customer per shop contact (as before).

Several mapping rows can then point at one partner. A contact row follows
its partner through a real many2one (``partner_id``): OpenERP's partner
merge wizard rewrites foreign keys, never plain integers such as
``res_id``, so after a merge the row points at the surviving partner, and a
partner deleted by hand leaves the row empty, so the contact's next import
makes it again.
"""
from openerp.osv import fields, orm

MATCHING = [
    ('guests', 'Guests with the same e-mail are one customer'),
    ('email', 'Everyone with the same e-mail is one customer'),
    ('contact', 'One customer per shop contact'),
]


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    _columns = {
        'customer_matching': fields.selection(
            MATCHING, 'Customers', required=True,
            help="How shop contacts become OpenERP customers, decided when a contact is "
                 "imported for the first time. Guests (checkouts without a shop account) "
                 "with the same e-mail, case and spaces ignored, are one customer; "
                 "contacts with their own shop account stay separate people unless "
                 "'Everyone with the same e-mail' is chosen. Contacts already imported "
                 "keep their customer."),
        'match_existing_customers': fields.boolean(
            'Match existing OpenERP customers by e-mail',
            help="Off by default. On: a shop contact imported for the first time whose "
                 "e-mail (case and spaces ignored) is that of a customer already in "
                 "OpenERP, not linked to this shop yet, becomes that customer instead "
                 "of a new one. Meant for the first synchronization of a shop whose "
                 "customers were typed in OpenERP before."),
    }

    _defaults = {
        'customer_matching': 'guests',
        'match_existing_customers': False,
    }


class satchmo_binding(orm.Model):
    _inherit = 'satchmo.binding'

    _columns = {
        'partner_id': fields.many2one(
            'res.partner', 'Partner', ondelete='set null', select=True, readonly=True,
            help="The partner of a customer or address row; unlike the record id, it "
                 "follows OpenERP's partner merge to the surviving partner."),
        'match_email': fields.char(
            'E-mail for matching', size=240, select=True, readonly=True,
            help="The contact's e-mail, trimmed and in lower case"),
        'shop_account': fields.boolean(
            'Has a shop account', readonly=True,
            help="The contact has its own user account in the shop (not a guest)"),
    }

    def _auto_init(self, cr, context=None):
        """Rows made before partner_id existed get it from their record id."""
        result = super(satchmo_binding, self)._auto_init(cr, context=context)
        cr.execute("""UPDATE satchmo_binding b SET partner_id = b.res_id
                       WHERE b.model = 'res.partner' AND b.partner_id IS NULL
                         AND EXISTS (SELECT 1 FROM res_partner p WHERE p.id = b.res_id)""")
        return result
