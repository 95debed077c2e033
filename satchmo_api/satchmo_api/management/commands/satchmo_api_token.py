"""Create the API user and its token, or rotate the token, and print it.

    manage.py satchmo_api_token [--user erp-sync] [--rotate]

The API user is a plain, inactive-for-login user (unusable password, not
staff): the token is its only way in, and the API only reads.
"""
from optparse import make_option

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction
from rest_framework.authtoken.models import Token

DEFAULT_USER = "erp-sync"


class Command(BaseCommand):
    help = "Create or rotate the API token of the ERP's user and print it."
    option_list = BaseCommand.option_list + (
        make_option("--user", default=DEFAULT_USER, help="API user name (default %s)"
                    % DEFAULT_USER),
        make_option("--rotate", action="store_true", default=False,
                    help="replace an existing token (the old one stops working)"),
    )

    @transaction.commit_on_success
    def handle(self, *args, **options):
        user, created = User.objects.get_or_create(username=options["user"])
        if created:
            user.set_unusable_password()
            user.save()
        if options["rotate"]:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write("%s\n" % token.key)
