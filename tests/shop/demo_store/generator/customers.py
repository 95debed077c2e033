# -*- coding: utf-8 -*-
"""Organizations and contacts, with address books and phone numbers.

Addresses go through Satchmo's AddressBook.save, which keeps exactly one
default billing and one default shipping address per contact: a new default
demotes the old one, which stays in the book. That is how a customer
"moves": ``move`` adds a new default address, and orders placed before keep
the old one in their own snapshot (Order.copy_addresses).

Where the rows go is the writer's business: ``SavedOneByOne`` (the
default, the reference) saves each through Satchmo's models;
customers_bulk.BulkWriter (``generate(..., fast=True)``) writes the same
rows many per statement.
"""
import datetime
import unicodedata

from l10n.models import Country
from satchmo_store.contact.models import (AddressBook, Contact, ContactOrganization,
                                          ContactOrganizationRole, ContactRole, Organization,
                                          PhoneNumber)

from .names import ADDRESS_KINDS, LOCALES, ORGANIZATIONS, TITLES

ORGANIZATION_MEMBER_SHARE = 0.3


def _ascii(text):
    """An e-mail friendly form of a name: accents dropped, other scripts skipped."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(c for c in plain.lower() if c.isalnum())


class SavedOneByOne(object):
    """Each row saved through Satchmo's models, its planned creation day written back
    (Organization.save and Contact.save stamp "today")."""

    def organization(self, organization, create_date):
        organization.save()
        Organization.objects.filter(pk=organization.pk).update(create_date=create_date)

    def contact(self, contact, create_date):
        contact.save()
        Contact.objects.filter(pk=contact.pk).update(create_date=create_date)

    def address(self, entry):
        entry.save()            # AddressBook.save demotes the contact's old default

    def phone(self, phone):
        phone.save()            # PhoneNumber.save keeps one primary number

    def write(self):
        pass


def create_organizations(dice, count, timeline, writer=None):
    writer = writer or SavedOneByOne()
    types = list(ContactOrganization.objects.order_by("pk"))
    roles = list(ContactOrganizationRole.objects.order_by("pk"))
    made = []
    for index in range(count):
        name = ORGANIZATIONS[index % len(ORGANIZATIONS)]
        if index >= len(ORGANIZATIONS):
            name = u"%s (%d)" % (name, index // len(ORGANIZATIONS) + 1)
        organization = Organization(name=name, type=dice.choice(types),
                                    role=dice.choice(roles),
                                    notes=dice.choice([u"", u"Client fidèle depuis 2019.",
                                                       u"Rechnung per E-Mail."]))
        writer.organization(organization, timeline.day(dice, 0.0, 0.2))
        made.append(organization)
    writer.write()
    return made


class Customers(object):
    """The generated contacts, with the locale each one lives in."""

    def __init__(self):
        self.contacts = []
        self.locale_of = {}
        self.writer = SavedOneByOne()
        self._countries = dict((c.iso2_code, c) for c in Country.objects.filter(
            iso2_code__in=[locale["country"] for locale in LOCALES]))

    def __len__(self):
        return len(self.contacts)

    def address(self, dice, contact, description, billing, shipping):
        """Add an address in the contact's country to their book."""
        locale = self.locale_of[contact.pk]
        city, postal_code, state = dice.choice(locale["cities"])
        street = locale["street"].format(street=dice.choice(locale["streets"]),
                                         number=dice.randint(1, 240))
        entry = AddressBook(contact=contact, description=description,
                            addressee=contact.full_name, street1=street,
                            street2=dice.choice([u"", u"", u"Bte 3", u"2e étage", u"Hinterhaus"]),
                            city=city, state=state, postal_code=postal_code,
                            country=self._countries[locale["country"]],
                            is_default_billing=billing, is_default_shipping=shipping)
        self.writer.address(entry)
        return entry

    def move(self, dice, contact):
        """The customer moves: a new default billing and shipping address."""
        return self.address(dice, contact, u"Nouvelle adresse", True, True)


def create_contacts(dice, count, organizations, timeline, writer=None):
    customers = Customers()
    if writer:
        customers.writer = writer
    role = ContactRole.objects.get(pk="Customer")
    locales = [(locale, locale["weight"]) for locale in LOCALES]
    for index in range(count):
        locale = LOCALES[0] if index == 0 else dice.weighted(locales)
        first, last = dice.choice(locale["first"]), dice.choice(locale["last"])
        email_name = (u"%s.%s" % (_ascii(first), _ascii(last))).strip(".") or u"client"
        organization = None
        if organizations and dice.chance(ORGANIZATION_MEMBER_SHARE):
            organization = dice.choice(organizations)
        contact = Contact(
            title=dice.choice(TITLES), first_name=first, last_name=last, role=role,
            organization=organization, email=u"%s.%d@example.com" % (email_name, index + 1),
            notes=dice.choice([u"", u"", u"Préfère être contacté(e) par e-mail.", u"VIP ★"]),
            dob=dice.chance(0.6) and datetime.date(dice.randint(1940, 2004),
                                                   dice.randint(1, 12), dice.randint(1, 28))
            or None)
        customers.writer.contact(contact, timeline.day(dice, 0.0, 0.3))
        customers.contacts.append(contact)
        customers.locale_of[contact.pk] = locale

        customers.address(dice, contact, ADDRESS_KINDS[0], True, True)
        for kind in dice.some(ADDRESS_KINDS[1:], 0, 2):
            # sometimes the office is where the invoices go
            customers.address(dice, contact, kind, dice.chance(0.3), False)
        _add_phones(dice, contact, locale, customers.writer)
    customers.writer.write()
    # later address changes (moves while orders are placed) are saved one by one
    customers.writer = SavedOneByOne()
    return customers


def create_returning_guests(dice, count, people):
    """Guests who came back: a new contact with an e-mail already used, in another case.

    Satchmo makes a new contact at every guest checkout, whatever the e-mail
    (an abandoned checkout leaves one too); the connector's customer matching
    makes those one customer. Drawn from a stream of their own, after
    everything else, so that they change nothing else the seed makes.
    """
    made = []
    for original in dice.some(people.contacts, min(count, len(people)), min(count, len(people))):
        contact = Contact(title=original.title, first_name=original.first_name,
                          last_name=original.last_name, role=original.role,
                          email=original.email.capitalize() if original.email[:1].islower()
                          else original.email.lower(), notes=u"")
        contact.save()
        people.locale_of[contact.pk] = people.locale_of[original.pk]
        people.address(dice, contact, ADDRESS_KINDS[0], True, True)
        made.append(contact)
    return made


def _add_phones(dice, contact, locale, writer):
    kinds = dice.some([u"Home", u"Mobile", u"Work", u"Fax"], 1, 3)
    for position, kind in enumerate(kinds):
        number = locale["phone"].format(a=dice.randint(100, 999), b=dice.randint(10, 99),
                                        c=dice.randint(10, 99))
        writer.phone(PhoneNumber(contact=contact, type=kind, phone=number,
                                 primary=position == 0))
