"""Who may read: a user presenting a token, and only with safe methods.

Methods are checked before credentials (views.ReadOnlyAPIView.initial):
a write is refused with 405 whoever asks, so no token can ever write.
"""
from rest_framework.authentication import TokenAuthentication
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated

AUTHENTICATION = (TokenAuthentication,)
ALLOWED_METHODS = tuple(SAFE_METHODS)  # GET, HEAD, OPTIONS


class ReadOnlyToken(IsAuthenticated):
    """Authenticated by token, and asking to read."""

    def has_permission(self, request, view):
        return (request.method in ALLOWED_METHODS
                and super(ReadOnlyToken, self).has_permission(request, view))


PERMISSIONS = (ReadOnlyToken,)
