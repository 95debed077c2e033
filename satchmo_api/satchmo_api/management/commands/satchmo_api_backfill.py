"""Fill the change feed with an upsert for every object that exists.

    manage.py satchmo_api_backfill

Run once after installing the app: data older than the app sent no
signals, and a first sync reading the feed would otherwise miss it. Safe to
run again (the ERP just re-reads everything). Payment modules have no feed
entries: they are one small page the client reads whole.
"""
from django.core.management.base import BaseCommand
from django.db import transaction

from satchmo_api import feed
from satchmo_api.serializers import PAGINATED


class Command(BaseCommand):
    help = "Add an upsert to the change feed for every existing object."

    @transaction.commit_on_success
    def handle(self, *args, **options):
        for serializer in PAGINATED:
            count = feed.record_all(serializer.name, serializer.model._meta.db_table)
            self.stdout.write("%s: %d\n" % (serializer.name, count))
