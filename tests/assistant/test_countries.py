"""The countries a base names, found by their CLDR names or their people's adjective, on a base of its own."""
from __future__ import annotations

from llama_index.core.schema import TextNode

from assistant.answers.countries import Countries
from assistant.reading.countries import in_french, people_word


def node(text: str, title: str, day: int = 0) -> TextNode:
    return TextNode(text=text, metadata={"title": title, "date": day, "kind": "event" if day else "document"})


def test_countries_named_by_name_or_adjective_the_home_one_aside():
    base = [
        node("Rencontre Italie - Espagne sur l'irrigation.", "Rencontre Italie - Espagne", 20250304),
        node("Accueil d'une délégation marocaine.", "Accueil d'une délégation marocaine", 20250612),
        node("Réunion du conseil. Le réseau couvre l'Italie du Nord.", "Conseil", 20250101),
        node("Présentation : un cluster italien, partenaire de la Suisse.", "Présentation"),
    ]
    countries = Countries(base)
    assert countries.home == "Italie"  # the country it names most is its own
    draft = countries.answer("avec quels pays vous travaillez ?")
    assert draft is not None and "hors Italie" in draft.text
    assert {"Espagne", "Maroc", "Suisse"} <= set(countries.named) and "La Réunion" not in countries.named
    assert draft.text.index("Espagne") < draft.text.index("Maroc") < draft.text.index("Suisse")  # by date
    assert "12 juin 2025" in draft.text
    assert countries.answer("le pays de son siège ?") is None  # one thing's country, not the list
    assert Countries([]).answer("quels pays ?") is None


def test_an_english_country_name_reads_as_the_base_writes_it():
    assert in_french("visitors from China and South Korea") == "visitors from Chine and Corée du Sud"
    assert people_word("chine", {"delegation", "chinoise"}) == "chinoise"
    assert people_word("chaise", {"chaises"}) is None


def test_countries_on_the_real_base(assistant):
    a = assistant.ask("on a reçu des gens de quels pays ?")
    assert not a.abstained and "hors France" in a.answer
    for country in ("Slovénie", "Serbie", "Finlande", "Chine", "Corée du Sud", "Belgique", "Ukraine"):
        assert country in a.answer
    b = assistant.ask("Did the cluster welcome anyone from China?")
    assert not b.abstained and "6 septembre 2024" in b.answer and "11 septembre 2024" in b.answer
    d = assistant.ask("le cluster a des partenaires à l'étranger ?")
    assert "Serbie" in d.answer and "hors France" in d.answer
    e = assistant.ask("le cluster travaille à l'international ?")  # abroad, said another way
    assert "Finlande" in e.answer and "hors France" in e.answer
    c = assistant.ask("le siège de Sempergreen est dans quel pays ?")
    assert "Pays-Bas" in c.answer and "pays nommés" not in c.answer
