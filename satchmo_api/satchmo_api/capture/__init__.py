"""Change capture: PostgreSQL triggers on the Satchmo tables the API reads.

Each trigger writes its change-log rows (models.Change) in the statement
that changed the row, so in the shop's own transaction: no code path
(``QuerySet.update()``, raw SQL, ``loaddata``, a worker killed right after
a commit) can change a row without its feed entry, and a rolled back change
leaves none. The rules (which row marks which resource object) live in
``rules.py``; the SQL made from them, its installation and its check in
``triggers.py``. PostgreSQL only: on another database the API refuses to
serve (docs/api.rst, "Change capture").
"""
