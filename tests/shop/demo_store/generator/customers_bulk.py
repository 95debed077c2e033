# -*- coding: utf-8 -*-
"""The fast way to write the generated customers: the same rows, many per statement.

``BulkWriter`` takes the organizations, contacts, address book entries and
phone numbers customers.py makes, in the same order and from the same dice,
gives each its id from its table's sequence (rows.Rows) and writes them
with one multi-row INSERT per table and few hundred rows at the end of the
phase, instead of two to four queries per row through Satchmo's models.

What Satchmo's saves would decide is decided on the rows still in memory:
the planned creation day (the slow path saves "today" then writes the day
back), and the one default billing, default shipping and primary phone per
contact (AddressBook.save and PhoneNumber.save demote the old default when
a new one comes, or make the first entry the default). A contact's rows are
all made before the next contact's, so the book in memory is the whole book.
The slow path is the reference: tests/shop/tests/test_generator_bulk.py
builds one store both ways and compares every table.
"""
from satchmo_store.contact.models import AddressBook, Contact, Organization, PhoneNumber

from .rows import Rows

ADDRESS_DEFAULTS = ("is_default_billing", "is_default_shipping")


class BulkWriter(object):

    def __init__(self):
        # parents before children
        self.tables = [(model, Rows(model)) for model in
                       (Organization, Contact, AddressBook, PhoneNumber)]
        self.rows = dict(self.tables)
        self._books = {}                    # contact id -> [AddressBook] made for it
        self._phones = {}                   # contact id -> [PhoneNumber]

    def organization(self, organization, create_date):
        organization.create_date = create_date
        self.rows[Organization].add(organization)

    def contact(self, contact, create_date):
        if contact.user_id:
            raise ValueError("the bulk writer makes contacts without a login only")
        contact.create_date = create_date
        self.rows[Contact].add(contact)

    def address(self, entry):
        book = self._books.setdefault(entry.contact.pk, [])
        for flag in ADDRESS_DEFAULTS:
            _one_default(book, entry, flag)
        book.append(entry)
        self.rows[AddressBook].add(entry)

    def phone(self, phone):
        numbers = self._phones.setdefault(phone.contact.pk, [])
        _one_default(numbers, phone, "primary")
        numbers.append(phone)
        self.rows[PhoneNumber].add(phone)

    def write(self):
        """Insert what was collected; the ids drawn but not used go back to their
        sequences, so rows saved one by one afterwards get the ids they would get
        on the slow path."""
        for _, rows in self.tables:
            rows.write()
            rows.give_back()
        self._books, self._phones = {}, {}


def _one_default(earlier, new, flag):
    """A new default demotes the earlier one; without an earlier default, the new
    entry becomes it (what AddressBook.save and PhoneNumber.save do)."""
    defaults = [entry for entry in earlier if getattr(entry, flag)]
    if len(defaults) > 1:
        raise ValueError("a contact with %d entries marked %s" % (len(defaults), flag))
    if not defaults:
        setattr(new, flag, True)
    elif getattr(new, flag):
        setattr(defaults[0], flag, False)
