"""Every error the API answers is JSON ``{"error": <code>, "detail": <text>}``.

The ERP tells a bad token (401) from a bad request (400) from a shop that
is down (no answer) by status code, and logs ``detail`` for people.
"""
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response


class BadRequest(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST


class CursorPruned(exceptions.APIException):
    """The client's cursor is below the pruning horizon: only a resync helps."""
    status_code = status.HTTP_410_GONE

    def __init__(self, horizon):
        self.horizon = horizon
        super(CursorPruned, self).__init__(
            "changes up to seq %d were pruned; run a full resync" % horizon)


class CursorAhead(exceptions.APIException):
    """The client's cursor is above every number this feed handed out: it
    was kept from another shop database (a restore, a copy), and reading on
    would silently skip the changes numbered up to it here."""
    status_code = status.HTTP_409_CONFLICT

    def __init__(self, after, head):
        self.head = head
        super(CursorAhead, self).__init__(
            "cursor %d is ahead of this feed's newest change %d: the shop database is not "
            "the one the cursor came from; run a full resync" % (after, head))


class CaptureMissing(exceptions.APIException):
    """The change-capture triggers are missing or stale: the feed would miss
    changes, so the API serves nothing until they are installed."""
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE

    def __init__(self, problems):
        super(CaptureMissing, self).__init__(
            "change capture is not installed as this version needs (%s); run "
            "manage.py satchmo_api_capture install" % "; ".join(problems))


CODES = (
    (exceptions.NotAuthenticated, "not_authenticated"),
    (exceptions.AuthenticationFailed, "authentication_failed"),
    (exceptions.MethodNotAllowed, "method_not_allowed"),
    (exceptions.PermissionDenied, "permission_denied"),
    (exceptions.ParseError, "bad_request"),
    (BadRequest, "bad_request"),
    (CursorPruned, "cursor_pruned"),
    (CursorAhead, "cursor_ahead"),
    (CaptureMissing, "capture_missing"),
    (exceptions.Throttled, "throttled"),
)


def error_body(code, detail, **extra):
    body = {"error": code, "detail": detail}
    body.update(extra)
    return body


def exception_response(exc):
    """The JSON answer for ``exc``, or None to let Django answer 500."""
    if isinstance(exc, Http404):
        return Response(error_body("not_found", "Not found"), status=status.HTTP_404_NOT_FOUND)
    for kind, code in CODES:
        if isinstance(exc, kind):
            extra = dict((name, getattr(exc, name)) for name in ("horizon", "head")
                         if hasattr(exc, name))
            headers = {}
            if getattr(exc, "auth_header", None):
                headers["WWW-Authenticate"] = exc.auth_header
            return Response(error_body(code, u"%s" % exc.detail, **extra),
                            status=exc.status_code, headers=headers)
    if isinstance(exc, exceptions.APIException):
        return Response(error_body("error", u"%s" % exc.detail), status=exc.status_code)
    return None
