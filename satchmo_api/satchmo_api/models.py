"""The change log: the only tables this app writes.

Satchmo's models carry no "modified" timestamp, so the ERP cannot ask "what
changed since my last sync". Every save or delete of a model a resource
shows writes one ``Change`` row (see signals.py), in the same transaction
as the change itself, and the feed (views/changes.py) hands these rows out
in ``seq`` order.

Why ``txid`` and ``bound``: a sequence number is taken when the row is
inserted, not when its transaction commits, so a later ``seq`` can commit
before an earlier one. ``bound`` is the first unassigned PostgreSQL
transaction id *after* this row's ``seq`` was drawn: every transaction that
could hold an earlier ``seq`` has a txid below it. Once the reader's
snapshot xmin reaches ``bound``, all of them have committed or rolled back
and nothing below this ``seq`` can still appear (see feed.py).
"""
from django.db import models

# The Satchmo models import the signal table, which imports these models:
# connecting at the bottom of this module is Django 1.3's only "ready" hook.


class Change(models.Model):
    """One change of one resource object, in commit-safe order."""

    UPSERT = "upsert"
    DELETE = "delete"
    OPERATIONS = ((UPSERT, "upsert"), (DELETE, "delete"))

    seq = models.AutoField(primary_key=True)
    resource = models.CharField(max_length=32)
    object_id = models.IntegerField()
    operation = models.CharField(max_length=6, choices=OPERATIONS)
    txid = models.BigIntegerField(db_index=True)
    bound = models.BigIntegerField(null=True, db_index=True)
    created = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ("seq",)

    def __unicode__(self):
        return u"%s %s %s/%s" % (self.seq, self.operation, self.resource, self.object_id)


class FeedHorizon(models.Model):
    """Single row: changes at or below ``seq`` were pruned.

    Kept apart from the log because after pruning nothing in the log says
    how far it went, and a client whose cursor is below it must resync.
    """

    seq = models.IntegerField(default=0)


from satchmo_api import signals  # noqa: E402,F401  (connects the change rules)
