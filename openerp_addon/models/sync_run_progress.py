# -*- coding: utf-8 -*-
"""A run's live progress: how much is done, of how much, how fast, until when.

Written by the pipeline after every committed batch (sync/progress.py), so
the form and the list of a running run show it while it imports, and a run
killed mid-way keeps what it had committed.
"""
from openerp.osv import fields, orm

UNITS = [('changes', 'changes of the feed'), ('objects', 'objects listed')]


class satchmo_sync_run_progress(orm.Model):
    _inherit = 'satchmo.sync.run'

    def _progress_text(self, cr, uid, ids, name, arg, context=None):
        result = {}
        labels = dict(UNITS)
        for run in self.read(cr, uid, ids, ['progress_unit', 'progress_done', 'progress_total',
                                           'progress_rate', 'progress_eta', 'state'],
                             context=context):
            if not run['progress_unit']:
                result[run['id']] = False
                continue
            text = u'%d' % run['progress_done']
            if run['progress_total']:  # 0 (NULL) while unknown
                text += u' of %d' % run['progress_total']
            text += u' %s, %.1f per second' % (labels[run['progress_unit']],
                                               run['progress_rate'] or 0.0)
            if run['state'] == 'running' and run['progress_eta']:
                text += u', estimated end %s (UTC)' % run['progress_eta']
            result[run['id']] = text
        return result

    _columns = {
        'progress': fields.float(
            'Progress (%)', readonly=True, digits=(16, 1),
            help="Share of the run's work committed so far, when the amount of work is "
                 "known (a full listing asks the shop; the feed says how much remains)."),
        'progress_unit': fields.selection(UNITS, 'Counting', readonly=True),
        'progress_done': fields.integer('Done so far', readonly=True),
        'progress_total': fields.integer(
            'Of', readonly=True, help="0 while the amount of work is not known."),
        'progress_rate': fields.float('Per second', readonly=True, digits=(16, 1)),
        'progress_eta': fields.datetime(
            'Estimated end', readonly=True,
            help="When the run should end at the rate it has had so far."),
        'progress_text': fields.function(_progress_text, type='char', string='Progress so far'),
    }
    _defaults = {'progress': 0.0, 'progress_done': 0}


class satchmo_sync_run_count_progress(orm.Model):
    _inherit = 'satchmo.sync.run.count'

    _columns = {
        'listed_total': fields.integer(
            'Of (listed)', readonly=True,
            help="How many objects the shop listed for this resource (full listings only)."),
    }
