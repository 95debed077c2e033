# -*- coding: utf-8 -*-
"""The shop's API token, kept where only connector managers can reach it.

A ``groups=`` on a plain column hides it from read and export, but OpenERP 7
neither checks field groups in search domains nor in ``order``: anyone who
may read backends could recover the token one character at a time with
``search([('api_token', '=like', 'a%')])``. That token reads every customer's
data from the shop. So the token lives in a model of its own whose access
rights name the managers only (a search by anyone else is refused), and the
backend shows it through a non-stored field that has no column to search or
sort on, answers only managers, and refuses to be used in a domain.
"""
from openerp import SUPERUSER_ID
from openerp.osv import fields, orm
from openerp.tools.translate import _

from .backend import MANAGER_GROUP


class satchmo_backend_secret(orm.Model):
    _name = 'satchmo.backend.secret'
    _description = 'Satchmo shop API token (managers only)'
    _rec_name = 'backend_id'

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop', required=True,
                                      ondelete='cascade', select=True),
        'api_token': fields.char('API token', size=128),
    }

    _sql_constraints = [
        ('backend_unique', 'unique (backend_id)', 'A shop has one API token.'),
    ]

    def init(self, cr):
        """Move tokens of an earlier version (a column of satchmo_backend) in here."""
        cr.execute("SELECT 1 FROM information_schema.columns WHERE table_name = "
                   "'satchmo_backend' AND column_name = 'api_token'")
        if not cr.fetchone():
            return
        cr.execute("INSERT INTO satchmo_backend_secret (backend_id, api_token) "
                   "SELECT b.id, b.api_token FROM satchmo_backend b WHERE b.api_token "
                   "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM satchmo_backend_secret s "
                   "WHERE s.backend_id = b.id)")
        cr.execute("ALTER TABLE satchmo_backend DROP COLUMN api_token")

    def token_of(self, cr, backend_ids):
        """{backend id: token} for the connector's own use (the shop client); no rights."""
        ids = self.search(cr, SUPERUSER_ID, [('backend_id', 'in', list(backend_ids))])
        return dict((row.backend_id.id, row.api_token)
                    for row in self.browse(cr, SUPERUSER_ID, ids))

    def store(self, cr, backend_id, token):
        ids = self.search(cr, SUPERUSER_ID, [('backend_id', '=', backend_id)])
        if ids:
            self.write(cr, SUPERUSER_ID, ids, {'api_token': token or False})
        else:
            self.create(cr, SUPERUSER_ID, {'backend_id': backend_id,
                                           'api_token': token or False})


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    def _get_api_token(self, cr, uid, ids, name, arg, context=None):
        tokens = {}
        if uid == SUPERUSER_ID or self.user_has_groups(cr, uid, MANAGER_GROUP,
                                                         context=context):
            tokens = self.pool.get('satchmo.backend.secret').token_of(cr, ids)
        return dict((backend_id, tokens.get(backend_id) or False) for backend_id in ids)

    def _set_api_token(self, cr, uid, backend_id, name, value, arg, context=None):
        if uid != SUPERUSER_ID and not self.user_has_groups(cr, uid, MANAGER_GROUP,
                                                              context=context):
            raise orm.except_orm(_('Access Denied'),
                                 _('Only connector managers can set the API token.'))
        self.pool.get('satchmo.backend.secret').store(cr, backend_id, value)
        return True

    def _search_api_token(self, cr, uid, obj, name, domain, context=None):
        raise orm.except_orm(_('Access Denied'),
                             _('The API token cannot be used to search shops.'))

    _columns = {
        'api_token': fields.function(
            _get_api_token, fnct_inv=_set_api_token, fnct_search=_search_api_token,
            type='char', size=128, string='API token', groups=MANAGER_GROUP,
            help="The key printed by 'manage.py satchmo_api_token' in the "
                 "shop. Only connector managers can see it."),
    }
