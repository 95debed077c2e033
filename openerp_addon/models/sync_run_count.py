# -*- coding: utf-8 -*-
"""What a sync run did to one shop resource (products, contacts, ...)."""
from openerp.osv import fields, orm


class satchmo_sync_run_count(orm.Model):
    _name = 'satchmo.sync.run.count'
    _description = 'Satchmo sync run counts per resource'
    _order = 'run_id, id'
    _rec_name = 'resource'

    _columns = {
        'run_id': fields.many2one('satchmo.sync.run', 'Run', required=True,
                                  ondelete='cascade', select=True),
        'resource': fields.char('Shop resource', size=32, required=True),
        'created': fields.integer('Created'),
        'updated': fields.integer('Updated'),
        'unchanged': fields.integer('Unchanged'),
        'failed': fields.integer('Failed'),
        'skipped': fields.integer(
            'Skipped', help="Objects the import rules leave out on purpose."),
        'seconds': fields.float(
            'Seconds', digits=(16, 3),
            help="Time spent importing this resource's objects (a dependency imported "
                 "on demand counts for its own resource)."),
    }

    _defaults = dict.fromkeys(
        ('created', 'updated', 'unchanged', 'failed', 'skipped'), 0)

