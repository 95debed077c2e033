"""Who may read: the shop's API user, presenting its token, with safe methods.

A token alone is not enough: the shop may hand tokens to customers for
another purpose, or a staff user may add one in the admin, and the API
shows every customer, order and payment. The user must hold
``satchmo_api.read_api`` itself or through a group; ``satchmo_api_token``
grants it to the user it creates. A superuser is not let in by being one:
Django's ``is_superuser`` shortcut would open the API to every admin
account's token, so the permission must be given explicitly there too.

Methods are checked before credentials (views.ReadOnlyAPIView.initial):
a write is refused with 405 whoever asks, so no token can ever write.
"""
from django.contrib.auth.models import Permission
from django.db.models import Q
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated

AUTHENTICATION = (TokenAuthentication,)
ALLOWED_METHODS = tuple(SAFE_METHODS)  # GET, HEAD, OPTIONS
APP_LABEL, CODENAME = "satchmo_api", "read_api"
READ_API = "%s.%s" % (APP_LABEL, CODENAME)


def read_api_permission():
    return Permission.objects.get(content_type__app_label=APP_LABEL, codename=CODENAME)


def may_read(user):
    """Whether ``user`` holds read_api explicitly (its own or a group's): one query."""
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user),
        content_type__app_label=APP_LABEL, codename=CODENAME).exists()


class ReadOnlyToken(IsAuthenticated):
    """Authenticated by token, allowed to read the API, and asking to read."""

    message = ("this token's user may not read the shop API: it needs the %s permission "
               "(manage.py satchmo_api_token creates such a user)" % READ_API)

    def has_permission(self, request, view):
        if not (request.method in ALLOWED_METHODS
                and super(ReadOnlyToken, self).has_permission(request, view)):
            return False
        if not may_read(request.user):
            raise PermissionDenied(self.message)
        return True


PERMISSIONS = (ReadOnlyToken,)
