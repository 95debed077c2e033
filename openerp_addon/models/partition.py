# -*- coding: utf-8 -*-
"""The cursor of one partition of a shop's import (sync/partitions.py), and which part a
run was.

One row per partition of a backend: how far in the shop's change feed this
partition's orders are imported and committed. Only that partition's run
writes it (in the transaction of the work it covers), so partitions running
at once never update the same row; the shop's run reads them all to advance
the shop-wide cursor to the least of them.
"""
from openerp.osv import fields, orm


class satchmo_partition(orm.Model):
    _name = 'satchmo.partition'
    _description = 'Partition of a shop import'
    _order = 'backend_id, index'

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop', required=True,
                                      ondelete='cascade', select=True),
        'index': fields.integer('Partition', required=True, readonly=True,
                                help="0-based: the customers whose id hashes to it."),
        'cursor': fields.integer(
            'Change-feed cursor', readonly=True,
            help="The last change of the shop whose orders of this partition are "
                 "imported and committed."),
        'cron_id': fields.many2one('ir.cron', 'Scheduled action', readonly=True,
                                   ondelete='set null'),
    }

    _defaults = {'cursor': 0}

    _sql_constraints = [
        ('backend_index_unique', 'unique (backend_id, index)',
         'A shop has one row per partition.'),
    ]

    def cursor_of(self, cr, uid, backend_id, index, context=None):
        ids = self.search(cr, uid, [('backend_id', '=', backend_id), ('index', '=', index)],
                          limit=1, context=context)
        return ids and self.read(cr, uid, ids[0], ['cursor'], context=context)['cursor'] or 0

    def cursors_of(self, cr, uid, backend_id, count, context=None):
        """The cursors of partitions 0 .. count - 1 (0 for one that has no row yet)."""
        ids = self.search(cr, uid, [('backend_id', '=', backend_id)], context=context)
        found = dict((row['index'], row['cursor'] or 0)
                     for row in self.read(cr, uid, ids, ['index', 'cursor'], context=context))
        return [found.get(index, 0) for index in range(count)]

    def store_cursor(self, cr, uid, backend_id, index, cursor, context=None):
        ids = self.search(cr, uid, [('backend_id', '=', backend_id), ('index', '=', index)],
                          limit=1, context=context)
        if ids:
            return self.write(cr, uid, ids, {'cursor': cursor}, context=context)
        return self.create(cr, uid, {'backend_id': backend_id, 'index': index,
                                     'cursor': cursor}, context=context)


class satchmo_sync_run_partition(orm.Model):
    _inherit = 'satchmo.sync.run'

    _columns = {
        'partition': fields.integer(
            'Partition', readonly=True,
            help="0: the shop's own run (with partitions: its catalogue and customers); "
                 "k: the run of partition k - 1, which imports its customers' orders."),
    }

    _defaults = {'partition': 0}
