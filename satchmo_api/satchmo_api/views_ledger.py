"""The reconciliation endpoints: the order ledger and the id listings.

Same token, same permission and same keyset pages (``after_id``/``limit``)
as the resource lists (views.py), but with bigger pages: a ledger row is a
few numbers, so a 10,000-order shop answers in a handful of requests.
"""
from l10n.l10n_settings import get_l10n_setting
from rest_framework.response import Response

from satchmo_api import pagination
from satchmo_api.errors import BadRequest
from satchmo_api.serializers import BY_NAME
from satchmo_api.serializers.ledger import id_rows, ledger_entry, ledger_rows, markers
from satchmo_api.views import ReadOnlyAPIView

LEDGER_DEFAULT_LIMIT = 1000
LEDGER_MAX_LIMIT = 5000
# orders have the ledger; every other paginated resource has an id listing
ID_RESOURCES = tuple(name for name in sorted(BY_NAME) if name != "orders")


def keyset(request):
    params = request.QUERY_PARAMS
    return (pagination.whole_number(params, "after_id", 0),
            pagination.limit_of(params, LEDGER_DEFAULT_LIMIT, LEDGER_MAX_LIMIT))


def answer(request, results, more, last_id):
    return Response({"results": results,
                     "next": pagination.next_url(request, last_id) if more else None})


class OrderLedger(ReadOnlyAPIView):
    """Per order: id, status, time_stamp, untaxed, tax, total, paid, currency."""

    def get(self, request):
        after, limit = keyset(request)
        rows = ledger_rows(after, limit)
        more = len(rows) > limit
        rows = rows[:limit]
        currency = get_l10n_setting("default_currency", default_value="USD")  # as shop/
        return answer(request, [ledger_entry(row, currency) for row in rows], more,
                      rows[-1]["id"] if rows else None)


class IdListing(ReadOnlyAPIView):
    """Every id of one resource with its change marker (newest feed seq, or null)."""

    def get(self, request, resource):
        if resource not in ID_RESOURCES:
            raise BadRequest("no id listing for %r; there are: %s"
                             % (resource, ", ".join(ID_RESOURCES)))
        after, limit = keyset(request)
        ids = id_rows(BY_NAME[resource](), after, limit)
        more = len(ids) > limit
        ids = ids[:limit]
        marks = markers(resource, ids)
        return answer(request, [{"id": i, "changed": marks.get(i)} for i in ids], more,
                      ids[-1] if ids else None)
