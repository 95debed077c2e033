# -*- coding: utf-8 -*-
"""Read the next page from the shop while the current one is imported.

The import of a page takes seconds (the ORM's per-record work); fetching the
next page takes a network round trip or more. Run one after the other, every
page pays both; with the next page fetched in a background thread, a shop
50 ms away costs (almost) nothing more than one on the same host.

Only HTTP happens in the thread: it never touches a database cursor, and it
gets a client of its own when the real client is used (a requests session is
not meant to be shared between threads). An error in the thread (the shop
went away) is raised in the importing thread when it asks for that page, so
the run stops exactly as it would have without prefetching.
"""
import sys
import threading


class Prefetched(object):
    """Iterate ``pages`` (any iterator) one item ahead, in a background thread."""

    def __init__(self, pages):
        self._pages = iter(pages)
        self._box = None
        self._thread = None
        self._ask()

    def _ask(self):
        box = {}

        def work():
            try:
                box['page'] = next(self._pages)
            except StopIteration:
                box['done'] = True
            except BaseException:  # handed to the importing thread
                box['error'] = sys.exc_info()

        self._box = box
        self._thread = threading.Thread(target=work, name='satchmo-prefetch')
        self._thread.daemon = True
        self._thread.start()

    def __iter__(self):
        return self

    def next(self):
        if self._thread is None:
            raise StopIteration
        self._thread.join()
        box = self._box
        if 'error' in box:
            self._thread = None
            error = box['error']
            raise error[0], error[1], error[2]
        if 'done' in box:
            self._thread = None
            raise StopIteration
        self._ask()
        return box['page']

    __next__ = next
