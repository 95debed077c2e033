"""Delete change feed entries older than N days.

    manage.py satchmo_api_prune [--days 30]

A client whose cursor is below the new horizon gets 410 cursor_pruned and
must run a full resync, so keep more days than the ERP may stay offline.
"""
import datetime
from optparse import make_option

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from satchmo_api import feed

DEFAULT_DAYS = 30


class Command(BaseCommand):
    help = "Prune change feed entries older than --days days (default %d)." % DEFAULT_DAYS
    option_list = BaseCommand.option_list + (
        make_option("--days", type="int", default=DEFAULT_DAYS,
                    help="keep changes younger than this many days"),
    )

    @transaction.commit_on_success
    def handle(self, *args, **options):
        days = options["days"]
        if days < 0:
            raise CommandError("--days must not be negative")
        cutoff = datetime.datetime.now() - datetime.timedelta(days=days)
        deleted, horizon = feed.prune(cutoff)
        self.stdout.write("pruned %d changes; horizon %d\n" % (deleted, horizon))
