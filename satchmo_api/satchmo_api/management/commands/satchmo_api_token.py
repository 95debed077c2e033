"""Create the API user and its token, or rotate the token, and print it.

    manage.py satchmo_api_token [--user erp-sync] [--rotate] [--grant-existing]

The API user is a plain user that cannot log in (unusable password, not
staff) holding ``satchmo_api.read_api``: the token is its only way in, and
the API only reads. An existing account that is a person's (staff,
superuser, or with a password) is refused: its token would read every
customer, order and payment, which that person may not be meant to see.
``--grant-existing`` gives it that access anyway, and says so.
"""
from optparse import make_option

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token

from satchmo_api.permissions import READ_API, may_read, read_api_permission

DEFAULT_USER = "erp-sync"
GRANTS = ("read access to every customer, address, order, invoice line and payment of "
          "the shop through the API (%s)" % READ_API)


def is_dedicated(user):
    """A user nobody logs in as: what this command creates."""
    return not (user.is_staff or user.is_superuser or user.has_usable_password())


class Command(BaseCommand):
    help = "Create or rotate the API token of the ERP's user and print it."
    option_list = BaseCommand.option_list + (
        make_option("--user", default=DEFAULT_USER, help="API user name (default %s)"
                    % DEFAULT_USER),
        make_option("--rotate", action="store_true", default=False,
                    help="replace an existing token (the old one stops working)"),
        make_option("--grant-existing", action="store_true", default=False,
                    help="let an existing staff or password account read the API"),
    )

    @transaction.commit_on_success
    def handle(self, *args, **options):
        user, created = User.objects.get_or_create(username=options["user"])
        if created:
            user.set_unusable_password()
            user.save()
        elif not may_read(user):
            if not (is_dedicated(user) or options["grant_existing"]):
                raise CommandError(
                    "user '%s' is an existing account that people log in with; a token for it "
                    "would grant %s. Use a dedicated user (the default %s), or pass "
                    "--grant-existing to grant it." % (user.username, GRANTS, DEFAULT_USER))
            self.stderr.write("granting user '%s' %s\n" % (user.username, GRANTS))
        user.user_permissions.add(read_api_permission())
        if options["rotate"]:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write("%s\n" % token.key)
