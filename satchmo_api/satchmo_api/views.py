"""Read-only API views: the root, one list view per resource, payment
modules, and the change feed.

Every view refuses a method other than GET/HEAD/OPTIONS with 405 *before*
authenticating (DRF checks credentials first), and answers errors as JSON
``{"error", "detail"}`` (errors.py).
"""
import logging
import sys

from django.core.urlresolvers import reverse
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.response import Response
from rest_framework.views import APIView

from satchmo_api import feed, pagination
from satchmo_api.capture import guard
from satchmo_api.errors import CursorAhead, CursorPruned, error_body, exception_response
from satchmo_api.permissions import ALLOWED_METHODS, AUTHENTICATION, PERMISSIONS
from satchmo_api.serializers import BY_NAME, PAGINATED
from satchmo_api.serializers.payment_modules import payment_modules
from satchmo_api.serializers.shop import shop

# Django's own logger for failed requests: the shop's mail_admins handler
# and error logs keep receiving what the API hides from its JSON answer.
request_log = logging.getLogger("django.request")

FEED_DEFAULT_LIMIT = 500
FEED_MAX_LIMIT = 5000


class ReadOnlyAPIView(APIView):
    authentication_classes = AUTHENTICATION
    permission_classes = PERMISSIONS

    def initial(self, request, *args, **kwargs):
        if request.method not in ALLOWED_METHODS:
            raise MethodNotAllowed(request.method)
        super(ReadOnlyAPIView, self).initial(request, *args, **kwargs)
        guard.refuse_unless_installed()

    def handle_exception(self, exc):
        if hasattr(exc, "status_code") and exc.status_code == 401:
            exc.auth_header = self.get_authenticate_header(self.request)
        response = exception_response(exc)
        if response is None:
            # The traceback goes to the shop's log, never to the client: an
            # exception's text may hold a query, a setting or a secret.
            request_log.error("Internal Server Error: %s", self.request.path,
                              exc_info=sys.exc_info(),
                              extra={"status_code": 500, "request": self.request})
            response = Response(error_body("server_error",
                                           "the shop failed to answer; see its error log"),
                                status=500)
        response.exception = True
        return response


class ApiRoot(ReadOnlyAPIView):
    """The versioned root: where every resource and the change feed are."""

    def get(self, request):
        names = [serializer.name for serializer in PAGINATED] + ["payment_modules"]
        links = dict((name, request.build_absolute_uri(reverse("satchmo_api_" + name)))
                     for name in names)
        links["changes"] = request.build_absolute_uri(reverse("satchmo_api_changes"))
        links["shop"] = request.build_absolute_uri(reverse("satchmo_api_shop"))
        links["ledger"] = request.build_absolute_uri(reverse("satchmo_api_ledger"))
        return Response(links)


class ShopDetail(ReadOnlyAPIView):
    """The shop's name and currency (serializers/shop.py)."""

    def get(self, request):
        return Response(shop())


class ResourceList(ReadOnlyAPIView):
    """A page of one resource, by ``after_id``/``limit`` or by ``ids``."""
    resource = None

    def get(self, request):
        serializer = BY_NAME[self.resource]()
        queryset = serializer.queryset()
        rows, next_after = pagination.page(queryset, request.QUERY_PARAMS)
        body = {"results": serializer.page(rows),
                "next": pagination.next_url(request, next_after)}
        if pagination.is_first_page(request.QUERY_PARAMS):
            body["total"] = queryset.count()  # what a full listing is about to go through
        return Response(body)


class PaymentModuleList(ReadOnlyAPIView):
    """Every payment module the shop has, in one page."""

    def get(self, request):
        return Response({"results": payment_modules(), "next": None})


class ChangeList(ReadOnlyAPIView):
    """The change feed: what changed after the client's cursor."""

    def get(self, request):
        params = request.QUERY_PARAMS
        after = pagination.whole_number(params, "after", 0)
        limit = pagination.limit_of(params, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT)
        changes, has_more, horizon, head = feed.read(after, limit)
        if after < horizon:
            raise CursorPruned(horizon)
        if after > head:
            raise CursorAhead(after, head)
        last_seq = changes[-1]["seq"] if changes else after
        # published numbers have no gaps above the horizon: what is left to read
        return Response({"results": changes, "last_seq": last_seq,
                         "has_more": has_more, "horizon": horizon,
                         "remaining": max(head - last_seq, 0)})


class ChangeHead(ReadOnlyAPIView):
    """The newest cursor a client may store before a full resync."""

    def get(self, request):
        return Response({"last_seq": feed.head()})


class NotFound(ReadOnlyAPIView):
    """Anything else under the API: a JSON 404 (or 405 for a write)."""

    def get(self, request, *args):
        return Response({"error": "not_found", "detail": "Not found"}, status=404)
