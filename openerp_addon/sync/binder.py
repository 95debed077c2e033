# -*- coding: utf-8 -*-
"""The binder: shop (resource, id) <-> OpenERP (model, id), through satchmo.binding rows.

Only this file reads and writes mapping rows, so the rules of their states
(synced, dirty, failed, exception) and of the retry schedule live in one
place.
"""
from datetime import datetime, timedelta

from openerp.tools import DEFAULT_SERVER_DATETIME_FORMAT as DATETIME

from .customers import binding_values
from .display import row_values

# A failed row is retried after 5, 10, 20, 40... minutes, at most a day apart.
FIRST_RETRY_MINUTES = 5
MAX_RETRY_MINUTES = 24 * 60


def now():
    return datetime.utcnow()


class Binder(object):

    def __init__(self, cr, uid, pool, backend_id, retry_limit=5, context=None):
        self.cr, self.uid, self.pool = cr, uid, pool
        self.backend_id = backend_id
        self.retry_limit = retry_limit
        self.context = context or {}
        self.model = pool.get('satchmo.binding')

    def get(self, resource, shop_id):
        """The mapping row of a shop object (a browse record), or None."""
        ids = self.model.search(self.cr, self.uid, [
            ('backend_id', '=', self.backend_id), ('resource', '=', resource),
            ('shop_id', '=', str(shop_id))], limit=1, context=self.context)
        return ids and self.model.browse(self.cr, self.uid, ids[0], context=self.context) or None

    def to_openerp(self, resource, shop_id):
        """The OpenERP id bound to a shop object if it exists and is still there, else None.

        A partner row answers with its many2one, which OpenERP's partner merge
        rewrites to the surviving partner (and empties when the partner is
        deleted); its record id is then brought in line.
        """
        row = self.get(resource, shop_id)
        if not row or not row.res_id or not row.model:
            return None
        if row.model == 'res.partner' and row.partner_id:
            if row.partner_id.id != row.res_id:
                self.model.write(self.cr, self.uid, [row.id], {'res_id': row.partner_id.id},
                                 context=self.context)
            return row.partner_id.id
        self.cr.execute('SELECT 1 FROM "%s" WHERE id = %%s' % self.pool.get(row.model)._table,
                        (row.res_id,))
        return row.res_id if self.cr.fetchone() else None

    def bind(self, resource, shop_id, model, res_id, digest, payload=None):
        """Record a successful import: the row is synced and its failure history cleared.

        With ``payload``, the row also keeps the object's name and what the
        shop sent (display.row_values), for the people who review rows.
        """
        stamp = now().strftime(DATETIME)
        values = {'model': model, 'res_id': res_id, 'digest': digest, 'state': 'synced',
                  'error': False, 'attempts': 0, 'next_retry': False,
                  'last_attempt': stamp, 'last_success': stamp}
        values.update(row_values(resource, payload))
        values.update(binding_values(resource, model, res_id, payload))
        return self._upsert(resource, shop_id, values)

    def fail(self, resource, shop_id, reason, payload=None):
        """Record a failed import; returns True when the row was not failing before.

        The row keeps its record and digest (the last good import); attempts
        grows, and so does the wait until the next automatic retry, until
        ``retry_limit`` is reached: then the row is an exception and waits for
        a person.
        """
        row = self.get(resource, shop_id)
        was_failing = bool(row) and row.state in ('failed', 'exception')
        attempts = (row.attempts if row else 0) + 1
        moment = now()
        if attempts >= self.retry_limit:
            state, next_retry = 'exception', False
        else:
            minutes = min(FIRST_RETRY_MINUTES * 2 ** (attempts - 1), MAX_RETRY_MINUTES)
            state = 'failed'
            next_retry = (moment + timedelta(minutes=minutes)).strftime(DATETIME)
        values = {'state': state, 'error': reason, 'attempts': attempts,
                  'last_attempt': moment.strftime(DATETIME), 'next_retry': next_retry}
        values.update(row_values(resource, payload))
        self._upsert(resource, shop_id, values)
        return not was_failing

    def due_for_retry(self):
        """Rows a run should import again: failed and due, or marked dirty by a person."""
        stamp = now().strftime(DATETIME)
        return self.model.search(self.cr, self.uid, [
            ('backend_id', '=', self.backend_id), '|', ('state', '=', 'dirty'),
            '&', ('state', '=', 'failed'), ('next_retry', '<=', stamp)], context=self.context)

    def bound_ids(self, resource):
        """Shop ids of every row of a resource (a full resync finds the deleted ones)."""
        ids = self.model.search(self.cr, self.uid, [
            ('backend_id', '=', self.backend_id), ('resource', '=', resource)],
            context=self.context)
        return [row['shop_id'] for row in
                self.model.read(self.cr, self.uid, ids, ['shop_id'], context=self.context)]

    def _upsert(self, resource, shop_id, values):
        row = self.get(resource, shop_id)
        if row:
            self.model.write(self.cr, self.uid, [row.id], values, context=self.context)
            return row.id
        values = dict(values, backend_id=self.backend_id, resource=resource,
                      shop_id=str(shop_id))
        return self.model.create(self.cr, self.uid, values, context=self.context)
