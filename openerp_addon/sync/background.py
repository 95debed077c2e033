# -*- coding: utf-8 -*-
"""Runs started from a button go on in a thread of their own, not in the browser's request.

A first synchronization of a big shop takes minutes: inside the request it
would time the page out (and hold a worker). The button starts a thread
with its own cursors (the pipeline commits in batches through
DatabaseCursors anyway), waits only until the run record exists, and opens
it; the run's form then shows its progress and its outcome.

The thread lives in the OpenERP server process: in prefork mode
(``--workers``) it is bound by the worker's limit_time_cpu / limit_time_real
like any request; a run cut short there is recorded as interrupted and the
next one resumes from the last committed batch.
"""
import logging
import threading

from .cursors import DatabaseCursors

_logger = logging.getLogger(__name__)

# How long the button waits for the run record (the lock and the first request come after).
START_TIMEOUT = 30


class NotStarted(Exception):
    """The thread could not even open the run record."""


def start_run(dbname, uid, backend_id, full=False, context=None, timeout=START_TIMEOUT):
    """Start a run of one shop in a new thread; returns its satchmo.sync.run id at once."""
    from . import pipeline
    opened = threading.Event()
    outcome = {}

    def on_start(run_id):
        outcome['run_id'] = run_id
        opened.set()

    def work():
        threading.current_thread().dbname = dbname  # OpenERP's log lines name the database
        try:
            pipeline.run_sync(None, uid, backend_id, full=full, context=context,
                              cursors=DatabaseCursors(dbname), on_start=on_start)
        except Exception as error:
            # The pipeline records (and logs) what fails once its run exists; this is what
            # failed before: the button shows it to the person who pressed it.
            _logger.warning("satchmo: background run of backend %s did not start: %s",
                            backend_id, error, exc_info=True)
            outcome['error'] = u'%s: %s' % (type(error).__name__, error)
        finally:
            opened.set()

    thread = threading.Thread(target=work, name='satchmo-sync-%s' % backend_id)
    thread.daemon = True
    thread.start()
    opened.wait(timeout)
    if 'run_id' not in outcome:
        raise NotStarted(outcome.get('error') or
                         u'the run did not start within %d seconds' % timeout)
    return outcome['run_id']
