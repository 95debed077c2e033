"""Publish the products whose price changed by date: for the shop's daily cron.

    manage.py satchmo_api_timed_prices

A Satchmo price tier with an ``expires`` day stops applying the day after;
no row changes then, so no trigger fires, yet the customer pays another
price. This command marks (as the capture triggers would: an upsert in the
feed) every product whose tier expired since the last run, and the
variations that charge that product's price. A new tier that becomes the
lowest is a row insert, which the triggers see at once. Run it daily, a
little after midnight (shop time); a missed day is caught up by the next
run, which starts where the last one stopped (models.PriceCalendar).
"""
import datetime

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from product.models import Price

from satchmo_api.capture import rules
from satchmo_api.capture.triggers import MARK
from satchmo_api.models import PriceCalendar

# The Price rule's own query (which products a price row shows in), for
# every tier whose last day lies in [since, until).
_MARK_EXPIRED = (
    "WITH expired AS (SELECT ARRAY(SELECT DISTINCT marked.id FROM %s tier CROSS JOIN LATERAL "
    "(%s) AS marked(id) WHERE tier.expires >= %%s AND tier.expires < %%s)::integer[] AS ids) "
    "SELECT %s('products', ids, 'upsert'), cardinality(ids) FROM expired"
    % (rules.table(Price), rules.priced_products().format(row="tier"), MARK))
# runs of this command take turns ("prices" in ASCII)
CALENDAR_LOCK = 0x707269636573


def publish_expired(today):
    """Mark what expired since the last run, in the caller's transaction;
    returns (first day looked at, products marked)."""
    cursor = connection.cursor()
    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CALENDAR_LOCK])
    calendar = (PriceCalendar.objects.order_by("id")[:1] or
                [PriceCalendar(last_day=today - datetime.timedelta(days=1))])[0]
    since = calendar.last_day
    cursor.execute(_MARK_EXPIRED, [since, today])
    marked = cursor.fetchone()[1]
    calendar.last_day = max(today, since)
    calendar.save()
    return since, marked


class Command(BaseCommand):
    help = "Publish products whose price tier expired since the last run (daily cron)."

    @transaction.commit_on_success
    def handle(self, *args, **options):
        today = datetime.date.today()
        since, marked = publish_expired(today)
        self.stdout.write("price tiers expired from %s to %s: %d products published\n"
                          % (since, today - datetime.timedelta(days=1), marked))
