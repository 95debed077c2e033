"""Install, upgrade or check the change-capture triggers.

    manage.py satchmo_api_capture install   # create or replace them (idempotent)
    manage.py satchmo_api_capture check     # exit 1, saying what, if missing or stale

``syncdb`` installs them too (management/__init__.py). Run ``install``
after upgrading the app, then restart the shop: the API checks them once
per process and refuses to serve while they are missing or stale.
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from satchmo_api.capture import triggers


class Command(BaseCommand):
    args = "install|check"
    help = "Install (or upgrade) the change-capture triggers, or check them."

    def handle(self, *args, **options):
        if len(args) != 1 or args[0] not in ("install", "check"):
            raise CommandError("usage: satchmo_api_capture install|check")
        if args[0] == "install":
            self.install()
        found = triggers.problems()
        transaction.commit_unless_managed()
        if found:
            raise CommandError("change capture is not installed as this version needs:\n  " +
                               "\n  ".join(found) +
                               "\nrun: manage.py satchmo_api_capture install")
        self.stdout.write("change capture: triggers installed and current\n")

    @transaction.commit_on_success
    def install(self):
        if triggers.unsupported():
            raise CommandError(triggers.unsupported())
        count = triggers.install()
        self.stdout.write("change capture: triggers installed on %d tables\n" % count)
