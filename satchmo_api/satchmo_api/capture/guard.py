"""The API serves only while change capture is installed and current.

A feed without its triggers would look healthy and silently miss changes,
which is worse than no answer: the API answers 503 ``capture_missing``
(saying what is missing and the command that fixes it) until
``satchmo_api_capture install`` has run. Checked once per process, on the
first request, and remembered once good: triggers dropped while the shop
runs are seen by ``satchmo_api_capture check`` and at the next restart.
"""
from satchmo_api.capture import triggers
from satchmo_api.errors import CaptureMissing

_installed = []


def refuse_unless_installed():
    if _installed:
        return
    found = triggers.problems()
    if found:
        raise CaptureMissing(found)
    _installed.append(True)


def forget():
    """Check again on the next request (tests drop and reinstall triggers)."""
    del _installed[:]
