# -*- coding: utf-8 -*-
"""Orders: planned first (who buys when, and how it ends), then placed in time order.

Placing an order follows what Satchmo's checkout does (payment.utils'
pay_ship_save): the Order is saved, which copies the contact's *current*
default addresses into it (Order.copy_addresses); lines are added at the
product's price for the quantity; shipping comes from the real PerItem
shipper (shipping.utils.update_shipping on an OrderCart); then
Order.recalculate_total computes discounts, tax details (OrderTaxDetail) and
the total. Statuses go through Order.add_status-style OrderStatus rows and
payments are OrderPayment rows of the dummy module, so every figure is the
one Satchmo itself computes.

Orders are placed in time order and customers move between two of their
orders (Customers.move), so a repeat customer's older orders keep the old
address while their address book shows the new one.

Satchmo stamps Order, OrderStatus and OrderPayment with "now" on their first
save; the planned past moments are written back right after.
"""
import datetime
from decimal import Decimal

from django.contrib.sites.models import Site
from satchmo_store.shop.models import (Order, OrderCart, OrderItem, OrderItemDetail,
                                       OrderPayment, OrderStatus)
from satchmo_utils.numbers import trunc_decimal
from shipping.utils import update_shipping

from .dice import cents
from .names import ORDER_NOTES, STATUS_NOTES

# How orders end: fully paid, partly paid, unpaid, cancelled.
OUTCOMES = [("paid", 60), ("partial", 12), ("unpaid", 14), ("cancelled", 14)]
DISCOUNT_SHARE = 0.2
MOVER_SHARE = 0.4
SHIPPER = "PerItem"
PAYMENT_MODULE = "DUMMY"
MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)


class Plan(object):
    __slots__ = ("moment", "contact", "outcome", "number")

    def __init__(self, moment, contact, outcome, number):
        self.moment, self.contact, self.outcome, self.number = moment, contact, outcome, number


def plan_orders(dice, count, contacts, timeline):
    """Who orders when, and how each order ends; and when repeat customers move.

    Returns (plans sorted by moment, [(moment, contact)] moves). Some
    customers are regulars (a higher weight), most order once or never.
    """
    if count and not contacts:
        raise ValueError("orders need contacts: pass --contacts")
    pool = []
    for contact in contacts:
        pool.extend([contact] * dice.weighted([(1, 6), (2, 3), (5, 1)]))
    moments = sorted(timeline.moment(dice) for _ in range(count))
    outcomes = [dice.weighted(OUTCOMES) for _ in range(count)]
    if count >= len(OUTCOMES):
        # every outcome at least once, whatever the seed
        for position, (outcome, _) in zip(dice.sample(range(count), len(OUTCOMES)), OUTCOMES):
            outcomes[position] = outcome
    plans = [Plan(moment, dice.choice(pool), outcome, number + 1)
             for number, (moment, outcome) in enumerate(zip(moments, outcomes))]
    if count >= 2 and len(set(plan.contact.pk for plan in plans)) == count:
        plans[-1].contact = plans[0].contact      # at least one repeat customer
    return plans, _plan_moves(dice, plans)


def _plan_moves(dice, plans):
    by_contact = {}
    for plan in plans:
        by_contact.setdefault(plan.contact.pk, []).append(plan)
    repeaters = [history for _, history in sorted(by_contact.items()) if len(history) > 1]
    moves = []
    for position, history in enumerate(repeaters):
        if position and not dice.chance(MOVER_SHARE):
            continue                     # the first repeat customer always moves
        first = dice.randint(0, len(history) - 2)
        before, after = history[first].moment, history[first + 1].moment
        moves.append((before + (after - before) / 2, history[0].contact))
    moves.sort(key=lambda move: (move[0], move[1].pk))
    return moves


def ship(order, contact):
    """Shipping as Satchmo's checkout sets it: the PerItem shipper on the order's lines."""
    update_shipping(order, SHIPPER, contact, OrderCart(order))


class OrderMaker(object):
    """Places planned orders; keeps small caches of prices and options."""

    def __init__(self, dice, catalog, customers, discounts, timeline):
        self.dice, self.catalog, self.customers = dice, catalog, customers
        self.discounts = [discount.code for discount in discounts]
        self.timeline = timeline
        self.site = Site.objects.get_current()
        self._prices = {}
        self._options = {}
        self.made = 0
        self.number = 0                    # the plan being placed (payments' transaction ids)

    def run(self, plans, moves, checkpoint, every=200):
        if plans and not self.catalog.sellable:
            raise ValueError("orders need active products: pass --products")
        moves = list(moves)
        for plan in plans:
            while moves and moves[0][0] <= plan.moment:
                _, contact = moves.pop(0)
                self._move(contact)
            self.place(plan)
            self.made += 1
            if self.made % every == 0:
                checkpoint(self.made)
        for _, contact in moves:
            self._move(contact)

    # -- where the rows go: Satchmo's own saves here; bulk.FastOrderMaker collects them --------

    def _move(self, contact):
        self.customers.move(self.dice, contact)

    def _open(self, order):
        order.save()                       # copies the contact's current addresses

    def _save_line(self, item):
        item.save()                        # OrderItem.save computes the line's tax

    def _save_detail(self, detail):
        detail.save()

    def _price(self, order, contact):
        ship(order, contact)
        order.recalculate_total(save=True)

    def _save_status(self, status):
        status.save()                      # OrderStatus.save sets the order's status

    def _save_payment(self, payment, moment):
        payment.save()
        OrderPayment.objects.filter(pk=payment.pk).update(time_stamp=moment)

    def place(self, plan):
        dice = self.dice
        self.number = plan.number
        order = Order(site=self.site, contact=plan.contact, sub_total=Decimal("0"),
                      total=Decimal("0"), tax=Decimal("0"),
                      method=dice.weighted([("Online", 8), ("In Person", 1), ("Show", 1)]),
                      discount_code=dice.chance(DISCOUNT_SHARE) and dice.choice(self.discounts)
                      or u"",
                      notes=dice.chance(0.2) and dice.choice(ORDER_NOTES) or u"")
        self._open(order)
        order.time_stamp = plan.moment
        for product in dice.some(self.catalog.sellable, 1, 4):
            self._add_line(order, product)
        self._price(order, plan.contact)
        getattr(self, "_" + plan.outcome)(order, plan)
        return order

    def _add_line(self, order, product):
        quantity = Decimal(self.dice.weighted([(1, 10), (2, 4), (3, 2), (12, 1), (25, 1)]))
        key = (product.pk, quantity)
        if key not in self._prices:
            self._prices[key] = product.get_qty_price(quantity)
        unit_price = self._prices[key]
        item = OrderItem(order=order, product=product, quantity=quantity, unit_price=unit_price,
                         line_item_price=unit_price * quantity)
        self._save_line(item)
        for position, (group, option) in enumerate(self._variation_options(product)):
            self._save_detail(OrderItemDetail(item=item, name=group, value=option.name,
                                              price_change=option.price_change,
                                              sort_order=position))

    def _variation_options(self, product):
        """[(group name, Option)] of a variation; [] for a simple product."""
        if product.pk not in self._options:
            options = []
            if "ProductVariation" in product.get_subtypes():
                options = [(option.option_group.name, option) for option in
                           product.productvariation.options.select_related("option_group")
                           .order_by("option_group__sort_order")]
            self._options[product.pk] = options
        return self._options[product.pk]

    # -- how orders end -------------------------------------------------------------

    def _status(self, order, status, moment):
        moment = self.timeline.clip(moment)
        if moment is not None:
            self._save_status(OrderStatus(order=order, status=status,
                                          notes=STATUS_NOTES[status], time_stamp=moment))
        return moment is not None

    def _pay(self, order, amount, moment):
        payment = OrderPayment(order=order, payment=PAYMENT_MODULE, amount=amount,
                               transaction_id=u"DEMO-%06d-%d" % (self.number,
                                                                 self.dice.randint(100, 999)),
                               reason_code=u"0", details=u"Dummy payment")
        self._save_payment(payment, moment)

    def _paid(self, order, plan):
        paid_at = plan.moment + self.dice.randint(1, 30) * MINUTE
        self._status(order, "New", plan.moment)
        balance = order.balance
        if self.dice.chance(0.2) and balance > Decimal("2"):
            deposit = trunc_decimal(balance / 2, 2)      # a deposit, then the rest
            self._pay(order, deposit, paid_at)
            paid_at += self.dice.randint(1, 5) * DAY
            balance -= deposit
        self._pay(order, balance, paid_at)
        self._status(order, "Billed", paid_at)
        shipped = paid_at + self.dice.randint(20, 72) * 60 * MINUTE
        if self._status(order, "Shipped", shipped):
            self._status(order, "Complete", shipped + self.dice.randint(2, 8) * DAY)

    def _partial(self, order, plan):
        self._status(order, "New", plan.moment)
        share = Decimal(self.dice.randint(20, 80)) / 100
        amount = max(Decimal("0.01"), cents(order.total * share))
        paid_at = plan.moment + self.dice.randint(5, 600) * MINUTE
        self._pay(order, amount, paid_at)
        self._status(order, "In Process", paid_at)

    def _unpaid(self, order, plan):
        self._status(order, "New", plan.moment)

    def _cancelled(self, order, plan):
        self._status(order, "New", plan.moment)
        cancelled = plan.moment + self.dice.randint(1, 96) * 60 * MINUTE
        # a cancellation always happened: keep it inside the history
        self._status(order, "Cancelled", min(cancelled, self.timeline.end - MINUTE))
