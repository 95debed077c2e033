# -*- coding: utf-8 -*-
"""A run's progress, written as its batches commit (not only when it ends).

A first sync of a big shop runs for a long time: its record shows, after
every committed batch, the counts per resource so far, how much of the
work is done of how much (a full listing asks the shop how many objects
each resource holds; the change feed says how many changes remain after
each page), the rate and an estimated end. The write goes through a
session of its own, right after the batch committed, so it says only what
is committed: a run killed mid-way keeps the counts of what it committed.

The server log says the same, at most once every ``LOG_EVERY`` seconds.
"""
import logging
import time
from datetime import datetime, timedelta

from openerp.tools import DEFAULT_SERVER_DATETIME_FORMAT as DATETIME

_logger = logging.getLogger(__name__)

LOG_EVERY = 10.0  # seconds between two progress lines of one run in the server log


def write_counts(cr, pool, uid, run_id, counts, totals=None, context=None):
    """Make the run's count rows say ``counts`` (one row per resource, updated in place)."""
    count_model = pool.get('satchmo.sync.run.count')
    existing = dict((row['resource'], row['id']) for row in count_model.read(
        cr, uid, count_model.search(cr, uid, [('run_id', '=', run_id)], context=context),
        ['resource'], context=context))
    totals = totals or {}
    for resource in sorted(set(counts.by_resource) | set(totals)):
        values = dict(counts.by_resource.get(resource) or {},
                      seconds=round(counts.seconds.get(resource, 0.0), 3))
        if resource in totals:
            values['listed_total'] = totals[resource]
        if resource in existing:
            count_model.write(cr, uid, [existing[resource]], values, context=context)
        else:
            count_model.create(cr, uid, dict(values, run_id=run_id, resource=resource),
                               context=context)


class Silent(object):
    """No run record to update (a retry of chosen rows): progress goes nowhere."""

    totals = None

    def feed_page(self, page):
        pass

    def listing(self, totals):
        pass

    def committed(self, counts, advanced):
        pass


class Progress(Silent):
    """What one run has done so far, of how much, written to its record per batch."""

    def __init__(self, cursors, uid, run_id, backend_id, context=None, clock=time.time):
        self.cursors = cursors
        self.uid = uid
        self.run_id = run_id
        self.backend_id = backend_id
        self.context = context or {}
        self.clock = clock
        self.unit = None       # 'changes' (feed) or 'objects' (full listing)
        self.done = 0
        self.total = None      # None while unknown
        self.totals = None     # per resource, for a full listing
        self.started = None    # when the import of the first batch began
        self.logged = None

    def feed_page(self, page):
        """A feed page is about to be imported: the feed says how many changes remain after it."""
        self._begin('changes')
        remaining = page.get('remaining')
        if remaining is not None:
            self.total = self.done + len(page.get('results') or []) + int(remaining)

    def listing(self, totals):
        """A full listing begins: ``totals`` is how many objects each resource holds (or None)."""
        self._begin('objects')
        self.done = 0
        self.totals = dict((r, n) for r, n in (totals or {}).items() if n is not None)
        known = totals and all(n is not None for n in totals.values())
        self.total = sum(self.totals.values()) if known else None

    def _begin(self, unit):
        if self.started is None:
            self.started = self.clock()
        self.unit = unit

    def committed(self, counts, advanced):
        """A batch committed: ``advanced`` more changes/objects are done; write and log it."""
        self.done += advanced
        if self.total is not None and self.done > self.total:
            self.total = self.done  # changes arrived while we read: the feed says so next page
        values = self.figures()
        try:
            with self.cursors.session() as (cr, pool):
                write_counts(cr, pool, self.uid, self.run_id, counts, self.totals,
                             context=self.context)
                pool.get('satchmo.sync.run').write(cr, self.uid, [self.run_id], values,
                                                   context=self.context)
        except Exception:
            # the batch itself is committed: a progress line that could not be written
            # (a person editing the run at that instant) must not stop the run
            _logger.warning("satchmo: could not write the progress of run %s", self.run_id,
                            exc_info=True)
        self._log(values)

    def figures(self):
        """The run's progress fields now: done, of how many, rate per second, estimated end."""
        now = self.clock()
        elapsed = max(now - (self.started or now), 0.001)
        rate = self.done / elapsed
        values = {'progress_unit': self.unit or False, 'progress_done': self.done,
                  'progress_total': self.total if self.total is not None else False,
                  'progress_rate': round(rate, 2), 'progress': 0.0, 'progress_eta': False}
        if self.total is not None:
            values['progress'] = (round(100.0 * self.done / self.total, 1)
                                  if self.total else 100.0)
            if rate > 0:
                left = (self.total - self.done) / rate
                values['progress_eta'] = (datetime.utcnow() + timedelta(seconds=left)
                                          ).strftime(DATETIME)
        return values

    def _log(self, values):
        now = self.clock()
        if self.logged is not None and now - self.logged < LOG_EVERY:
            return
        self.logged = now
        of = (u' of %d (%.0f%%)' % (self.total, values['progress'])
              if self.total is not None else u'')
        end = (u', ends about %s UTC' % values['progress_eta'][11:]
               if values['progress_eta'] else u'')
        _logger.info(u"satchmo: run %s of backend %s: %d %s%s done, %.1f per second%s",
                     self.run_id, self.backend_id, self.done, self.unit or u'objects', of,
                     values['progress_rate'], end)
