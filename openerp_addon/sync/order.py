# -*- coding: utf-8 -*-
"""Shop orders -> sale orders, then (per the shop's switches) invoices and payments.

One order is one record of the pipeline (one savepoint): build or update the
draft order, check its totals against the shop's to the cent, then take it
as far as the switches allow, each step checking what already exists
(workflow.py), and register its payments (payment.py, a savepoint each).

An order whose totals differ from the shop's stays draft, and its mapping row
becomes an exception with both amounts and the difference: nothing is
confirmed, invoiced or paid until a person fixed the cause and retried it.
A confirmed order is never rebuilt: if the shop's figures change later, the
row becomes an exception. A shop cancellation cancels an order that has no
invoice; an invoiced one becomes an exception (refunds are a person's job).
"""
from .company_memo import company_defaults_memo
from .currency import CurrencyGuard
from .history import HistoryPolicy
from .importer import Importer
from .mapper import MappingError, Rule, ref, text
from .money import cents, compare, describe_difference, shop_totals
from .order_lines import LineBuilder
from .payment import Payments
from .resources import register
from . import invoice_taxes, numbering, order_status, workflow
from .discontinued import shrunk_note


class setting(Rule):
    """A many2one setting of the backend (pricelist, sale shop)."""

    def __init__(self, field, label):
        self.field, self.label = field, label

    def __call__(self, payload, env):
        record = getattr(env.backend, self.field)
        if not record:
            raise MappingError(u"the shop has no %s configured" % self.label)
        return record.id


class order_name(Rule):
    def __call__(self, payload, env):
        return u'%s%s' % (env.backend.order_prefix or u'', payload['id'])


class shop_day(Rule):
    """The shop's local day of a time stamp ("2026-11-28T06:00:00+01:00" -> 2026-11-28)."""

    def __init__(self, key):
        self.key = key

    def __call__(self, payload, env):
        return (payload.get(self.key) or u'')[:10] or False


class snapshot_partner(Rule):
    """The order's own bill_/ship_ address: a child of the customer, identical ones reused.

    Never the customer's current default address: a customer who moved keeps
    the address of the old order on the old order.
    """

    def __init__(self, key, kind):
        self.key, self.kind = key, kind

    def __call__(self, payload, env):
        contact_id = ref('contacts', 'contact_id', required=True)(payload, env)
        address = payload.get(self.key) or {}
        if not any(address.get(k) for k in ('street1', 'city', 'postal_code')):
            return contact_id
        contacts = env.importer('contacts')
        partners = env.pool.get('res.partner')
        contact = partners.browse(env.cr, env.uid, contact_id, context=env.context)
        values = contacts._address_values(address, contact.name)
        values.update(type=self.kind, parent_id=contact_id, use_parent_address=False,
                      is_company=False, customer=True)
        found = contacts._identical(contact_id, values, [])
        if found:
            return found
        return partners.create(env.cr, env.uid, values, context=env.create_context)


class order_note(Rule):
    def __call__(self, payload, env):
        parts = [payload.get('notes') or u'']
        if payload.get('discount_code'):
            parts.append(u'Discount code: %s' % payload['discount_code'])
        if payload.get('method'):
            parts.append(u'Placed: %s' % payload['method'])
        return u'\n'.join(p for p in parts if p) or False


FIELD_MAP = [
    ('name', order_name()),
    ('client_order_ref', lambda payload, env: u'%s' % payload['id']),
    ('origin', lambda payload, env: u'%s #%s' % (env.backend.name, payload['id'])),
    ('date_order', shop_day('time_stamp')),
    ('partner_id', ref('contacts', 'contact_id', required=True)),
    ('partner_invoice_id', snapshot_partner('bill_address', 'invoice')),
    ('partner_shipping_id', snapshot_partner('ship_address', 'delivery')),
    ('pricelist_id', setting('pricelist_id', 'pricelist')),
    ('shop_id', setting('sale_shop_id', 'sale shop')),
    ('note', order_note()),
    ('order_policy', lambda payload, env: 'manual'),
    ('fiscal_position', lambda payload, env: False),  # the mapped taxes are the shop's
]


@register
class OrderImporter(Importer):
    resource = 'orders'
    model = 'sale.order'
    order = 60
    commits_alone = True  # validation and payments take journal sequences (transactions.py)

    def __init__(self, env):
        super(OrderImporter, self).__init__(env)
        self.orders = self.pool.get('sale.order')
        self._holds = {}
        self._postponed = set()  # orders whose numbering runs after this transaction
        self.history = HistoryPolicy(env)  # which orders are booked, which only history
        self._notes = {}  # what the row tells besides a failure (status rules)
        self.currency = CurrencyGuard(env)  # never an order in another currency than the shop's

    def skip_reason(self, payload):
        statuses = self.pool.get('satchmo.backend').statuses_to_import(
            self.cr, self.uid, self.env.backend)
        status = (payload.get('status') or u'').strip().lower()
        if status not in statuses:
            return u'status %s is not imported' % (payload.get('status') or u'(none)')
        return self.history.skip_reason(payload)

    def map(self, payload):
        if not payload.get('contact_id'):
            raise MappingError(u"the order has no customer (contact_id)")
        problem = self.pool.get('satchmo.backend').order_import_problem(
            self.cr, self.uid, self.env.backend)
        if problem:
            raise MappingError(problem)
        self.currency.check()
        self.history.check_booking(payload)
        return super(OrderImporter, self).map(payload)

    # -- build, then take as far as the switches say ------------------------------------------
    def apply(self, payload, values, res_id):
        # one order's steps ask OpenERP for the same default companies ~85 times
        with company_defaults_memo(self.cr):
            return self._apply(payload, values, res_id)

    def _apply(self, payload, values, res_id):
        self._holds.pop(payload['id'], None)
        self._postponed.discard(payload['id'])
        with self.env.step('orders.create'):
            if res_id and self.orders.browse(self.cr, self.uid, res_id).state != 'draft':
                order = self.orders.browse(self.cr, self.uid, res_id, context=self.env.context)
                created = False  # never rebuilt; a shop that lost items is noted, not copied
                self._notes[payload['id']] = shrunk_note(self.env, order, payload)
            else:
                builder = LineBuilder(self.env, self.env.backend)
                lines, _ = builder.lines(payload)
                if builder.note:
                    self._notes[payload['id']] = builder.note
                if res_id:
                    old = self.pool.get('sale.order.line').search(
                        self.cr, self.uid, [('order_id', '=', res_id)])
                    self.pool.get('sale.order.line').unlink(self.cr, self.uid, old)
                    self.orders.write(self.cr, self.uid, [res_id], dict(values, order_line=lines),
                                      context=self.env.context)
                    created = False
                else:
                    # the salesperson as the order form sends it: its creation note lists it
                    res_id = self.orders.create(self.cr, self.uid,
                                                dict(values, order_line=lines, user_id=self.uid),
                                                context=self.env.create_context)
                    created = True
                order = self.orders.browse(self.cr, self.uid, res_id, context=self.env.context)
        self.progress(order, payload)
        return self.model, res_id, created

    def progress(self, order, payload):
        backend = self.env.backend
        if (payload.get('status') or u'').lower() == 'cancelled':
            if not workflow.cancel(self.cr, self.uid, order):
                reason, self._notes[payload['id']] = order_status.cancelled_after_invoice(
                    self.env, order, payload)
                if reason:
                    self.hold(payload, reason)
            return
        if order.state == 'cancel':
            return self.hold(payload, u'cancelled in OpenERP, but the shop says %s'
                             % payload.get('status'))
        differences = compare(shop_totals(payload), workflow.order_totals(order))
        if differences:
            return self.hold(payload, self._totals_reason(order, differences))
        draft = order_status.kept_as_draft(self.env, order, payload)
        if draft is not None:  # Blocked and the like: never confirmed nor invoiced
            return draft and self.hold(payload, draft)
        if self.history.is_history(payload):
            return self.history.close(order, payload)
        with self.env.step('orders.confirm'):
            confirmed = backend.confirm_orders and workflow.confirm(self.cr, self.uid, order)
        if not confirmed:
            return
        if not backend.create_invoices:
            return
        with self.env.step('orders.invoice'):
            invoice = workflow.create_invoice(self.cr, self.uid, self.pool, order, backend,
                                              (payload.get('time_stamp') or u'')[:10] or None,
                                              context=self.env.context)
        if invoice is None:
            raise MappingError(u"the order's workflow made no invoice")
        if invoice.state == 'draft':
            held = self._match_invoice_taxes(invoice, payload)
            if held:
                return self.hold(payload, held)
            differences = compare(shop_totals(payload), workflow.invoice_totals(invoice))
            if differences:
                return self.hold(payload, u'the invoice differs from the shop: %s'
                                 % describe_difference(differences))
        if numbering.postpone(self.env, invoice, payload):  # a partitioned run: numbering.py
            self._postponed.add(payload['id'])
            return
        if invoice.state == 'draft':
            with self.env.step('orders.validate'):
                valid = backend.validate_invoices and workflow.validate(
                    self.cr, self.uid, invoice)
            if not valid:
                return
        if invoice.state in ('open', 'paid') and backend.register_payments:
            with self.env.step('orders.voucher'):
                self.payments(payload).register(payload, invoice)

    def _match_invoice_taxes(self, invoice, payload):
        """The draft's tax lines rounded as the shop's (invoice_taxes.py); why not, or None."""
        with self.env.step('orders.invoice_taxes'):
            held, note = invoice_taxes.match_shop(self.env, invoice, payload)
        if note:
            self._notes[payload['id']] = u'\n'.join(
                n for n in (self._notes.get(payload['id']), note) if n)
        return held and u'the invoice differs from the shop: %s' % held

    def _totals_reason(self, order, differences):
        reason = u'totals differ from the shop: %s' % describe_difference(differences)
        if order.state != 'draft':
            reason += u' (the order was changed in the shop after it was confirmed)'
        if order.company_id.tax_calculation_rounding_method != 'round_globally':
            reason += (u'; Satchmo rounds tax once per order: set the company\'s tax '
                       u'rounding method to "Round globally"')
        return reason

    def payments(self, payload):
        row = self.env.binder.get(self.resource, payload['id'])
        return Payments(self.env, self.env.backend, row and row.id or False)

    # -- the row ---------------------------------------------------------------------------
    def hold(self, payload, reason):
        """Keep the order as it is and have its row wait for a person (after_bind)."""
        self._holds[payload['id']] = reason

    def after_bind(self, payload, res_id):
        row = self.env.binder.get(self.resource, payload['id'])
        self._link_payment_rows(payload, row)
        order = self.orders.browse(self.cr, self.uid, res_id, context=self.env.context)
        values = {'shop_amount': u'%s' % cents(shop_totals(payload)['total']),
                  'erp_amount': u'%s' % workflow.order_totals(order)['total']}
        reason = self._holds.pop(payload['id'], None)
        note = self._notes.pop(payload['id'], None)
        if payload['id'] in self._postponed and not reason:
            values['state'] = 'dirty'  # not synced until its numbering committed
        if note:
            values['note'] = note
        if reason:
            if row.state not in ('failed', 'exception'):
                self.env.counts.new_failures += 1
            values.update(state='exception', error=reason, next_retry=False)
        self.env.binder.model.write(self.cr, self.uid, [row.id], values,
                                    context=self.env.context)
        if reason:
            self.payments(payload).refuse(payload, u'not registered: the order is an '
                                                   u'exception: %s' % reason)
            return 'failed'
        return None

    def _link_payment_rows(self, payload, row):
        """Payment rows written before their order's first row existed point to it now.

        A new order's payments are registered (or refused) inside its import,
        before the order's own row is created, so their rows had no order row,
        and "Retry" on such a payment row silently did nothing.
        """
        keys = [p['key'] for p in payload.get('payments') or [] if p.get('key')]
        if not keys:
            return
        model = self.env.binder.model
        orphans = model.search(self.cr, self.uid, [
            ('backend_id', '=', self.env.backend.id), ('resource', '=', 'payments'),
            ('shop_id', 'in', keys), ('order_binding_id', '=', False)],
            context=self.env.context)
        if orphans:
            model.write(self.cr, self.uid, orphans, {'order_binding_id': row.id},
                        context=self.env.context)

    def deactivate(self, model_name, res_id):
        """An order deleted in the shop: a draft one is cancelled, anything else is kept."""
        order = self.orders.browse(self.cr, self.uid, res_id, context=self.env.context)
        if order.state == 'draft':
            workflow.cancel(self.cr, self.uid, order)
