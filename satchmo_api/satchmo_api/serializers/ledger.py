"""What reconciliation reads: per order its amounts, per object its id and marker.

The ERP's month-end check ("does OpenERP hold exactly what the shop sold and
was paid?") needs a handful of numbers per order, not the full payload with
items, addresses and status history: one query a page, whatever its size.
``paid`` is the sum of the order's completed payments (``OrderPayment``;
authorizations and pending payments are not money received), as the
connector registers them.

The id listings give, for a catalogue or customer resource, every id with a
cheap change marker: the newest feed ``seq`` of that object (null when the
feed never saw it, e.g. rows from before the app was installed). Two queries
a page: the ids, then the markers of those ids.
"""
from django.db import connection
from satchmo_store.shop.models import Order, OrderPayment

from satchmo_api.models import Change
from satchmo_api.serializers import formats

# Satchmo's Order.force_recalculate_total: total = sub_total - discount + shipping + tax,
# on exact amounts; the customer owes the total and the tax report sees the tax, each at
# the cent (half up, as formats.amount), so untaxed is their difference, never a cent off
_UNTAXED = "ROUND(%(t)s.total, 2) - ROUND(COALESCE(%(t)s.tax, 0), 2)"
_PAID = ("SELECT COALESCE(SUM(p.amount), 0) FROM %(p)s p WHERE p.order_id = %(t)s.id")


def ledger_rows(after_id, limit):
    """Up to ``limit`` + 1 orders after ``after_id``, as dicts of plain values (one query)."""
    names = {"t": Order._meta.db_table, "p": OrderPayment._meta.db_table}
    rows = (Order.objects.filter(pk__gt=after_id).order_by("pk")
            .extra(select={"untaxed": _UNTAXED % names, "paid": _PAID % names})
            .values("id", "status", "time_stamp", "untaxed", "tax", "total", "paid"))
    return list(rows[:limit + 1])


def ledger_entry(row, currency):
    return {"id": row["id"], "status": row["status"] or None,
            "time_stamp": formats.timestamp(row["time_stamp"]),
            "untaxed": formats.amount(row["untaxed"]), "tax": formats.amount(row["tax"]),
            "total": formats.amount(row["total"]), "paid": formats.amount(row["paid"]),
            "currency": currency}


def id_rows(serializer, after_id, limit):
    """Up to ``limit`` + 1 ids of a resource after ``after_id`` (one query)."""
    ids = (serializer.queryset().filter(pk__gt=after_id).order_by("pk")
           .values_list("pk", flat=True))
    return list(ids[:limit + 1])


def markers(resource, ids):
    """{id: newest published feed seq} for these ids of ``resource`` (one query)."""
    if not ids:
        return {}
    cursor = connection.cursor()
    cursor.execute("SELECT object_id, MAX(seq) FROM " + Change._meta.db_table +
                   " WHERE resource = %s AND object_id = ANY(%s) AND seq IS NOT NULL"
                   " GROUP BY object_id", [resource, list(ids)])
    return dict(cursor.fetchall())
