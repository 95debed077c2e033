# -*- coding: utf-8 -*-
"""Deterministic randomness for the generator.

Every concern (catalog, customers, orders...) draws from its own stream,
derived from the seed and the concern's name. So the same seed and sizes
always give the same data, and changing one size (say --orders) does not
reshuffle what another concern made (the catalog stays the same).

Only ``random.Random`` seeded with integers is used: its sequence is stable
across runs and machines, unlike anything that depends on ``hash()``.
"""
import datetime
import random
import zlib
from decimal import Decimal, ROUND_HALF_UP

CENT = Decimal("0.01")


class Dice(random.Random):
    """A ``random.Random`` with the few helpers the generator needs."""

    def __new__(cls, seed, concern):
        return random.Random.__new__(cls, 0)

    def __init__(self, seed, concern):
        random.Random.__init__(self, seed * 1000003 + (zlib.crc32(concern.encode("ascii"))
                                                       & 0xffffffff))

    def chance(self, probability):
        return self.random() < probability

    def money(self, low, high):
        """A price between low and high, in cents."""
        cents = self.randint(int(low * 100), int(high * 100))
        return (Decimal(cents) / 100).quantize(CENT)

    def weighted(self, pairs):
        """Pick a value from [(value, weight), ...]."""
        total = sum(weight for _, weight in pairs)
        point = self.random() * total
        for value, weight in pairs:
            point -= weight
            if point < 0:
                return value
        return pairs[-1][0]

    def some(self, population, low, high):
        """Between low and high distinct items of population, in its order."""
        count = min(len(population), self.randint(low, high))
        chosen = set(self.sample(range(len(population)), count))
        return [item for index, item in enumerate(population) if index in chosen]


def cents(amount):
    """Round a Decimal to cents the way a cashier would."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


class Timeline(object):
    """The generated history: ``days`` days that end at ``until`` (midnight).

    The end is a fixed date rather than "now", so that the same seed gives
    the same time stamps whatever day the generator runs.
    """

    def __init__(self, until, days=730):
        self.end = datetime.datetime.combine(until, datetime.time(0, 0))
        self.start = self.end - datetime.timedelta(days=days)
        self.span = int((self.end - self.start).total_seconds())

    def moment(self, dice, low=0.0, high=1.0):
        """A moment between the fractions low and high of the history, in
        shop opening hours (7:00-22:59) so that the dates look real."""
        second = dice.randint(int(self.span * low), int(self.span * high) - 1)
        day = (self.start + datetime.timedelta(seconds=second)).date()
        clock = datetime.time(dice.randint(7, 22), dice.randint(0, 59), dice.randint(0, 59))
        return datetime.datetime.combine(day, clock)

    def day(self, dice, low=0.0, high=1.0):
        return self.moment(dice, low, high).date()

    def clip(self, moment):
        """None for a moment after the end of the history (it has not happened yet)."""
        return moment if moment < self.end else None
