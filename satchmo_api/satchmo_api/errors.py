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


CODES = (
    (exceptions.NotAuthenticated, "not_authenticated"),
    (exceptions.AuthenticationFailed, "authentication_failed"),
    (exceptions.MethodNotAllowed, "method_not_allowed"),
    (exceptions.PermissionDenied, "permission_denied"),
    (exceptions.ParseError, "bad_request"),
    (BadRequest, "bad_request"),
    (CursorPruned, "cursor_pruned"),
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
            extra = {"horizon": exc.horizon} if isinstance(exc, CursorPruned) else {}
            headers = {}
            if getattr(exc, "auth_header", None):
                headers["WWW-Authenticate"] = exc.auth_header
            return Response(error_body(code, u"%s" % exc.detail, **extra),
                            status=exc.status_code, headers=headers)
    if isinstance(exc, exceptions.APIException):
        return Response(error_body("error", u"%s" % exc.detail), status=exc.status_code)
    return None
