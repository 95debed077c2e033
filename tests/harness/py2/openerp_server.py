# -*- coding: utf-8 -*-
"""Start OpenERP 7's server the way ``openerp-server`` does (Python 2.7).

The only difference: ``openerp-server`` aborts when run as root ("Running as
user 'root' is a security risk"). CI and development sessions on this image run
as root, so this launcher disables that one check and nothing else; every
other start-up check, option and behaviour is OpenERP's own. PostgreSQL still
runs as its own user and OpenERP still connects as a non-superuser role.
"""
import openerp.cli
import openerp.cli.server


def _allow_root():
    """Stands in for ``openerp.cli.server.check_root_user``."""


if __name__ == "__main__":
    openerp.cli.server.check_root_user = _allow_root
    openerp.cli.main()
