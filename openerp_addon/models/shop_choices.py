# -*- coding: utf-8 -*-
"""Lists read from the shop, so the shop form picks values instead of typing them.

A typo in a typed status silently skipped orders; a typed payment module key
or tax class that the shop does not have silently matched nothing. The shop's
order statuses are Satchmo's fixed list (data/shop_choices.xml); its payment
modules and tax classes come from the API (``payment_modules``,
``tax_classes``) when a manager presses "Refresh lists from the shop".
The typed fields stay the stored truth (scripts and older configurations
keep working, and tests pass a status no order has on purpose): the pick
lists read and write them, and the form shows only the pick lists.
"""
from openerp.osv import fields, orm
from openerp.tools.translate import _

from .backend_sales import SHOP_STATUSES

KINDS = [('status', 'Order status'), ('payment_module', 'Payment module'),
         ('tax_class', 'Tax class')]


class satchmo_shop_choice(orm.Model):
    _name = 'satchmo.shop.choice'
    _description = 'A value the shop offers: order status, payment module, tax class'
    _order = 'kind, sequence, name'

    _columns = {
        'backend_id': fields.many2one('satchmo.backend', 'Shop', ondelete='cascade',
                                      select=True,
                                      help="Empty for Satchmo's own order statuses"),
        'kind': fields.selection(KINDS, 'Kind', required=True, select=True),
        'key': fields.char('Key', size=64, required=True,
                           help="As the shop's API names it"),
        'name': fields.char('Name', size=128, required=True),
        'sequence': fields.integer('Sequence'),
    }

    _sql_constraints = [
        ('choice_unique', 'unique (backend_id, kind, key)', 'The shop offers each value once.'),
    ]


class satchmo_backend(orm.Model):
    _inherit = 'satchmo.backend'

    def _status_choices(self, cr, uid, ids, name, arg, context=None):
        choices = self.pool.get('satchmo.shop.choice')
        all_ids = choices.search(cr, uid, [('kind', '=', 'status'), ('backend_id', '=', False)],
                                 context=context)
        by_key = dict((choice['key'].lower(), choice['id'])
                      for choice in choices.read(cr, uid, all_ids, ['key'], context=context))
        result = {}
        for backend in self.browse(cr, uid, ids, context=context):
            wanted = self.statuses_to_import(cr, uid, backend, context=context)
            result[backend.id] = [by_key[key] for key in sorted(wanted) if key in by_key]
        return result

    def _write_status_choices(self, cr, uid, backend_id, name, value, arg, context=None):
        """The picked statuses become the typed list, in Satchmo's order."""
        picked = set()
        for command in value or []:  # the tags widget sends (6, 0, ids); scripts may add (4, id)
            if command[0] == 6:
                picked = set(command[2])
            elif command[0] == 4:
                picked.add(command[1])
        keys = set(choice['key'] for choice in self.pool.get('satchmo.shop.choice').read(
            cr, uid, list(picked), ['key'], context=context))
        text = u', '.join(status for status in SHOP_STATUSES if status in keys)
        return self.write(cr, uid, [backend_id], {'import_statuses': text}, context=context)

    _columns = {
        'import_status_ids': fields.function(
            _status_choices, fnct_inv=_write_status_choices, type='many2many',
            relation='satchmo.shop.choice', string='Statuses to import',
            domain=[('kind', '=', 'status'), ('backend_id', '=', False)],
            help="Orders in other statuses are skipped (Satchmo's list)."),
        'shop_choice_ids': fields.one2many(
            'satchmo.shop.choice', 'backend_id', 'Read from the shop', readonly=True),
    }

    def action_refresh_choices(self, cr, uid, ids, context=None):
        """Read the shop's payment modules and tax classes again (new ones added, gone ones removed)."""
        from ..sync.pipeline import make_client
        for backend in self.browse(cr, uid, ids, context=context):
            client = make_client(backend)
            found = [('payment_module', module['key'], module.get('label') or module['key'])
                     for page in client.list_all('payment_modules') for module in page]
            found += [('tax_class', tax_class['title'], tax_class.get('description')
                       or tax_class['title'])
                      for page in client.list_all('tax_classes') for tax_class in page]
            self._store_choices(cr, uid, backend.id, found, context=context)
        return True

    def _store_choices(self, cr, uid, backend_id, found, context=None):
        choices = self.pool.get('satchmo.shop.choice')
        old_ids = choices.search(cr, uid, [('backend_id', '=', backend_id)], context=context)
        old = dict(((choice['kind'], choice['key']), choice['id']) for choice in
                   choices.read(cr, uid, old_ids, ['kind', 'key'], context=context))
        for sequence, (kind, key, name) in enumerate(found):
            values = {'name': name, 'sequence': sequence}
            if (kind, key) in old:
                choices.write(cr, uid, [old.pop((kind, key))], values, context=context)
            else:
                choices.create(cr, uid, dict(values, backend_id=backend_id, kind=kind,
                                             key=key), context=context)
        if old:
            choices.unlink(cr, uid, list(old.values()), context=context)
        return True


class shop_choice_line(object):
    """A mapping line (payment module -> journal, tax class -> tax) whose typed key
    is filled in by picking one of the values read from the shop."""
    _key_field = None     # the typed key it fills

    def onchange_shop_choice(self, cr, uid, ids, choice_id, context=None):
        if not choice_id:
            return {}
        key = self.pool.get('satchmo.shop.choice').read(cr, uid, choice_id, ['key'],
                                                        context=context)['key']
        return {'value': {self._key_field: key}}


# mapping line model, its typed key, the pick list that fills it, the kind of value, label
CHOICE_LINES = [
    ('satchmo.payment.journal', 'module_key', 'module_choice_id', 'payment_module',
     'Payment module'),
    ('satchmo.tax.map', 'tax_class', 'tax_class_choice_id', 'tax_class',
     'Tax class from the shop'),
]


def _with_pick_list(model, key_field, choice_field, kind, label):
    """The class adding to ``model`` a pick list of the shop's values that fills ``key_field``."""
    column = fields.many2one('satchmo.shop.choice', label, ondelete='set null',
                             domain=[('kind', '=', kind)],
                             help="Pick from the values read from the shop; its key fills in")
    return type(model.replace('.', '_'), (shop_choice_line, orm.Model), {
        '__module__': __name__, '_inherit': model, '_key_field': key_field,
        '_columns': {choice_field: column}})


for _line in CHOICE_LINES:
    _with_pick_list(*_line)
