"""The change log: with deleted_items.py, the only tables this app writes.

Satchmo's models carry no "modified" timestamp, so the ERP cannot ask "what
changed since my last sync". Every insert, update or delete of a row a
resource shows writes one ``Change`` row (PostgreSQL triggers, see
capture/), in the same transaction as the change itself, and the feed
(views.ChangeList) hands these rows out in ``seq`` order.

Why two numbers: a number drawn when a row is *inserted* follows insert
order, not commit order, so a later number could commit before an earlier one
and a client's cursor would jump over it. So a row is inserted with ``seq``
NULL (its ``id`` only orders rows internally) and gets its public ``seq`` when
it is *published*: the feed numbers committed rows, one publisher at a time,
each above every number handed out before (see feed.py). A number, once
visible, can never be followed by a smaller one.
"""
from django.db import models

class Change(models.Model):
    """One change of one resource object, in commit-safe order."""

    UPSERT = "upsert"
    DELETE = "delete"
    OPERATIONS = ((UPSERT, "upsert"), (DELETE, "delete"))

    id = models.AutoField(primary_key=True)
    seq = models.BigIntegerField(null=True, unique=True)
    resource = models.CharField(max_length=32)
    object_id = models.IntegerField()
    operation = models.CharField(max_length=6, choices=OPERATIONS)
    txid = models.BigIntegerField(db_index=True)
    created = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ("seq",)
        # Reading the API reads every customer, order and payment: a token
        # alone is not enough (permissions.py).
        permissions = (("read_api", "Can read the shop API"),)

    def __unicode__(self):
        return u"%s %s %s/%s" % (self.seq, self.operation, self.resource, self.object_id)


class FeedHorizon(models.Model):
    """Single row: changes at or below ``seq`` were pruned.

    Kept apart from the log because after pruning nothing in the log says
    how far it went, and a client whose cursor is below it must resync.
    """

    seq = models.IntegerField(default=0)


class PriceCalendar(models.Model):
    """Single row: the last day whose price expiries were published.

    A price row whose ``expires`` has passed changes what Satchmo charges
    without any row changing; ``satchmo_api_timed_prices`` (the shop's daily
    cron) publishes the products whose prices stopped since this day, so a
    missed cron run is caught up by the next one.
    """

    last_day = models.DateField()


from satchmo_api.deleted_items import DeletedOrderItem  # noqa: its table and signal
