"""Wire formats of values (docs/api.rst, "General").

Money is quantized here rather than trusted from the database: PostgreSQL
hands back the column's full scale (``Decimal('45.0000000000')``) and the
contract wants an exact, fixed number of places.
"""
import calendar
import time
from decimal import ROUND_HALF_UP, Decimal

CENTS = Decimal("0.01")
MICROS = Decimal("0.000001")


def _fixed(value, places):
    if value is None:
        return None
    return u"%s" % Decimal(value).quantize(places, rounding=ROUND_HALF_UP)


def amount(value):
    """Totals, taxes, discounts, payments: 2 places."""
    return _fixed(value, CENTS)


def unit_price(value):
    """Unit prices and price tiers: 6 places."""
    return _fixed(value, MICROS)


def quantity(value):
    """Quantities and weights: the shortest exact decimal ("2", "1.5")."""
    if value is None:
        return None
    value = Decimal(value).normalize()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return u"%s" % format(value, "f")


def utc_offset(moment):
    """The shop's UTC offset at a naive local ``moment``, as "+01:00".

    Django 1.3 stores naive local times and sets the process time zone to
    settings.TIME_ZONE, so the C library knows the offset (DST included)
    without pytz.
    """
    as_local = time.mktime(moment.timetuple()[:8] + (-1,))
    seconds = calendar.timegm(moment.timetuple()) - int(as_local)
    sign = "+" if seconds >= 0 else "-"
    minutes = abs(seconds) // 60
    return "%s%02d:%02d" % (sign, minutes // 60, minutes % 60)


def timestamp(moment):
    """ISO 8601 with offset, to the second."""
    if moment is None:
        return None
    moment = moment.replace(microsecond=0)
    return moment.isoformat() + utc_offset(moment)


def day(value):
    return value.isoformat() if value is not None else None


def text(value):
    """Text columns that Satchmo leaves NULL or blank: keep NULL as null."""
    return value
