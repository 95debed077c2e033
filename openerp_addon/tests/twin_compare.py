# -*- coding: utf-8 -*-
"""Field by field: what OpenERP stored for two "twin" records and everything they made.

A twin pair is one record the connector made and one a person made through
the same steps (test_twin_order.py). Both are read with OpenERP's own
``read()``, every field of the model, and walked together: a many2one to a
record both share (a partner, an account, a tax, a journal) must be the same
record; a link to a record each twin made for itself (its lines, its
invoice, its move, its reconciliation) is followed and compared in turn,
in a stable order. What is left out is only what is meant to differ:
ids, names and numbers, dates and create/write stamps, and the connector's
own fields (``satchmo_*``).
"""
import re

from openerp.osv import fields as osv_fields

# the records each twin makes for itself: followed, never compared by id
OWN = ('sale.order', 'sale.order.line', 'account.invoice', 'account.invoice.line',
       'account.invoice.tax', 'account.move', 'account.move.line', 'account.move.reconcile',
       'account.voucher', 'account.voucher.line', 'mail.message', 'mail.followers',
       'mail.notification', 'procurement.order')
# meant to differ between twins (numbers and names come from sequences, dates from the clock)
SKIPPED = set(['id', 'name', 'number', 'internal_number', 'move_name', 'ref', 'reference',
               'origin', 'client_order_ref', 'display_name', '__last_update',
               'create_date', 'create_uid', 'write_date', 'write_uid', 'date', 'date_order',
               'date_invoice', 'date_due', 'date_confirm', 'date_created', 'date_maturity',
               'period_id', 'message_ids', 'message_follower_ids', 'message_summary',
               'message_unread', 'message_is_follower', 'note', 'comment', 'narration',
               'invoice_id', 'supplier_invoice_number', 'last_rec_date',
               # the reconciliation's name, and a move line's running balance of its
               # account (every line of the account before it, whoever made them)
               'reconcile', 'balance'])


def _key(model, record):
    """A stable order of sibling records: by what they hold, never by id."""
    values = []
    for name in ('sequence', 'account_id', 'product_id', 'debit', 'credit', 'amount',
                 'price_unit', 'base', 'type'):
        value = record.get(name)
        values.append(value[0] if isinstance(value, (list, tuple)) and value else value)
    return values


def _id(value):
    """A many2one as read() gives it ((id, name), an id, False): the id or False."""
    if isinstance(value, (list, tuple)):
        return value and value[0] or False
    return value or False


class Comparison(object):
    """Walks two twin records; ``differences`` lists what OpenERP stored differently."""

    def __init__(self, cr, uid, pool, skipped=()):
        self.cr, self.uid, self.pool = cr, uid, pool
        self.skipped = SKIPPED | set(skipped)
        self.differences = []
        self.seen = set()
        self.compared = {}  # model -> how many twin pairs were compared

    def records(self, model, mine, theirs, path):
        """Compare two lists of twin ids of ``model`` (same count, in a stable order)."""
        if len(mine) != len(theirs):
            self.differences.append(u'%s: %d %s against %d' % (path, len(mine), model,
                                                               len(theirs)))
            return
        if not mine:
            return
        fields = self._fields(model)
        context = {'active_test': False}
        left = self.pool.get(model).read(self.cr, self.uid, list(mine), fields, context=context)
        right = self.pool.get(model).read(self.cr, self.uid, list(theirs), fields,
                                          context=context)
        left.sort(key=lambda r: _key(model, r))
        right.sort(key=lambda r: _key(model, r))
        for a, b in zip(left, right):
            self.pair(model, a, b, u'%s/%s' % (path, model))

    def pair(self, model, a, b, path):
        if (model, a['id']) in self.seen:
            return
        self.seen.add((model, a['id']))
        self.compared[model] = self.compared.get(model, 0) + 1
        columns = self.pool.get(model)._all_columns
        for name in sorted(a):
            if name in self.skipped or name.startswith('satchmo_') or name not in columns:
                continue
            column = columns[name].column
            relation = getattr(column, '_obj', None)
            left, right = a[name], b[name]
            if column._type == 'many2one':
                left, right = _id(left), _id(right)
            elif column._type in ('one2many', 'many2many'):
                left, right = [i for i in left or [] if i], [i for i in right or [] if i]
            where = u'%s.%s' % (path, name)
            if column._type == 'many2one' and relation in OWN:
                if bool(left) != bool(right):
                    self.differences.append(u'%s: %r against %r' % (where, left, right))
                elif left and (relation, left) not in self.seen:
                    self.records(relation, [left], [right], where)
            elif column._type in ('one2many', 'many2many') and relation in OWN:
                self.records(relation, left, right, where)
            elif column._type == 'many2one':
                if left != right:
                    self.differences.append(u'%s: %r against %r' % (where, left, right))
            elif column._type in ('one2many', 'many2many'):
                if sorted(left) != sorted(right):
                    self.differences.append(u'%s: %r against %r' % (where, left, right))
            elif column._type == 'float':
                if round(left or 0.0, 6) != round(right or 0.0, 6):
                    self.differences.append(u'%s: %r against %r' % (where, left, right))
            elif left != right:
                self.differences.append(u'%s: %r against %r' % (where, left, right))

    def _fields(self, model):
        """Every field of the model except binaries and what is meant to differ."""
        columns = self.pool.get(model)._all_columns
        return [name for name, info in columns.items()
                if name not in self.skipped and not name.startswith('satchmo_')
                and not isinstance(info.column, osv_fields.binary)]


def workflow_states(cr, model, res_id):
    """The record's workflow instance and work items as activity names (the subflows' too)."""
    cr.execute("""SELECT i.state, a.name, w.state, w.subflow_id IS NOT NULL
                    FROM wkf_instance i
                    JOIN wkf_workitem w ON w.inst_id = i.id
                    JOIN wkf_activity a ON a.id = w.act_id
                   WHERE i.res_type = %s AND i.res_id = %s
                ORDER BY a.name, w.state""", (model, res_id))
    return cr.fetchall()


def messages(cr, uid, pool, model, res_id, left_out=()):
    """What a user reads in the record's chatter: type, subtype, author, body, in order."""
    ids = pool.get('mail.message').search(cr, uid, [
        ('model', '=', model), ('res_id', '=', res_id),
        ('type', 'in', ('notification', 'comment'))], order='id')
    found = []
    for message in pool.get('mail.message').browse(cr, uid, ids):
        body = message.body or u''
        if any(text in body for text in left_out):
            continue
        found.append((message.type, message.subtype_id.name, message.author_id.id,
                       _said(body)))
    return found


def _said(body):
    """A message's text, its tracked values as a set: their order follows a dict's."""
    values = re.findall(r'<div>[^<]*(?:<b>[^<]*</b>[^<]*)</div>', body)
    return re.sub(r'<div>[^<]*(?:<b>[^<]*</b>[^<]*)</div>', u'', body), sorted(values)


def followers(cr, uid, pool, model, res_id):
    ids = pool.get('mail.followers').search(cr, uid, [('res_model', '=', model),
                                                      ('res_id', '=', res_id)])
    return sorted(f.partner_id.id for f in pool.get('mail.followers').browse(cr, uid, ids))
