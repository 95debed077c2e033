# -*- coding: utf-8 -*-
"""The run record (satchmo.sync.run): opened first, closed last, in its own cursor.

A run is written through a cursor of its own and committed at once, so that
people see a running run, and a run that failed or was killed still leaves
its record (and its reason) behind, whatever happened to the import's
transactions.
"""
import json
import logging
import time
from datetime import datetime

from openerp.tools import DEFAULT_SERVER_DATETIME_FORMAT as DATETIME

from .progress import write_counts

_logger = logging.getLogger(__name__)


def stamp():
    return datetime.utcnow().strftime(DATETIME)


class RunLog(object):

    def __init__(self, cursors, uid, backend_id, full, context=None, partition=0):
        self.cursors = cursors
        self.uid = uid
        self.backend_id = backend_id
        self.full = full
        self.context = context or {}
        self.run_id = None
        self.started = time.time()
        self.forced_note = None
        self.partition = partition  # sync/partitions.py: 0 the shop's run, k + 1 partition k

    def start(self):
        with self.cursors.session() as (cr, pool):
            runs = pool.get('satchmo.sync.run')
            values = {'backend_id': self.backend_id, 'started_at': stamp(), 'state': 'running'}
            if 'full' in runs._columns:
                values['full'] = self.full
            if self.partition:
                values['partition'] = self.partition
            self.run_id = runs.create(cr, self.uid, values, context=self.context)
            backends = pool.get('satchmo.backend')
            if 'last_run_id' in backends._columns and not self.partition:
                backends.write(cr, self.uid, [self.backend_id], {'last_run_id': self.run_id},
                               context=self.context)
        return self.run_id

    def interrupted_runs(self):
        """Runs of this shop left 'running' by a server that died: say so (under the lock)."""
        with self.cursors.session() as (cr, pool):
            runs = pool.get('satchmo.sync.run')
            ids = runs.search(cr, self.uid, [('backend_id', '=', self.backend_id),
                                             ('state', '=', 'running'),
                                             ('partition', '=', self.partition),
                                             ('id', '!=', self.run_id)], context=self.context)
            if ids:
                runs.write(cr, self.uid, ids, {
                    'state': 'failed', 'ended_at': stamp(),
                    'reason': 'Interrupted: the server stopped during this run. The next run '
                              'went on from the last committed batch.'}, context=self.context)

    def mark_forced(self, red_lines):
        """A manager started this first sync past the checklist's red lines: keep them."""
        self.forced_note = u'Forced past the setup checklist: %s' % red_lines
        with self.cursors.session() as (cr, pool):
            pool.get('satchmo.sync.run').write(cr, self.uid, [self.run_id], {
                'forced': True, 'reason': self.forced_note}, context=self.context)

    def finish(self, state, reason=None, counts=None):
        notes = [self.forced_note, reason, counts is not None and counts.skip_note() or None]
        reason = u' '.join(note for note in notes if note) or None
        with self.cursors.session() as (cr, pool):
            values = {'state': state, 'ended_at': stamp(), 'reason': reason or False}
            runs = pool.get('satchmo.sync.run')
            if counts is not None:
                write_counts(cr, pool, self.uid, self.run_id, counts, context=self.context)
                if 'timings' in runs._columns:
                    values['timings'] = json.dumps(counts.timings(), sort_keys=True)
            runs.write(cr, self.uid, [self.run_id], values, context=self.context)
        _logger.info("satchmo: run %s of backend %s: %s in %.1fs%s", self.run_id,
                     self.backend_id, state, time.time() - self.started,
                     reason and ' (%s)' % reason or '')
