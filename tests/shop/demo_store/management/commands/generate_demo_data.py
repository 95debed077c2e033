# -*- coding: utf-8 -*-
"""``manage.py generate_demo_data``: a deterministic demo history for the store.

Run once on a store made by satchmo_load_l10n + satchmo_load_store. The work
is done by demo_store.generator (see its docstring); this command only reads
the options and prints one summary line.
"""
import datetime
from optparse import make_option

from django.core.management.base import BaseCommand, CommandError

from demo_store.generator import DEFAULT_UNTIL, SIZES, AlreadyGenerated, generate

DEFAULTS = {"categories": 12, "products": 40, "organizations": 6, "contacts": 30, "orders": 60,
            "returning_guests": 0}


class Command(BaseCommand):
    help = ("Create categories, products, organizations, contacts and orders "
            "(deterministic from --seed) on top of Satchmo's sample store.")
    option_list = BaseCommand.option_list + (
        make_option("--seed", type="int", default=7, help="random seed (default 7)"),
        make_option("--until", default=DEFAULT_UNTIL.isoformat(),
                    help="the day the generated history ends (default %s)" % DEFAULT_UNTIL),
        make_option("--fast", action="store_true", default=False,
                    help="write the orders many rows per statement (the same rows; for "
                         "big stores)"),
    ) + tuple(make_option("--%s" % size, type="int", default=DEFAULTS[size],
                          help="how many %s (default %d)" % (size, DEFAULTS[size]))
              for size in SIZES)

    def handle(self, *args, **options):
        sizes = dict((size, options[size]) for size in SIZES)
        if min(sizes.values()) < 0:
            raise CommandError("sizes cannot be negative")
        try:
            until = datetime.datetime.strptime(options["until"], "%Y-%m-%d").date()
        except ValueError:
            raise CommandError("--until takes a date: YYYY-MM-DD")
        progress = None
        if int(options.get("verbosity", 1)) > 1:
            progress = lambda line: self.stdout.write(line + "\n")
        try:
            counts = generate(options["seed"], sizes, until, progress=progress,
                              fast=options["fast"])
        except (AlreadyGenerated, ValueError) as error:
            raise CommandError(str(error))
        self.stdout.write(
            "generated (seed %d): %d categories, %d products (+%d variations), "
            "%d organizations, %d contacts (%d moved), %d orders in %.1fs; "
            "admin login: %s\n" % (
                options["seed"], counts["categories"], counts["products"],
                counts["variations"], counts["organizations"], counts["contacts"],
                counts["address_moves"], counts["orders"], counts["seconds"], counts["admin"]))
