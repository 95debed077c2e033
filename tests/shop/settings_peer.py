# -*- coding: utf-8 -*-
"""The demo store's settings for Satchmo's own tests (the peer suite), with satchmo_api.

Only tests/harness/peer.py uses it. One difference from settings.py, so that
Satchmo's tests test Satchmo rather than the demo's empty ADMINS: the store
their fixtures make has no e-mail address, and Satchmo's mail (registration,
contact form, payment notices) then falls back to ``ADMINS[0]``, which the
demo store leaves empty (eight of Satchmo's tests fail on IndexError).
"""
from settings import *  # noqa: F401,F403

ADMINS = (("Satchmo test shop", "shop@example.com"),)
MANAGERS = ADMINS
