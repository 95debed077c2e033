# -*- coding: utf-8 -*-
"""A preview of a shop's next sync, as people read it after its dry run was rolled back.

The dry run (sync/preview.py) imports in a transaction that is rolled back;
what it found is stored here afterwards, in a transaction of its own, from
what the dry run kept in memory. The shop form's and the settings page's
*Preview* button runs one and opens it.
"""
from openerp.osv import fields, orm
from openerp.tools.translate import _

OUTCOMES = [('create', 'Would be created'), ('update', 'Would be updated'),
            ('delete', 'Would be archived (deleted in the shop)'),
            ('skip', 'Would be skipped'), ('fail', 'Would fail')]
COUNTED = ('create', 'update', 'delete', 'skip', 'fail', 'unchanged')


class satchmo_preview(orm.Model):
    _name = 'satchmo.preview'
    _description = 'Satchmo sync preview'
    _order = 'id desc'
    _rec_name = 'create_date'

    def _bounds(self, cr, uid, ids, name, arg, context=None):
        from openerp.addons.openerp_addon.sync.preview import FEED_CHANGES, LISTED_PER_RESOURCE
        result = {}
        for preview in self.browse(cr, uid, ids, context=context):
            if preview.mode == 'feed':
                text = _(u'Read %d changes of the change feed after cursor %d (at most %d '
                         u'at a time).') % (preview.changes_read, preview.position,
                                            FEED_CHANGES)
                unit = _(u'changes')
            else:
                text = _(u'A first run (or a run after the feed was pruned) lists everything: '
                         u'this preview imported the first %d objects of each resource.'
                         ) % LISTED_PER_RESOURCE
                unit = _(u'objects')
            if preview.more > 0:
                text += u' ' + _(u'%d more %s were not previewed.') % (preview.more, unit)
            elif preview.more < 0:
                text += u' ' + _(u'More were not previewed (the shop does not say how many).')
            result[preview.id] = text
        return result

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop', required=True, readonly=True,
                                      ondelete='cascade', select=True),
        'create_date': fields.datetime('Previewed at', readonly=True),
        'state': fields.selection([('done', 'Done'), ('failed', 'Failed')], 'Outcome',
                                  readonly=True),
        'mode': fields.selection([('feed', 'Change feed'), ('full', 'Everything listed')],
                                 'Read', readonly=True),
        'position': fields.integer('Cursor', readonly=True,
                                   help="The change-feed cursor the preview read from; the "
                                        "preview never moves it."),
        'changes_read': fields.integer('Changes read', readonly=True),
        'more': fields.integer('Not previewed', readonly=True,
                               help="How many more changes or objects the next run will "
                                    "import beyond those previewed (-1: unknown)."),
        'seconds': fields.float('Seconds', digits=(16, 1), readonly=True),
        'reason': fields.text('Note', readonly=True),
        'bounds': fields.function(_bounds, type='text', string='What was previewed'),
        'count_ids': fields.one2many('satchmo.preview.count', 'preview_id', 'Per resource',
                                     readonly=True),
        'line_ids': fields.one2many('satchmo.preview.line', 'preview_id', 'Objects',
                                    readonly=True),
        'lines_left_out': fields.integer('Lines not kept', readonly=True),
    }

    def store(self, cr, uid, backend_id, summary, context=None):
        """The preview record of a dry run's ``summary`` (sync/preview.py); its id."""
        findings = summary.get('findings')
        values = {'backend_id': backend_id, 'state': summary['state'],
                  'mode': summary.get('mode') or 'feed', 'position': summary.get('position') or 0,
                  'changes_read': summary.get('changes') or 0, 'more': summary.get('more') or 0,
                  'seconds': summary.get('seconds') or 0.0,
                  'reason': summary.get('reason') or False}
        if findings is not None:
            values['count_ids'] = [(0, 0, dict(dict.fromkeys(COUNTED, 0), resource=resource,
                                               **counts))
                                   for resource, counts in sorted(findings.counts.items())]
            values['line_ids'] = [(0, 0, line) for line in findings.lines]
            values['lines_left_out'] = findings.left_out
        return self.create(cr, uid, values, context=context)

    def name_get(self, cr, uid, ids, context=None):
        if isinstance(ids, (int, long)):
            ids = [ids]
        return [(p.id, _(u'Preview of %s, %s') % (p.backend_id.name, p.create_date))
                for p in self.browse(cr, uid, ids, context=context)]


class satchmo_preview_count(orm.Model):
    _name = 'satchmo.preview.count'
    _description = 'Satchmo sync preview: counts per resource'
    _order = 'preview_id, id'
    _rec_name = 'resource'

    _columns = dict(
        preview_id=fields.many2one('satchmo.preview', 'Preview', required=True,
                                   ondelete='cascade', select=True),
        resource=fields.char('Shop resource', size=32, required=True),
        **dict((outcome, fields.integer(label)) for outcome, label in (
            ('create', 'Created'), ('update', 'Updated'), ('delete', 'Archived'),
            ('skip', 'Skipped'), ('fail', 'Failed'), ('unchanged', 'Unchanged'))))


class satchmo_preview_line(orm.Model):
    _name = 'satchmo.preview.line'
    _description = 'Satchmo sync preview: one object'
    _order = 'preview_id, id'
    _rec_name = 'name'

    _columns = {
        'preview_id': fields.many2one('satchmo.preview', 'Preview', required=True,
                                      ondelete='cascade', select=True),
        'resource': fields.char('Shop resource', size=32, required=True, select=True),
        'shop_id': fields.char('Shop id', size=64),
        'name': fields.char('Object', size=128),
        'outcome': fields.selection(OUTCOMES, 'Would', required=True, select=True),
        'reason': fields.text('Why'),
        'changes': fields.text('Fields that would change',
                               help="One line per field: its value now -> the shop's value."),
    }


class satchmo_backend_preview(orm.Model):
    _inherit = 'satchmo.backend'

    def action_preview(self, cr, uid, ids, context=None):
        """Dry-run the next sync of this shop and open what it would do."""
        from openerp.addons.openerp_addon.sync.pipeline import make_client
        from openerp.addons.openerp_addon.sync.preview import Busy, run_preview
        try:
            preview_id = run_preview(cr.dbname, uid, ids[0], make_client, context=context)
        except Busy as error:
            raise orm.except_orm(_('Preview not possible now'), u'%s' % error)
        return {'type': 'ir.actions.act_window', 'name': _('Preview of the next sync'),
                'res_model': 'satchmo.preview', 'res_id': preview_id, 'view_type': 'form',
                'view_mode': 'form', 'target': 'current'}


class satchmo_config_settings_preview(orm.TransientModel):
    _inherit = 'satchmo.config.settings'

    def action_preview(self, cr, uid, ids, context=None):
        """The settings page's Preview: what the first sync of the saved shop would do."""
        backend_id = self._default_backend(cr, uid, context=context)
        if not backend_id:
            raise orm.except_orm(_('No shop yet'),
                                 _('Apply the settings first: the preview reads the saved shop.'))
        return self.pool.get('satchmo.backend').action_preview(cr, uid, [backend_id],
                                                               context=context)
