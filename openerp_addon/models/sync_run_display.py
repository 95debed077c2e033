# -*- coding: utf-8 -*-
"""A sync run as people read it: where the time went in words, not JSON.

Runs are written by the pipeline only; nobody creates one by hand (the views
offer no Create button).
"""
import json

from openerp.osv import fields, orm


def readable_timings(timings_json):
    """One line per resource and per order step, slowest first: "invoice: 51.7 s (177 times)"."""
    try:
        timings = json.loads(timings_json or '{}')
    except ValueError:
        return timings_json
    lines = []
    resources = sorted((timings.get('resources') or {}).items(), key=lambda item: -item[1])
    if resources:
        lines.append(u'Time per kind of object:')
        lines.extend(u'  %s: %.1f s' % (name, seconds) for name, seconds in resources)
    steps = sorted((timings.get('steps') or {}).items(), key=lambda item: -item[1]['seconds'])
    if steps:
        lines.append(u'Time per order step:')
        lines.extend(u'  %s: %.1f s (%d times)' % (name, step['seconds'], step['calls'])
                     for name, step in steps)
    return u'\n'.join(lines) or False


class satchmo_sync_run_display(orm.Model):
    _inherit = 'satchmo.sync.run'

    def _timings_text(self, cr, uid, ids, name, arg, context=None):
        return dict((run['id'], readable_timings(run['timings'])) for run in
                    self.read(cr, uid, ids, ['timings'], context=context))

    def _started_day(self, cr, uid, ids, name, arg, context=None):
        return dict((run['id'], (run['started_at'] or '')[:10] or False) for run in
                    self.read(cr, uid, ids, ['started_at'], context=context))

    def _self_ids(self, cr, uid, ids, context=None):
        return ids

    _columns = {
        # OpenERP 7 groups dates by month: the graph of runs over time groups by this day
        'started_day': fields.function(
            _started_day, type='char', size=10, string='Day', select=True,
            store={'satchmo.sync.run': (_self_ids, ['started_at'], 10)}),
        'timings_text': fields.function(
            _timings_text, type='text', string='Where the time went',
            help="Seconds per kind of object and per order step (confirmation, "
                 "invoice, validation, payment), slowest first."),
    }
