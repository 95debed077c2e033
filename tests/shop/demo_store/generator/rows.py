# -*- coding: utf-8 -*-
"""Writing model instances many rows per statement (Django 1.3 has no bulk_create).

``Rows(model)`` hands out primary keys from the table's own sequence (so
Satchmo's code can key discounts by line id before anything is written, and
ids look like the ones the ORM gives) and collects instances; ``write()``
inserts them with multi-row ``INSERT ... VALUES (...), (...)`` statements
(psycopg2's execute_values: ``executemany`` would still send one statement
per row). The values are the ones Django's own
``save()`` would send: each field's ``pre_save`` and ``get_db_prep_save``,
in the model's field order. The change-feed triggers of satchmo_api fire
on these INSERTs as on the ORM's, row by row, in the same transaction.
"""
from django.db import connection
from psycopg2.extras import execute_values

ID_BLOCK = 500
ROWS_PER_STATEMENT = 500


class Rows(object):
    def __init__(self, model):
        self.model = model
        meta = model._meta
        self.fields = meta.local_fields
        self.sequence = "%s_%s_seq" % (meta.db_table, meta.pk.column)
        quote = connection.ops.quote_name
        self.sql = "INSERT INTO %s (%s) VALUES %%s" % (
            quote(meta.db_table), ", ".join(quote(f.column) for f in self.fields))
        self.pending = []
        self._ids = []
        self._last_given = None
        self.written = 0

    def next_id(self):
        if not self._ids:
            cursor = connection.cursor()
            cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)",
                           [self.sequence, ID_BLOCK])
            self._ids = [value for value, in cursor.fetchall()]
            self._ids.reverse()
        return self._ids.pop()

    def add(self, instance):
        """Give ``instance`` its id now; it is written at the next ``write()``."""
        instance.pk = self._last_given = self.next_id()
        self.pending.append(instance)
        return instance

    def write(self):
        if not self.pending:
            return
        params = [[field.get_db_prep_save(field.pre_save(instance, True), connection=connection)
                   for field in self.fields] for instance in self.pending]
        execute_values(connection.cursor().cursor, self.sql, params,
                       page_size=ROWS_PER_STATEMENT)
        self.written += len(self.pending)
        self.pending = []

    def give_back(self):
        """Return the ids drawn but not handed out to the sequence (it then goes on
        after the last id used, as after the ORM's own inserts). Only right while
        nothing else draws from that sequence, as in the generator."""
        if self._ids and self._last_given is not None:
            connection.cursor().execute("SELECT setval(%s, %s)",
                                        [self.sequence, self._last_given])
            self._ids = []
