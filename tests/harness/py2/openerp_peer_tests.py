# -*- coding: utf-8 -*-
"""Run OpenERP's own tests of some modules with every installed module loaded (Python 2.7).

usage: python openerp_peer_tests.py CONF DB MODULE...

Why not ``-u MODULES --test-enable``: during an update OpenERP loads modules in
dependency order and runs each one's tests as soon as it is loaded, so the
tests of ``sale`` run before any module that depends on it (ours) is in the
registry; an override of ours (say of ``res.partner``) is not there yet. Here
the registry is loaded whole first, as a running server has it, then each
module's tests run the way ``openerp.modules.loading.load_test`` and
``run_unit_tests`` run them: the manifest's ``test`` files in one transaction
(``threading.currentThread().testing`` set, rolled back after), then the
module's ``fast_suite``/``checks`` unittests. Log lines are OpenERP's own
format and messages ("module M: loading F"), so the harness reads them as it
reads an update's log.
"""
import logging
import os
import sys
import threading

import openerp
from openerp import tools
from openerp.modules import module as openerp_module
from openerp.tools import assertion_report

_logger = logging.getLogger("openerp.modules.loading")


def run_test_files(registry, module):
    """The manifest's ``test`` files of ``module``, as load_test loads them."""
    info = openerp_module.load_information_from_description_file(module)
    report = assertion_report.assertion_report()
    cr = registry.db.cursor()
    try:
        threading.currentThread().testing = True
        for name in info.get("test", []):
            _logger.info("module %s: loading %s", module, name)
            with tools.file_open(os.path.join(module, name)) as fp:
                if name.endswith(".yml"):
                    tools.convert_yaml_import(cr, module, fp, "test", {}, "update", False, report)
                else:
                    tools.convert_xml_import(cr, module, fp, {}, "update", False, report)
    except Exception:
        _logger.exception("module %s: an exception occurred in a test", module)
    finally:
        threading.currentThread().testing = False
        cr.rollback()
        cr.close()
    if report.failures:
        _logger.error("module %s: %d assertion(s) failed", module, report.failures)


def main(conf, db, modules):
    tools.config.parse_config(["-c", conf, "-d", db, "--log-level=test", "--test-enable"])
    openerp.netsvc.init_logger()
    registry = openerp.modules.registry.RegistryManager.get(db)
    for module in modules:
        run_test_files(registry, module)
        openerp_module.run_unit_tests(module)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
