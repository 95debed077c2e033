# -*- coding: utf-8 -*-
"""The shop backend: one record per Satchmo shop, and the doors into a sync.

Everything a run needs to know about a shop (where it is, how to talk to it,
how far the change feed was read) lives here, so the pipeline receives a
backend id and nothing else. The buttons and the scheduled action only call
the pipeline; they never import anything themselves.
"""
import logging

from openerp import SUPERUSER_ID
from openerp.osv import fields, orm
from openerp.tools.translate import _

_logger = logging.getLogger(__name__)

CRON_XMLID = ('openerp_addon', 'ir_cron_satchmo_sync')
MANAGER_GROUP = 'openerp_addon.group_satchmo_manager'
INTERVAL_TYPES = [
    ('minutes', 'Minutes'),
    ('hours', 'Hours'),
    ('days', 'Days'),
]


def redact(text, secret):
    """``text`` without ``secret`` in it: messages end up on screens and logs."""
    if secret:
        text = text.replace(secret, u'********')
    return text


class satchmo_backend(orm.Model):
    _name = 'satchmo.backend'
    _description = 'Satchmo shop'
    _inherit = ['mail.thread']
    _order = 'sequence, name, id'

    def _get_cron(self, cr, uid, context=None):
        """The single scheduled action that runs every active backend."""
        try:
            return self.pool.get('ir.model.data').get_object(
                cr, SUPERUSER_ID, CRON_XMLID[0], CRON_XMLID[1], context=context)
        except ValueError:  # deleted by someone: the fields show nothing
            return None

    def _read_cron(self, cr, uid, ids, names, arg, context=None):
        cron = self._get_cron(cr, uid, context=context)
        values = {
            'cron_active': cron.active if cron else False,
            'cron_interval_number': cron.interval_number if cron else 0,
            'cron_interval_type': cron.interval_type if cron else False,
        }
        return dict((backend_id, dict(values)) for backend_id in ids)

    def _write_cron(self, cr, uid, ids, name, value, arg, context=None):
        """The interval lives on ir.cron, which only admins may write.

        The caller already passed the write access check of the backend
        (connector managers), so the cron is written as superuser.
        """
        cron = self._get_cron(cr, uid, context=context)
        if cron is None:
            return True
        if name == 'cron_interval_number' and value < 1:
            raise orm.except_orm(_('Invalid interval'),
                                 _('The interval must be at least 1.'))
        if name == 'cron_interval_type' and not value:
            return True
        self.pool.get('ir.cron').write(
            cr, SUPERUSER_ID, [cron.id], {name[len('cron_'):]: value},
            context=context)
        return True

    _columns = {
        'name': fields.char('Name', size=128, required=True),
        'sequence': fields.integer(
            'Sequence', help="The first active shop of a company is the one "
                             "the Settings page configures."),
        'url': fields.char(
            'Shop URL', size=256, required=True,
            help="The shop's address, e.g. https://shop.example.com; the API "
                 "root /api/v1/ is found from it."),
        # 'api_token': models/backend_secret.py (managers only, not searchable)
        'company_id': fields.many2one(
            'res.company', 'Company', required=True, select=True,
            help="Records imported from this shop belong to this company."),
        'active': fields.boolean('Active'),
        'cursor': fields.integer(
            'Change-feed cursor', readonly=True,
            help="The sequence number of the last change of the shop that "
                 "was imported and committed; the next run reads after it."),
        'verify_tls': fields.boolean(
            'Verify TLS certificate',
            help="Leave on: switch off only for a test shop with a "
                 "self-signed certificate."),
        'timeout': fields.integer(
            'Timeout (s)', help="Connect and read timeout of each request."),
        'page_size': fields.integer(
            'Page size', help="How many objects one request fetches."),
        'retry_limit': fields.integer(
            'Retry limit',
            help="After this many failed attempts a record waits for a "
                 "person (state Exception) instead of being retried."),
        'last_run_id': fields.many2one(
            'satchmo.sync.run', 'Last run', readonly=True),
        'run_ids': fields.one2many('satchmo.sync.run', 'backend_id', 'Runs'),
        'cron_active': fields.function(
            _read_cron, fnct_inv=_write_cron, multi='cron', type='boolean',
            string='Scheduled synchronization',
            help="Shared by every shop: runs each active shop in turn."),
        'cron_interval_number': fields.function(
            _read_cron, fnct_inv=_write_cron, multi='cron', type='integer',
            string='Synchronize every'),
        'cron_interval_type': fields.function(
            _read_cron, fnct_inv=_write_cron, multi='cron',
            type='selection', selection=INTERVAL_TYPES, string='Unit'),
    }

    _defaults = {
        'active': True,
        'sequence': 10,
        'cursor': 0,
        'verify_tls': True,
        'timeout': 30,
        'page_size': 100,
        'retry_limit': 5,
        'company_id': lambda self, cr, uid, context: self.pool.get(
            'res.company')._company_default_get(
                cr, uid, 'satchmo.backend', context=context),
        # a new shop's form shows (and saves back unchanged) the shared schedule: without
        # these the web client sends an interval of 0 and the first Save is refused
        'cron_active': lambda self, cr, uid, context: self._cron_default(
            cr, uid, 'cron_active', context=context),
        'cron_interval_number': lambda self, cr, uid, context: self._cron_default(
            cr, uid, 'cron_interval_number', context=context),
        'cron_interval_type': lambda self, cr, uid, context: self._cron_default(
            cr, uid, 'cron_interval_type', context=context),
    }

    def _cron_default(self, cr, uid, name, context=None):
        return self._read_cron(cr, uid, [0], [name], None, context=context)[0][name]

    _sql_constraints = [
        ('page_size_positive', 'CHECK (page_size > 0)',
         'The page size must be positive.'),
        ('timeout_positive', 'CHECK (timeout > 0)',
         'The timeout must be positive.'),
        ('retry_limit_positive', 'CHECK (retry_limit >= 0)',
         'The retry limit cannot be negative.'),
    ]

    def copy(self, cr, uid, id, default=None, context=None):
        """A copy is a new shop: it starts reading the feed from the start."""
        default = dict(default or {}, cursor=0, last_run_id=False,
                       run_ids=[], message_ids=[], message_follower_ids=[])
        default.setdefault('name', _('%s (copy)') % self.read(
            cr, uid, id, ['name'], context=context)['name'])
        return super(satchmo_backend, self).copy(
            cr, uid, id, default=default, context=context)

    # -- connection test -----------------------------------------------

    def check_connection(self, cr, uid, url, token, verify=True, timeout=30,
                         context=None):
        """Ask the shop's API root; raise except_orm saying what is wrong.

        Shared by the backend form and the Settings page, which tests the
        values typed in before they are saved. Returns the API root (a dict
        of resource names) when the shop answered and accepted the token.
        """
        from openerp.addons.openerp_addon.sync.client import (
            ShopClient, ShopError)
        if not url:
            raise orm.except_orm(_('Connection failed'),
                                 _('Enter the URL of the shop first.'))
        try:
            return ShopClient(url, token or '', verify=verify,
                              timeout=timeout or 30).check()
        except ShopError as error:
            message = redact(unicode(error), token)
            _logger.info('Satchmo connection test to %s failed: %s',
                         url, message)
            raise orm.except_orm(_('Connection failed'), message)

    # "Test connection" runs the setup checklist: models/checklist.py

    # -- running a synchronization --------------------------------------

    def _run_sync(self, cr, uid, backend_id, full=False, context=None):
        """The one place that calls the pipeline (and that tests replace)."""
        from openerp.addons.openerp_addon.sync.pipeline import run_sync
        return run_sync(cr, uid, backend_id, full=full, context=context)

    def _open_run(self, cr, uid, run_id, context=None):
        return {
            'type': 'ir.actions.act_window',
            'name': _('Sync run'),
            'res_model': 'satchmo.sync.run',
            'res_id': run_id,
            'view_type': 'form',
            'view_mode': 'form',
            'target': 'current',
        }

    def action_sync_now(self, cr, uid, ids, context=None):
        """Read the change feed from the cursor now, and show the run."""
        run_id = self._run_sync(cr, uid, ids[0], full=False, context=context)
        return self._open_run(cr, uid, run_id, context=context)

    def action_full_resync(self, cr, uid, ids, context=None):
        """List everything in the shop and import what differs."""
        run_id = self._run_sync(cr, uid, ids[0], full=True, context=context)
        return self._open_run(cr, uid, run_id, context=context)

    def action_open_failures(self, cr, uid, ids, context=None):
        """The failures list, limited to this shop."""
        action = self.pool.get('ir.actions.act_window').for_xml_id(
            cr, uid, 'openerp_addon', 'action_satchmo_binding_failures',
            context=context)
        action['domain'] = [('backend_id', 'in', ids),
                            ('state', 'in', ('failed', 'exception'))]
        return action

    def _cron_sync(self, cr, uid, context=None):
        """The scheduled action: one incremental run per active backend.

        A shop that breaks (down, bad token, a bug) must not keep the other
        shops from syncing: its error is logged and recorded by the pipeline
        in its run, and the loop goes on.
        """
        # every company's shops: the cron user may belong to one company only
        backend_ids = self.search(cr, SUPERUSER_ID, [('active', '=', True)],
                                  context=context)
        for backend_id in backend_ids:
            try:
                self._run_sync(cr, uid, backend_id, full=False,
                               context=context)
            except Exception:
                _logger.exception('Satchmo sync of backend %s failed',
                                  backend_id)
                cr.rollback()
        return True

    # -- telling people ---------------------------------------------------

    def _manager_partner_ids(self, cr, uid, backend, context=None):
        """Partners of the connector managers who work for the shop's company."""
        group = self.pool.get('ir.model.data').get_object(
            cr, SUPERUSER_ID, 'openerp_addon', 'group_satchmo_manager',
            context=context)
        return sorted(set(
            user.partner_id.id for user in group.users
            if user.active and backend.company_id in user.company_ids))

    def _failures_url(self, cr, uid, context=None):
        base = self.pool.get('ir.config_parameter').get_param(
            cr, SUPERUSER_ID, 'web.base.url', default='')
        action = self.pool.get('ir.model.data').get_object_reference(
            cr, SUPERUSER_ID, 'openerp_addon',
            'action_satchmo_binding_failures')[1]
        return '%s/#action=%d&model=satchmo.binding&view_type=list' % (
            base.rstrip('/'), action)

    def notify_failures(self, cr, uid, backend_id, run_id, new_failures,
                        context=None):
        """Post one message on the backend for the failures a run produced.

        ``new_failures`` is a number, or a dict {resource: number}. One
        message per run (not per record): a shop with a systematic problem
        must not flood the managers' inboxes. The message goes to the
        connector managers and links to the failures list.
        """
        if isinstance(backend_id, (list, tuple)):
            backend_id = backend_id[0]
        if isinstance(new_failures, dict):
            per_resource = dict((k, v) for k, v in new_failures.items() if v)
            total = sum(per_resource.values())
        else:
            per_resource = {}
            total = int(new_failures or 0)
        if not total:
            return False
        backend = self.browse(cr, SUPERUSER_ID, backend_id, context=context)
        lines = ''.join(
            u'<li>%s: %d</li>' % (resource, per_resource[resource])
            for resource in sorted(per_resource))
        body = (u'<p>%s</p>%s<p><a href="%s">%s</a></p>' % (
            _('The synchronization run %s left %d new failed records.')
            % (run_id, total),
            (u'<ul>%s</ul>' % lines) if lines else u'',
            self._failures_url(cr, uid, context=context),
            _('Review and retry the failures')))
        return self.message_post(
            cr, SUPERUSER_ID, [backend_id], body=body,
            subject=_('%s: %d new synchronization failures')
            % (backend.name, total),
            subtype='mail.mt_comment',
            partner_ids=self._manager_partner_ids(
                cr, uid, backend, context=context),
            context=dict(context or {}, mail_post_autofollow=False))
