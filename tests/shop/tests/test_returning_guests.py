# -*- coding: utf-8 -*-
"""Returning guests of the demo data: new contacts with an e-mail already used."""
from django.test import TestCase

from demo_store.generator import customers
from demo_store.generator.dice import Dice
from demo_store.generator.names import LOCALES
from satchmo_api.tests import store
from satchmo_store.contact.models import Contact, ContactRole


class ReturningGuestsTest(TestCase):

    def test_a_returning_guest_is_a_new_contact_with_the_email_in_another_case(self):
        store.country()  # BE, the first locale's
        people = customers.Customers()
        role, _ = ContactRole.objects.get_or_create(key="Customer",
                                                    defaults={"name": u"Customer"})
        first = Contact.objects.create(first_name=u"Ann", last_name=u"Peeters", role=role,
                                       email=u"ann.peeters.1@example.com")
        people.contacts.append(first)
        people.locale_of[first.pk] = LOCALES[0]
        [again] = customers.create_returning_guests(Dice(7, "returning_guests"), 1, people)
        self.assertNotEqual(again.pk, first.pk)
        self.assertEqual(again.email, u"Ann.peeters.1@example.com")
        self.assertEqual((again.first_name, again.last_name, again.user_id),
                         (u"Ann", u"Peeters", None))
        self.assertEqual(again.addressbook_set.count(), 1)
