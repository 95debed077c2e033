"""Which Satchmo model change marks which resource object as changed.

One table, ``RULES``: (model, resource, how to find the resource ids from
the changed instance, whether deleting the instance deletes the object).
A child row (a price, an address, an order item...) has no resource of its
own: its save *and* its delete are an upsert of its parent, because the
parent's answer changed. Only deleting the resource's own row is a delete.

Changes made by raw SQL or ``QuerySet.update()`` send no signal and escape
the log: the README gives the full-resync path for those.
"""
from django.db.models.signals import m2m_changed, post_delete, post_save

from l10n.models import AdminArea, Country
from product.models import Category, Option, OptionGroup, Price, Product, TaxClass
from product.modules.configurable.models import ConfigurableProduct, ProductVariation
from satchmo_store.contact.models import (AddressBook, Contact, ContactOrganization,
                                          ContactOrganizationRole, ContactRole,
                                          Organization, PhoneNumber)
from satchmo_store.shop.models import (Order, OrderAuthorization, OrderItem, OrderItemDetail,
                                       OrderPayment, OrderPendingPayment, OrderStatus,
                                       OrderTaxDetail)

from satchmo_api import feed
from satchmo_api.models import Change


def own_id(instance):
    return [instance.pk]


def field(name):
    """The ids of a foreign key of the instance (without loading the parent)."""
    return lambda instance: [getattr(instance, name)]


def order_of_item_detail(detail):
    # The item may already be gone when a cascade deletes its details; the
    # item's own delete has marked the order then.
    return list(OrderItem.objects.filter(pk=detail.item_id).values_list("order_id", flat=True))


def variations_with_option(option):
    return list(ProductVariation.objects.filter(options=option)
                .values_list("product_id", flat=True))


def variations_with_group(group):
    return list(ProductVariation.objects.filter(options__option_group=group)
                .values_list("product_id", flat=True).distinct())


def organizations_typed(kind):
    return list(Organization.objects.filter(type=kind).values_list("id", flat=True))


def organizations_in_role(role):
    return list(Organization.objects.filter(role=role).values_list("id", flat=True))


def contacts_in_role(role):
    return list(Contact.objects.filter(role=role).values_list("id", flat=True))


# (model, resource, ids of the resource objects it shows in, own row?)
RULES = (
    (Country, "countries", own_id, True),
    (AdminArea, "countries", field("country_id"), False),
    (Category, "categories", own_id, True),
    (TaxClass, "tax_classes", own_id, True),
    (Product, "products", own_id, True),
    (Price, "products", field("product_id"), False),
    (ConfigurableProduct, "products", field("product_id"), False),
    (ProductVariation, "products", field("product_id"), False),
    (Option, "products", variations_with_option, False),
    (OptionGroup, "products", variations_with_group, False),
    (Organization, "organizations", own_id, True),
    (ContactOrganization, "organizations", organizations_typed, False),
    (ContactOrganizationRole, "organizations", organizations_in_role, False),
    (Contact, "contacts", own_id, True),
    (ContactRole, "contacts", contacts_in_role, False),
    (AddressBook, "contacts", field("contact_id"), False),
    (PhoneNumber, "contacts", field("contact_id"), False),
    (Order, "orders", own_id, True),
    (OrderItem, "orders", field("order_id"), False),
    (OrderItemDetail, "orders", order_of_item_detail, False),
    (OrderStatus, "orders", field("order_id"), False),
    (OrderTaxDetail, "orders", field("order_id"), False),
    (OrderPayment, "orders", field("order_id"), False),
    (OrderAuthorization, "orders", field("order_id"), False),
    (OrderPendingPayment, "orders", field("order_id"), False),
)

# Many-to-many links a resource shows: (through model, resource, the side
# that is the resource object).
M2M_RULES = (
    (Product.category.through, "products", "product"),
    (ProductVariation.options.through, "products", "productvariation"),
)


def _on_save(resource, ids_of):
    def handler(sender, instance, raw=False, **kwargs):
        if raw:  # loading fixtures: the backfill command covers those
            return
        feed.record(resource, ids_of(instance), Change.UPSERT)
    return handler


def _on_delete(resource, ids_of, own):
    operation = Change.DELETE if own else Change.UPSERT

    def handler(sender, instance, **kwargs):
        feed.record(resource, ids_of(instance), operation)
    return handler


def _on_m2m(resource, owner_side):
    """Links added or removed from either side mark the owning objects.

    From the owner's side the owner is ``instance``; from the other side
    the owners are ``pk_set``, except for a clear, which names none: they
    are looked up before the links go (pre_clear).
    """
    def handler(sender, instance, action, reverse, pk_set, **kwargs):
        if not reverse and action in ("post_add", "post_remove", "post_clear"):
            ids = [instance.pk]
        elif reverse and action in ("post_add", "post_remove"):
            ids = sorted(pk_set or ())
        elif reverse and action == "pre_clear":
            ids = list(sender.objects.filter(**{_link_to(sender, instance): instance.pk})
                       .values_list(owner_side + "_id", flat=True))
        else:
            return
        feed.record(resource, ids, Change.UPSERT)
    return handler


def _link_to(through, instance):
    """The through model's foreign key column that points at ``instance``'s model."""
    for fk in through._meta.fields:
        if getattr(fk, "rel", None) and fk.rel.to is type(instance):
            return fk.name + "_id"
    raise LookupError(type(instance))


_handlers = []  # signals hold weak references: keep ours alive


def connect():
    for model, resource, ids_of, own in RULES:
        save, delete = _on_save(resource, ids_of), _on_delete(resource, ids_of, own)
        _handlers.extend([save, delete])
        post_save.connect(save, sender=model, dispatch_uid="satchmo_api.save.%s" % model.__name__)
        post_delete.connect(delete, sender=model,
                            dispatch_uid="satchmo_api.delete.%s" % model.__name__)
    for through, resource, owner_side in M2M_RULES:
        handler = _on_m2m(resource, owner_side)
        _handlers.append(handler)
        m2m_changed.connect(handler, sender=through,
                            dispatch_uid="satchmo_api.m2m.%s" % through.__name__)


connect()
