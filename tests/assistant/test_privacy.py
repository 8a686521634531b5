"""Contact details are found in their usual French and international spellings, ordinary numbers are not."""
from __future__ import annotations

import pytest

from assistant.privacy import contains_contact, redact_contacts

CONTACTS = [
    "jean.dupont@cluster-ems.fr",
    "jean [at] cluster-ems.fr",
    "01 23 45 67 89",
    "01.23.45.67.89",
    "0612345678",
    "+33 (0)1 23 45 67 89",
    "+33 6 12 34 56 78",
    "0033 6 12 34 56 78",
    "0 800 123 456",
    "+44 20 7946 0958",
]
ORDINARY = ["1 692 adhérents", "2015–2024", "67,44 %", "le 26/04/2024", "+15 % en 2024", "2024-09",
            "120, 150, 200", "WP4 Visite", "20 24 35 46 57"]


@pytest.mark.parametrize("contact", CONTACTS)
def test_contacts_are_found_and_masked(contact: str):
    text = f"Contact : {contact}, merci."
    assert contains_contact(text)
    redacted = redact_contacts(text)
    assert contact not in redacted and not contains_contact(redacted)
    assert redacted.startswith("Contact : [") and redacted.endswith("masqué], merci.")


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_numbers_are_left_alone(text: str):
    assert not contains_contact(text)
    assert redact_contacts(text) == text
