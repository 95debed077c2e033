"""Organizations and contacts (with addresses and phones).

Never the contact's user: its password and sessions stay out of the API. Only
whether the contact has one (``has_account``): a guest checkout makes a new
contact without a user each time, and the connector merges those by e-mail.
"""
from satchmo_store.contact.models import AddressBook, Contact, Organization, PhoneNumber

from satchmo_api.serializers import formats
from satchmo_api.serializers.base import ResourceSerializer, group_by, ids_of


def name_of(choice):
    return choice.name if choice is not None else None


class OrganizationSerializer(ResourceSerializer):
    name = "organizations"
    model = Organization

    def queryset(self):
        return Organization.objects.select_related("type", "role")

    def represent(self, organization, children):
        return {
            "id": organization.id,
            "name": organization.name,
            "type": name_of(organization.type),
            "role": name_of(organization.role),
            "notes": organization.notes,
        }


class ContactSerializer(ResourceSerializer):
    name = "contacts"
    model = Contact

    def queryset(self):
        return Contact.objects.select_related("role")

    def children(self, rows):
        ids = ids_of(rows)
        addresses = (AddressBook.objects.filter(contact__in=ids).select_related("country")
                     .order_by("id"))
        phones = PhoneNumber.objects.filter(contact__in=ids).order_by("id")
        return {"addresses": group_by(addresses, lambda a: a.contact_id),
                "phones": group_by(phones, lambda p: p.contact_id)}

    def represent(self, contact, children):
        return {
            "id": contact.id,
            "title": contact.title,
            "first_name": contact.first_name,
            "last_name": contact.last_name,
            "email": contact.email,
            "has_account": contact.user_id is not None,
            "role": name_of(contact.role),
            "organization_id": contact.organization_id,
            "notes": contact.notes,
            "dob": formats.day(contact.dob),
            "addresses": [{
                "id": a.id,
                "description": a.description,
                "addressee": a.addressee,
                "street1": a.street1,
                "street2": a.street2,
                "city": a.city,
                "state": a.state,
                "postal_code": a.postal_code,
                "country": a.country.iso2_code if a.country_id else None,
                "is_default_billing": a.is_default_billing,
                "is_default_shipping": a.is_default_shipping,
            } for a in children["addresses"].get(contact.id, [])],
            "phones": [{"id": p.id, "type": p.type, "phone": p.phone, "primary": p.primary}
                       for p in children["phones"].get(contact.id, [])],
        }
