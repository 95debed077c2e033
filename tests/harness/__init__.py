"""Process control for the project's two real servers and their database.

One way to set up, start and stop PostgreSQL, the Satchmo shop and the
OpenERP server, shared by ``make demo``, ``make test``, the benchmark and the
end-to-end tests. Python 3 standard library only, so that it can bootstrap
the virtualenvs it then uses.
"""
