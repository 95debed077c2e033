# -*- coding: utf-8 -*-
"""``manage.py shop_edit ACTION ARGS``: named edits through Satchmo's models.

The actions and their arguments are listed in demo_store/edits.py. Prints the
id of what the action made or changed, on the last line.
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo_store import edits


class Command(BaseCommand):
    help = "Edit the shop through its models (see demo_store/edits.py): ACTION ARGS..."
    args = "ACTION ARGS..."

    @transaction.commit_on_success
    def handle(self, *args, **options):
        if not args or args[0] not in edits.ACTIONS:
            raise CommandError("an action is needed: %s" % ", ".join(sorted(edits.ACTIONS)))
        self.stdout.write("%s\n" % edits.ACTIONS[args[0]](*args[1:]))
