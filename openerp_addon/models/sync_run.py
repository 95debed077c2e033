# -*- coding: utf-8 -*-
"""A sync run: what one synchronization of one shop did, and how it ended.

The pipeline creates a run when it starts and closes it when it stops; people
read runs to see whether the scheduled action works and what it imported.
The totals are stored so the graph view and list sums can use them.
"""
from datetime import datetime

from openerp.osv import fields, orm
from openerp.tools import DEFAULT_SERVER_DATETIME_FORMAT as DATETIME

RUN_STATES = [
    ('running', 'Running'),
    ('done', 'Done'),
    ('failed', 'Failed'),
    ('yielded', 'Not run: another was running'),  # another run of the same shop held the lock
]
COUNTERS = ('created', 'updated', 'unchanged', 'failed', 'skipped')


class satchmo_sync_run(orm.Model):
    _name = 'satchmo.sync.run'
    _description = 'Satchmo sync run'
    _order = 'started_at desc, id desc'
    _rec_name = 'started_at'

    def _totals(self, cr, uid, ids, names, arg, context=None):
        result = dict((run_id, dict.fromkeys(names, 0)) for run_id in ids)
        for run in self.browse(cr, uid, ids, context=context):
            for count in run.count_ids:
                for counter in COUNTERS:
                    result[run.id]['total_' + counter] += getattr(
                        count, counter) or 0
        return result

    def _duration(self, cr, uid, ids, name, arg, context=None):
        result = {}
        for run in self.read(cr, uid, ids, ['started_at', 'ended_at'],
                             context=context):
            duration = 0.0
            if run['started_at'] and run['ended_at']:
                delta = (datetime.strptime(run['ended_at'], DATETIME)
                         - datetime.strptime(run['started_at'], DATETIME))
                duration = delta.days * 86400.0 + delta.seconds + \
                    delta.microseconds / 1e6
            result[run['id']] = duration
        return result

    def _runs_of_counts(self, cr, uid, ids, context=None):
        """Store trigger: the runs whose count rows changed."""
        return list(set(
            count['run_id'][0] for count in self.pool.get(
                'satchmo.sync.run.count').read(
                    cr, uid, ids, ['run_id'], context=context)
            if count['run_id']))

    def _self_ids(self, cr, uid, ids, context=None):
        return ids

    _total_store = {
        'satchmo.sync.run': (_self_ids, ['count_ids'], 10),
        'satchmo.sync.run.count': (_runs_of_counts, list(COUNTERS) + [
            'run_id'], 10),
    }

    def _total(label, fnct=_totals, store=_total_store):
        return fields.function(fnct, multi='totals', type='integer',
                               string=label, store=store)

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop',
                                      required=True, ondelete='cascade',
                                      select=True, readonly=True),
        'company_id': fields.related(
            'backend_id', 'company_id', type='many2one',
            relation='res.company', string='Company', store=True,
            readonly=True),
        'full': fields.boolean(
            'Full resync', readonly=True,
            help="Listed every object of the shop instead of reading the "
                 "change feed."),
        'timings': fields.text(
            'Timings', readonly=True,
            help="Where the run's time went, as JSON: seconds per resource and "
                 "per workflow step (order confirmation, invoice, validation, "
                 "voucher) with how often each ran."),
        'started_at': fields.datetime('Started', readonly=True, select=True),
        'ended_at': fields.datetime('Ended', readonly=True),
        'duration': fields.function(
            _duration, type='float', string='Duration (s)', digits=(16, 1),
            store={'satchmo.sync.run': (
                _self_ids, ['started_at', 'ended_at'], 10)}),
        'state': fields.selection(RUN_STATES, 'Outcome', required=True,
                                  readonly=True, select=True),
        'reason': fields.text(
            'Why it stopped', readonly=True,
            help="Why the run failed or yielded, in words for people."),
        'count_ids': fields.one2many('satchmo.sync.run.count', 'run_id',
                                     'Counts per resource', readonly=True),
        'total_created': _total('Created'),
        'total_updated': _total('Updated'),
        'total_unchanged': _total('Unchanged'),
        'total_failed': _total('Failed'),
        'total_skipped': _total('Skipped'),
    }
    del _total

    _defaults = {
        'state': 'running',
        'full': False,
        'started_at': lambda *a: datetime.utcnow().strftime(DATETIME),
    }

    def name_get(self, cr, uid, ids, context=None):
        if isinstance(ids, (int, long)):
            ids = [ids]
        return [(run.id, u'%s %s' % (run.backend_id.name, run.started_at or ''))
                for run in self.browse(cr, uid, ids, context=context)]
