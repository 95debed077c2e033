# -*- coding: utf-8 -*-
"""Partners and products created by a sync skip a round trip through their company defaults.

OpenERP 7's create() asks default_get() for every field it was not given.
For a property field (a partner's receivable and payable accounts, fiscal
position, payment terms and pricelist; a product's income and expense
accounts) that reads the company's default from ir.property, and create()
then writes the value back through the property field, which reads the
default twice more, finds the value equal to it and stores nothing. The
record ends exactly as if the field had been left out: no ir.property row of
its own, and reading the field gives the company default. The connector's
creates (context key below) leave those fields out, which saves about a
third of a partner's create time; a property with a model default of its own
(``_defaults``) is still filled as usual.

The same holds for a new child partner (a contact under its organization, an
address under its contact): OpenERP copies its commercial partner's fields
onto it, reading and writing back each property field. When neither of the
two has a property value of its own, the copy of the property fields would
store nothing, so a synced child skips them (the other commercial fields are
copied as usual).

And the other way, for every write (the workflow that reconciles a payment
carries no context of ours): when a partner's commercial fields change, e.g.
``last_reconciliation_date`` set by each reconciliation, OpenERP writes every
commercial field, property fields included, onto each of its children (an
order's address snapshots are children too). Without a property value of
their own on either side, the property part of that write stores nothing, so
it is left out: a paid order cost a third of a second more per child otherwise.
"""
from openerp.osv import fields, orm

SKIP_KEY = 'satchmo_skip_property_defaults'


def without_property_defaults(model, fields_list, context):
    if not (context or {}).get(SKIP_KEY):
        return fields_list
    kept = []
    for name in fields_list:
        column = model._all_columns.get(name)
        if (column and isinstance(column.column, fields.property)
                and name not in model._defaults):
            continue
        kept.append(name)
    return kept


def held_property_names(cr, model, ids):
    """The property fields of which one of the records ``ids`` has a value of its own."""
    cr.execute("SELECT DISTINCT f.name FROM ir_property p "
               "JOIN ir_model_fields f ON f.id = p.fields_id WHERE p.res_id IN %s",
               (tuple('%s,%s' % (model, i) for i in ids),))
    return set(row[0] for row in cr.fetchall())


def without_unheld_properties(model, names, held):
    """``names`` less the property fields that none of the records holds a value of its own.

    Such a field reads the company's default on the commercial partner and on
    each child alike: copying it from one to the other stores nothing, but
    reads it once per record and field (a property read is a few queries).
    A pricelist of its own (a shop in another currency) no longer makes every
    other property of the customer and of each of its addresses read and
    written at each reconciliation (issue 13).
    """
    return [name for name in names
            if name in held or not isinstance(model._all_columns[name].column, fields.property)]


class res_partner(orm.Model):
    _inherit = 'res.partner'

    def default_get(self, cr, uid, fields_list, context=None):
        return super(res_partner, self).default_get(
            cr, uid, without_property_defaults(self, fields_list, context), context=context)

    def _commercial_sync_from_company(self, cr, uid, partner, context=None):
        commercial = partner.commercial_partner_id
        if not (context or {}).get(SKIP_KEY) or commercial == partner:
            return super(res_partner, self)._commercial_sync_from_company(
                cr, uid, partner, context=context)
        names = without_unheld_properties(
            self, self._commercial_fields(cr, uid, context=context),
            held_property_names(cr, self._name, [commercial.id, partner.id]))
        values = self._update_fields_values(cr, uid, commercial, names, context=context)
        if values:
            partner.write(values)

    def _commercial_sync_to_children(self, cr, uid, partner, context=None):
        commercial = partner.commercial_partner_id
        children = [child for child in partner.child_ids if not child.is_company]
        if not children:  # OpenERP would write its values on no record at all
            return True
        names = without_unheld_properties(
            self, self._commercial_fields(cr, uid, context=context),
            held_property_names(cr, self._name,
                                [commercial.id] + [child.id for child in children]))
        values = self._update_fields_values(cr, uid, commercial, names, context=context)
        values = self._without_held_properties(cr, uid, children, values, context=context)
        for child in children:
            if child.child_ids:  # a leaf's own sync is a write on no record (issue 13)
                self._commercial_sync_to_children(cr, uid, child, context=context)
        return self.write(cr, uid, [child.id for child in children], values, context=context)


    def _without_held_properties(self, cr, uid, children, values, context=None):
        """``values`` less the property fields every child already reads as given.

        Writing a property field deletes the record's own ir.property row and
        creates an equal one again (or none, if the value is the company's
        default): for a value the child already has, nothing it reads or stores
        changes, and every reconciliation of the customer rewrote each property
        of each address that way (issue 13). The other commercial fields are
        written as OpenERP writes them.
        """
        names = [name for name in values
                 if isinstance(self._all_columns[name].column, fields.property)]
        if not names:
            return values
        held = self.read(cr, uid, [child.id for child in children], names, context=context)
        kept = dict(values)
        for name in names:
            if all(_value_id(row[name]) == _value_id(values[name]) for row in held):
                del kept[name]
        return kept


def _value_id(value):
    """A many2one property as read() ((id, name)) or as written (an id): the id, or False."""
    if isinstance(value, (list, tuple)):
        return value and value[0] or False
    return value or False


class product_product(orm.Model):
    _inherit = 'product.product'

    def default_get(self, cr, uid, fields_list, context=None):
        return super(product_product, self).default_get(
            cr, uid, without_property_defaults(self, fields_list, context), context=context)
