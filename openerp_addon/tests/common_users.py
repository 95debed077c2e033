# -*- coding: utf-8 -*-
"""Users of the connector's groups, for tests that look through their eyes."""


def connector_user(case, login, group='group_satchmo_user', company_id=None):
    """A user in ``group`` (of openerp_addon) working for ``company_id``."""
    cr, uid = case.cr, case.uid
    data = case.registry('ir.model.data')
    group_id = data.get_object_reference(cr, uid, 'openerp_addon', group)[1]
    if company_id is None:
        company_id = case.registry('res.users').browse(
            cr, uid, uid).company_id.id
    return case.registry('res.users').create(cr, uid, {
        'name': login.title(), 'login': login,
        'company_id': company_id, 'company_ids': [(6, 0, [company_id])],
        'groups_id': [(6, 0, [group_id])],
    })
