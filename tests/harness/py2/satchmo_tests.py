# -*- coding: utf-8 -*-
"""Run Satchmo's own tests the way ``manage.py test APP...`` does, recording each outcome.

usage: python satchmo_tests.py SETTINGS_MODULE RESULTS_JSON APP_LABEL...

Run from the demo store's folder (tests/shop) with the shop virtualenv's
Python 2.7. It is Django 1.3's own ``test`` command and its own
DjangoTestSuiteRunner (a test database made by syncdb on the configured
PostgreSQL server); two things are added, so that the peer suite can compare
two runs test by test rather than by their totals:

- the runner's result records every test's id and outcome, and the command
  writes them to RESULTS_JSON ({"tests": {id: {"outcome", "reason"}}});
- with PEER_INSTALL_CAPTURE=1, once the test database exists, satchmo_api's
  change capture is installed into it by its own management command
  (``satchmo_api_capture install``), as a shop owner would, when the
  installed satchmo_api has that command.

The test database needs the same Django 1.3 + psycopg2 >= 2.7 fix as the shop
suite (roll back before switching to autocommit): it is tests/shop/conftest.py's.
"""
import json
import os
import sys


def _last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def _runner_classes():
    from django.core.management import get_commands
    from django.core.management import call_command
    from django.test.simple import DjangoTestSuiteRunner
    from django.utils import unittest

    outcomes = {}

    class RecordingResult(unittest.TextTestResult):
        """unittest's text result that also keeps each test's outcome."""

        def _record(self, test, outcome, err=None):
            reason = _last_line(self._exc_info_to_string(err, test)) if err else ""
            outcomes[test.id()] = {"outcome": outcome, "reason": reason}

        def addSuccess(self, test):
            super(RecordingResult, self).addSuccess(test)
            self._record(test, "passed")

        def addFailure(self, test, err):
            super(RecordingResult, self).addFailure(test, err)
            self._record(test, "failed", err)

        def addError(self, test, err):
            super(RecordingResult, self).addError(test, err)
            self._record(test, "error", err)

        def addSkip(self, test, reason):
            super(RecordingResult, self).addSkip(test, reason)
            outcomes[test.id()] = {"outcome": "skipped", "reason": reason}

        def addExpectedFailure(self, test, err):
            super(RecordingResult, self).addExpectedFailure(test, err)
            self._record(test, "passed", err)

        def addUnexpectedSuccess(self, test):
            super(RecordingResult, self).addUnexpectedSuccess(test)
            outcomes[test.id()] = {"outcome": "failed", "reason": "unexpected success"}

    class RecordingRunner(DjangoTestSuiteRunner):
        """Django 1.3's runner with the recording result and, if asked, the capture."""

        def setup_databases(self, **kwargs):
            old = super(RecordingRunner, self).setup_databases(**kwargs)
            if os.environ.get("PEER_INSTALL_CAPTURE") == "1":
                if "satchmo_api_capture" in get_commands():
                    call_command("satchmo_api_capture", "install")
                    print >> sys.stderr, "peer: satchmo_api_capture install ran on the test db"
                else:
                    print >> sys.stderr, ("peer: satchmo_api has no satchmo_api_capture command;"
                                          " its signal capture is what runs")
            return old

        def run_suite(self, suite, **kwargs):
            runner = unittest.TextTestRunner(verbosity=self.verbosity, failfast=self.failfast,
                                             resultclass=RecordingResult)
            result = runner.run(suite)
            with open(os.environ["PEER_RESULTS_JSON"], "w") as out:
                json.dump({"tests": outcomes}, out, indent=1, sort_keys=True)
            return result

    return RecordingRunner


def main(argv):
    settings_module, results, labels = argv[1], argv[2], argv[3:]
    os.environ["PEER_RESULTS_JSON"] = os.path.abspath(results)
    project = os.getcwd()
    if project not in sys.path:
        sys.path.insert(0, project)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    import conftest  # noqa: F401  (patches Django 1.3's test database creation)
    from django.conf import settings
    from django.core.management import ManagementUtility
    # the test command finds its runner by dotted name: this script's own class
    globals()["RecordingRunner"] = _runner_classes()
    settings.TEST_RUNNER = "__main__.RecordingRunner"
    ManagementUtility(["manage.py", "test", "--noinput"] + labels).execute()


if __name__ == "__main__":
    main(sys.argv)
