# -*- coding: utf-8 -*-
"""Settings > Configuration > Satchmo Connector: the shop of one's company.

Most owners run one shop. This page edits that shop's backend (the first
active backend of the user's company, created when the page is first saved)
without making anyone learn the backend form; several shops are still
configured from Satchmo > Configuration > Shops.
"""
from openerp import SUPERUSER_ID
from openerp.osv import fields, orm
from openerp.tools.translate import _

from .backend import INTERVAL_TYPES, MANAGER_GROUP

# someone waits in front of the page: give up sooner than a run would
TEST_TIMEOUT = 10


class satchmo_config_settings(orm.TransientModel):
    _name = 'satchmo.config.settings'
    _inherit = 'res.config.settings'

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop backend',
                                      readonly=True),
        'shop_name': fields.char('Shop name', size=128),
        'shop_url': fields.char(
            'Shop URL', size=256,
            help="The shop's address, e.g. https://shop.example.com"),
        'shop_api_token': fields.char(
            'API token', size=128, groups=MANAGER_GROUP,
            help="Printed by 'manage.py satchmo_api_token' in the shop."),
        'shop_verify_tls': fields.boolean('Verify TLS certificate'),
        'sync_scheduled': fields.boolean(
            'Synchronize automatically',
            help="Runs the scheduled action that synchronizes every active "
                 "shop."),
        'sync_interval_number': fields.integer('Every'),
        'sync_interval_type': fields.selection(INTERVAL_TYPES, 'Unit'),
    }

    def _default_backend(self, cr, uid, context=None):
        """The backend this page edits: the user's company's first shop."""
        user = self.pool.get('res.users').browse(cr, uid, uid,
                                                 context=context)
        backend_ids = self.pool.get('satchmo.backend').search(
            cr, uid, [('company_id', '=', user.company_id.id)], limit=1,
            context=context)
        return backend_ids and backend_ids[0] or False

    def get_default_shop(self, cr, uid, fields, context=None):
        backend_obj = self.pool.get('satchmo.backend')
        backend_id = self._default_backend(cr, uid, context=context)
        cron = backend_obj._get_cron(cr, uid, context=context)
        values = {
            'backend_id': backend_id,
            'shop_verify_tls': True,
            # a first configuration switches the schedule on
            'sync_scheduled': bool(cron and cron.active) or not backend_id,
            'sync_interval_number': cron.interval_number if cron else 15,
            'sync_interval_type': cron.interval_type if cron else 'minutes',
        }
        if backend_id:
            # read as superuser: the token's group is checked just below
            backend = backend_obj.browse(cr, SUPERUSER_ID, backend_id,
                                         context=context)
            values.update(shop_name=backend.name, shop_url=backend.url,
                          shop_verify_tls=backend.verify_tls)
            if self.user_has_groups(cr, uid, MANAGER_GROUP, context=context):
                values['shop_api_token'] = backend.api_token
        return values

    def set_shop(self, cr, uid, ids, context=None):
        config = self.browse(cr, uid, ids[0], context=context)
        if not config.shop_url:
            return True
        backend_obj = self.pool.get('satchmo.backend')
        values = {
            'name': config.shop_name or _('Shop'),
            'url': config.shop_url,
            'verify_tls': config.shop_verify_tls,
        }
        if self.user_has_groups(cr, uid, MANAGER_GROUP, context=context):
            values['api_token'] = config.shop_api_token
        backend_id = self._default_backend(cr, uid, context=context)
        if backend_id:
            backend_obj.write(cr, uid, [backend_id], values, context=context)
        else:
            backend_id = backend_obj.create(cr, uid, values, context=context)
        backend_obj.write(cr, uid, [backend_id], {
            'cron_active': config.sync_scheduled,
            'cron_interval_number': config.sync_interval_number or 15,
            'cron_interval_type': config.sync_interval_type or 'minutes',
        }, context=context)
        return True

    def action_test_connection(self, cr, uid, ids, context=None):
        """Test the values on the page, saved or not yet."""
        config = self.browse(cr, uid, ids[0], context=context)
        backend_obj = self.pool.get('satchmo.backend')
        root = backend_obj.check_connection(
            cr, uid, config.shop_url, config.shop_api_token,
            verify=config.shop_verify_tls, timeout=TEST_TIMEOUT,
            context=context)
        raise orm.except_orm(
            _('Connection test succeeded'),
            _('The shop answered and accepted the token. Resources: %s')
            % ', '.join(sorted(root or {})))
