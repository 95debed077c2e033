"""Which Satchmo table's row marks which resource objects as changed.

One table of rules, ``RULES``: (model, resource, ids, own[, watched]).
``ids`` is a SQL query that names the resource ids a row shows in, written
against ``{row}`` (the trigger puts ``OLD`` or ``NEW`` there); ``watched``,
when given, limits an update's marks to updates that change one of those
fields (a category's "mark inactive" does not change its products). A child row (a price, an
address, an order item...) has no resource of its own: its insert, update
*and* delete are an upsert of its parent, because the parent's answer
changed. Only deleting the resource's own row (``own``) is a delete.

Many-to-many through tables are rules like any other: a link row marks the
end that shows it. Because PostgreSQL fires a row trigger for every row a
cascade or a bulk ``DELETE`` removes, deleting an Option, an OptionGroup or
a Category marks what its links showed, which Django 1.3's signals never
did.
"""
from collections import OrderedDict

from l10n.models import AdminArea, Country
from product.models import Category, Option, OptionGroup, Price, Product, TaxClass
from product.modules.configurable.models import ConfigurableProduct, ProductVariation
from satchmo_store.contact.models import (AddressBook, Contact, ContactOrganization,
                                          ContactOrganizationRole, ContactRole,
                                          Organization, PhoneNumber)
from satchmo_store.shop.models import (Order, OrderAuthorization, OrderItem, OrderItemDetail,
                                       OrderPayment, OrderPendingPayment, OrderStatus,
                                       OrderTaxDetail)

CATEGORY_LINKS = Product.category.through
OPTION_LINKS = ProductVariation.options.through


def table(model):
    return model._meta.db_table


def column(model, name):
    return model._meta.get_field(name).column


def own_id(model):
    return "SELECT {row}.%s" % model._meta.pk.column


def parent(model, name):
    """The resource is the row a foreign key of this row points at."""
    return "SELECT {row}.%s" % column(model, name)


def priced_products():
    """A price row shows in its product, and in the variations of that
    product when it is configurable: a variation without prices of its own
    charges its parent's price plus its options' price changes."""
    return ("SELECT {row}.%(product)s UNION SELECT %(variation)s FROM %(variations)s "
            "WHERE %(parent)s = {row}.%(product)s" % {
                "product": column(Price, "product"),
                "variation": column(ProductVariation, "product"),
                "variations": table(ProductVariation),
                "parent": column(ProductVariation, "parent")})


def variations_with_option():
    return "SELECT productvariation_id FROM %s WHERE option_id = {row}.id" % table(OPTION_LINKS)


def variations_with_group():
    return ("SELECT link.productvariation_id FROM %s link JOIN %s opt ON opt.id = link.option_id"
            " WHERE opt.%s = {row}.id" % (table(OPTION_LINKS), table(Option),
                                          column(Option, "option_group")))


def products_in_category():
    """A category's name, ordering or parent decide which of a product's
    categories is its main one (Category's own ordering)."""
    return "SELECT product_id FROM %s WHERE category_id = {row}.id" % table(CATEGORY_LINKS)


def order_of_item_detail():
    # Gone already when a cascade deletes the item first: the item's own
    # delete has marked the order then.
    return "SELECT %s FROM %s WHERE id = {row}.%s" % (
        column(OrderItem, "order"), table(OrderItem), column(OrderItemDetail, "item"))


def rows_pointing_at(model, name):
    """Resources whose ``name`` foreign key points at this row (a type or a
    role, whose primary key is its ``key``)."""
    target = model._meta.get_field(name).rel.to
    return "SELECT id FROM %s WHERE %s = {row}.%s" % (table(model), column(model, name),
                                                     target._meta.pk.column)


# (model, resource, ids of the resource objects the row shows in, own row?[, watched])
RULES = (
    (Country, "countries", own_id(Country), True),
    (AdminArea, "countries", parent(AdminArea, "country"), False),
    (Category, "categories", own_id(Category), True),
    (Category, "products", products_in_category(), False,
     ("site", "parent", "ordering", "name")),
    (TaxClass, "tax_classes", own_id(TaxClass), True),
    (Product, "products", own_id(Product), True),
    (Price, "products", priced_products(), False),
    (CATEGORY_LINKS, "products", "SELECT {row}.product_id", False),
    (ConfigurableProduct, "products", parent(ConfigurableProduct, "product"), False),
    (ProductVariation, "products", parent(ProductVariation, "product"), False),
    (OPTION_LINKS, "products", "SELECT {row}.productvariation_id", False),
    (Option, "products", variations_with_option(), False),
    (OptionGroup, "products", variations_with_group(), False),
    (Organization, "organizations", own_id(Organization), True),
    (ContactOrganization, "organizations", rows_pointing_at(Organization, "type"), False),
    (ContactOrganizationRole, "organizations", rows_pointing_at(Organization, "role"), False),
    (Contact, "contacts", own_id(Contact), True),
    (ContactRole, "contacts", rows_pointing_at(Contact, "role"), False),
    (AddressBook, "contacts", parent(AddressBook, "contact"), False),
    (PhoneNumber, "contacts", parent(PhoneNumber, "contact"), False),
    (Order, "orders", own_id(Order), True),
    (OrderItem, "orders", parent(OrderItem, "order"), False),
    (OrderItemDetail, "orders", order_of_item_detail(), False),
    (OrderStatus, "orders", parent(OrderStatus, "order"), False),
    (OrderTaxDetail, "orders", parent(OrderTaxDetail, "order"), False),
    (OrderPayment, "orders", parent(OrderPayment, "order"), False),
    (OrderAuthorization, "orders", parent(OrderAuthorization, "order"), False),
    (OrderPendingPayment, "orders", parent(OrderPendingPayment, "order"), False),
)


def rules_by_table():
    """{table: [(resource, ids, own, watched columns)...]} in RULES' order."""
    tables = OrderedDict()
    for rule in RULES:
        model, resource, ids, own = rule[:4]
        watched = tuple(column(model, name) for name in rule[4]) if len(rule) > 4 else ()
        tables.setdefault(table(model), []).append((resource, ids, own, watched))
    return tables
