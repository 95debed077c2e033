# -*- coding: utf-8 -*-
"""Retry and Mark dirty as a reviewer uses them: any row, with the connector's rights.

The people who review failures (group "Satchmo Connector / User") may not
create partners, products or sale orders themselves. A Retry that ran with
their rights would fail with an access error that overwrites the real
reason and uses up an attempt. So the buttons first check that this person
may change these rows (access rights and record rules: a reviewer of
another company's shop cannot retry its rows), and then import as the
connector does in its scheduled runs.

Rows of objects the shop API does not serve by themselves stand for their
owner's row: an address is imported with its contact (a payment with its
order: models/payment_binding.py).
"""
from openerp import SUPERUSER_ID
from openerp.osv import orm
from openerp.tools.translate import _


class satchmo_binding(orm.Model):
    _inherit = 'satchmo.binding'

    def _owners(self, cr, uid, ids, context=None):
        """These rows, an address row replaced by its contact's row."""
        rows = super(satchmo_binding, self)._owners(cr, uid, ids, context=context)
        owners = []
        for row in self.browse(cr, uid, rows, context=context):
            target = row.id
            if row.resource == 'addresses':
                target = self._contact_row_of_address(cr, uid, row, context=context)
            if target not in owners:
                owners.append(target)
        return owners

    def _contact_row_of_address(self, cr, uid, row, context=None):
        """The row of the contact the address partner now belongs to. Found through the
        rows' partner many2one, not their record ids: OpenERP's partner merge rewrites
        the foreign key to the surviving partner and leaves the plain id behind."""
        partner = row.partner_id
        contact_ids = partner and partner.parent_id and self.search(
            cr, uid, [('backend_id', '=', row.backend_id.id), ('resource', '=', 'contacts'),
                      ('partner_id', '=', partner.parent_id.id)], limit=1, context=context)
        if not contact_ids:  # never silently retry nothing
            raise orm.except_orm(
                _('Cannot retry'),
                _('The address %s is no longer under a contact imported from this shop: '
                  'retry its contact instead.') % row.shop_id)
        return contact_ids[0]

    def _check_may_review(self, cr, uid, ids, context=None):
        self.check_access_rights(cr, uid, 'write')
        self.check_access_rule(cr, uid, ids, 'write', context=context)

    def action_retry(self, cr, uid, ids, context=None):
        self._check_may_review(cr, uid, ids, context=context)
        return super(satchmo_binding, self).action_retry(cr, SUPERUSER_ID, ids, context=context)

    def action_mark_dirty(self, cr, uid, ids, context=None):
        self._check_may_review(cr, uid, ids, context=context)
        return super(satchmo_binding, self).action_mark_dirty(cr, SUPERUSER_ID, ids,
                                                              context=context)
