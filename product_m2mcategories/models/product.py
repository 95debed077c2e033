# -*- coding: utf-8 -*-
"""Several categories per product, the main one (categ_id) always among them.

The table and column names (``product_categ_rel``: ``product_id``,
``categ_id``) are those of the community module of the same name, so modules
written against it (and SQL reports reading the table) keep working.
"""
from openerp.osv import fields, orm


class product_product(orm.Model):
    _inherit = 'product.product'

    _columns = {
        'categ_ids': fields.many2many(
            'product.category', 'product_categ_rel', 'product_id', 'categ_id',
            string='Categories',
            help="Every category the product belongs to. The main category "
                 "is always one of them."),
    }

    def init(self, cr):
        """Give products that existed before the install their main category.

        Runs at every install/update; it only adds missing rows, so it is
        cheap and idempotent.
        """
        cr.execute("""
            INSERT INTO product_categ_rel (product_id, categ_id)
            SELECT p.id, t.categ_id
              FROM product_product p
              JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE t.categ_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM product_categ_rel r
                                WHERE r.product_id = p.id
                                  AND r.categ_id = t.categ_id)
        """)

    def _add_main_category(self, cr, uid, ids, context=None):
        """Link each product's main category when categ_ids lost or lacks it.

        Done after every create/write instead of refusing the change: the
        main category is the one OpenERP itself relies on (accounts,
        pricelists), so silently keeping it in the set is what users expect
        when they edit the tags.
        """
        if not ids:
            return
        cr.execute("""
            SELECT p.id, t.categ_id
              FROM product_product p
              JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE p.id IN %s
               AND t.categ_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM product_categ_rel r
                                WHERE r.product_id = p.id
                                  AND r.categ_id = t.categ_id)
        """, (tuple(ids),))
        for product_id, categ_id in cr.fetchall():
            super(product_product, self).write(
                cr, uid, [product_id], {'categ_ids': [(4, categ_id)]},
                context=context)

    def create(self, cr, uid, vals, context=None):
        new_id = super(product_product, self).create(
            cr, uid, vals, context=context)
        self._add_main_category(cr, uid, [new_id], context=context)
        return new_id

    def write(self, cr, uid, ids, vals, context=None):
        res = super(product_product, self).write(
            cr, uid, ids, vals, context=context)
        if 'categ_id' in vals or 'categ_ids' in vals:
            if isinstance(ids, (int, long)):
                ids = [ids]
            self._add_main_category(cr, uid, ids, context=context)
        return res


class product_template(orm.Model):
    """The main category lives on the template: changing it there counts too."""
    _inherit = 'product.template'

    def write(self, cr, uid, ids, vals, context=None):
        res = super(product_template, self).write(
            cr, uid, ids, vals, context=context)
        if 'categ_id' in vals:
            if isinstance(ids, (int, long)):
                ids = [ids]
            product_obj = self.pool.get('product.product')
            product_ids = product_obj.search(
                cr, uid, [('product_tmpl_id', 'in', ids)],
                context=dict(context or {}, active_test=False))
            product_obj._add_main_category(
                cr, uid, product_ids, context=context)
        return res
