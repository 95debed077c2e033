# -*- coding: utf-8 -*-
"""The setup checklist of a shop backend, and the gate of its first sync.

The lines are stored on the backend (``satchmo.check.line``, replaced at each
check) so the shop form and the Settings page show the last result with what
to do; the checks themselves are plain functions in sync/checks.py.
"""
from openerp import SUPERUSER_ID
from openerp.osv import fields, orm
from openerp.tools.translate import _

CHECK_STATES = [('ok', 'OK'), ('warning', 'Check'), ('todo', 'To do')]


class satchmo_check_line(orm.Model):
    _name = 'satchmo.check.line'
    _description = 'Satchmo setup checklist line'
    _order = 'backend_id, sequence, id'

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop', required=True,
                                      ondelete='cascade', select=True),
        'sequence': fields.integer('Sequence'),
        'name': fields.char('Check', size=64, required=True),
        'state': fields.selection(CHECK_STATES, 'Status', required=True),
        'blocking': fields.boolean(
            'Blocks the first sync',
            help="The first sync does not start while this line is to do, unless a "
                 "manager forces it."),
        'message': fields.text('What to do'),
    }


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    _columns = {
        'shop_currency': fields.char(
            'Shop currency', size=3,
            help="The ISO code of the shop's currency (USD). Used only while the shop's API "
                 "does not tell it (GET /api/v1/shop/); the checklist compares it with the "
                 "pricelist's and the company's."),
        'check_line_ids': fields.one2many('satchmo.check.line', 'backend_id',
                                          'Setup checklist', readonly=True),
        'checked_at': fields.datetime('Last checked', readonly=True),
    }

    def run_checklist(self, cr, uid, backend_id, client=None, context=None):
        """Run every check now, store the lines; the blocking lines' messages back."""
        from openerp.addons.openerp_addon.sync.checks import run_checks
        from openerp.addons.openerp_addon.sync.client import ShopClient
        backend = self.browse(cr, SUPERUSER_ID, backend_id, context=context)
        client = client or ShopClient(backend.url, backend.api_token or '',
                                      verify=backend.verify_tls, timeout=backend.timeout or 30)
        lines = run_checks(cr, uid, self.pool, backend, client)
        self.write(cr, uid, [backend_id], {
            'checked_at': fields.datetime.now(),
            'check_line_ids': [(5, 0, 0)] + [
                (0, 0, dict(values, sequence=position))
                for position, values in enumerate(lines)],
        }, context=context)
        return [u'%s: %s' % (l['name'], l['message']) for l in lines if l['blocking']]

    def first_sync_blockers(self, cr, uid, backend_id, client, context=None):
        """Before a shop's first sync: why it must not start (empty: it may)."""
        backend = self.browse(cr, uid, backend_id, context=context)
        if backend.cursor:
            return []
        return self.run_checklist(cr, uid, backend_id, client=client, context=context)

    # -- buttons ----------------------------------------------------------------------------
    def action_test_connection(self, cr, uid, ids, context=None):
        """Test connection: a shop that does not answer says so; else the whole checklist."""
        backend = self.browse(cr, SUPERUSER_ID, ids[0], context=context)
        self.check_connection(cr, uid, backend.url, backend.api_token,
                              verify=backend.verify_tls, timeout=backend.timeout,
                              context=context)
        self.run_checklist(cr, uid, ids[0], context=context)
        return True

    def action_set_round_globally(self, cr, uid, ids, context=None):
        """The checklist's button: the shop's company rounds tax once per order, as Satchmo."""
        for backend in self.browse(cr, uid, ids, context=context):
            self.pool.get('res.company').write(
                cr, uid, [backend.company_id.id],
                {'tax_calculation_rounding_method': 'round_globally'}, context=context)
        return True

    def action_force_sync(self, cr, uid, ids, context=None):
        """Start the first sync although the checklist has red lines (recorded on the run)."""
        run_id = self._run_sync(cr, uid, ids[0], full=False,
                                context=dict(context or {}, satchmo_force_first_sync=True))
        return self._open_run(cr, uid, run_id, context=context)


class satchmo_sync_run(orm.Model):
    _inherit = 'satchmo.sync.run'

    _columns = {
        'forced': fields.boolean(
            'Forced', readonly=True,
            help="A manager started this first sync although the setup checklist had red "
                 "lines (listed in the reason)."),
    }


def gate_reason(blockers):
    return _(u'The first sync did not start: the setup checklist has red lines. Fix them '
             u'(the shop form\'s Setup checklist says how) or force the sync. %s') % (
        u' '.join(blockers))
