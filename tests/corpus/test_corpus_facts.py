"""Facts of the shipped knowledge base (corpus/), read directly with csv/yaml.

These tests guard the corpus files against accidental edits: counts and values that users ask
about must stay exact, every structured figure must be numeric, and no contact detail may appear.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
EVENTS_CSV = CORPUS / "events" / "evenements_2024.csv"
EVENT_HEADER = ["date", "organisation", "type_code", "type", "titre", "themes", "participants",
                "participants_autre_lecture", "notes"]
THEMES = {"eau", "sols", "milieux", "biodéchets"}

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b")


def _events() -> list[dict[str, str]]:
    with EVENTS_CSV.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == EVENT_HEADER
        return list(reader)


def _held_2024() -> list[dict[str, str]]:
    """Events that took place in 2024 (postponed or future meetings excluded)."""
    return [e for e in _events() if e["date"].startswith("2024") and "report" not in e["notes"].lower()]


def _figures() -> dict[str, dict]:
    """All figure items of the corpus, keyed by metric label."""
    items: dict[str, dict] = {}
    for path in CORPUS.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data.get("figures", []) if isinstance(data, dict) else []:
            assert item["metric"] not in items, f"metric en double : {item['metric']}"
            items[item["metric"]] = item
    return items


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_45_events_held_in_2024() -> None:
    assert len(_held_2024()) == 45


def test_event_rows_are_well_formed() -> None:
    for e in _events():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"]), e
        assert e["organisation"] in {"organisation", "co-organisation"}, e
        assert re.fullmatch(r"WP[1-6]", e["type_code"]), e
        assert e["type"] and e["titre"], e
        assert set(filter(None, e["themes"].split(";"))) <= THEMES, e
        assert e["participants"] == "" or e["participants"].isdigit(), e


def test_event_types_match_the_detailed_list() -> None:
    by_type = Counter((e["type_code"], e["type"]) for e in _held_2024())
    assert by_type[("WP3", "Atelier confluence")] == 8
    assert by_type[("WP4", "Convention-salon-forum")] == 9
    assert by_type[("WP4", "Visite")] == 6
    assert by_type[("WP1", "Atelier créativité-sourcing")] == 5
    assert by_type[("WP2", "Autres événements")] == 3


def test_forum_eau() -> None:
    forum = [e for e in _events() if e["titre"] == "Forum Eau"]
    assert len(forum) == 1
    assert forum[0]["date"] == "2024-04-26"
    assert forum[0]["participants"] == "126"
    assert forum[0]["themes"] == "eau"


def test_bureaux_2024_and_postponed_bureau() -> None:
    bureaux = [e for e in _held_2024() if e["titre"] == "Bureau"]
    assert [(b["date"], b["participants"]) for b in bureaux] == [
        ("2024-02-08", "6"), ("2024-05-16", "6"), ("2024-09-05", "8")]
    postponed = [e for e in _events() if e["date"] == "2025-01-07"]
    assert len(postponed) == 1 and "21 novembre 2024" in postponed[0]["notes"]
    assert not [e for e in _events() if e["date"] == "2024-11-21"]


def test_ambiguous_attendance_left_empty() -> None:
    biodechets_forum = next(e for e in _events() if e["titre"] == "Forum régional Biodéchets")
    assert biodechets_forum["date"] == "2024-09-12" and biodechets_forum["participants"] == ""
    assert biodechets_forum["notes"]


def test_a_second_reading_only_where_the_report_gives_two_counts() -> None:
    """The report repeats two lines of its event list in a garbled form with another count: both are kept."""
    others = {(e["date"], e["participants"], e["participants_autre_lecture"]) for e in _events()
              if e["participants_autre_lecture"]}
    assert others == {("2024-09-06", "10", "40"), ("2024-10-11", "25", "35")}


def test_200_members_in_2024() -> None:
    figures = _figures()
    assert figures["Nombre de membres du cluster"]["values"]["2024"] == 200
    assert figures["Nombre de membres du cluster"]["values"]["2019"] == 98
    assert figures["Membres du Cluster"]["values"] == {"2024": 200, "2023": 190}


def test_key_figures() -> None:
    figures = _figures()
    assert figures["Structures"]["values"] == {"2024": 1692, "2023": 1584, "2021": 1455}
    assert figures["Contacts"]["values"] == {"2024": 4354, "2023": 3643}
    assert figures["Membres grandes entreprises (GE)"]["values"]["2024"] == 13
    assert figures["Membres travaillant dans le secteur Biodéchets"]["values"]["2024"] == 52
    assert figures["Abonnés LinkedIn"]["values"]["2024-09"] == 3701
    assert figures["Newsletters envoyées"]["values"] == {"2023": 7, "2024": 12}
    # The seed gives two different 2023 values (518 and 501): only 2024 is recorded.
    assert figures["Mises en relation proposées"]["values"] == {"2024": 600}


def test_every_figure_value_is_numeric() -> None:
    figures = _figures()
    assert len(figures) > 50
    for metric, item in figures.items():
        assert isinstance(item["values"], dict) and item["values"], metric
        for period, value in item["values"].items():
            assert re.fullmatch(r"(\d{4}(-\d{2})?)?", str(period)), (metric, period)
            assert isinstance(value, (int, float)) and not isinstance(value, bool), (metric, value)
        assert isinstance(item.get("aliases", []), list), metric


def test_members_file() -> None:
    data = yaml.safe_load((CORPUS / "members" / "nouveaux_membres_2024.yaml").read_text(encoding="utf-8"))
    members = {m["name"]: m for m in data["members"]}
    assert len(members) == len(data["members"])
    for m in members.values():
        assert m["activity"] and m["validated_by"], m["name"]
        assert re.fullmatch(r"2024-\d{2}-\d{2}", str(m["validated_on"])), m["name"]
        assert set(m["sectors"]) <= THEMES, m["name"]
    assert members["Solubio"]["validated_on"] == "2024-09-05"
    assert "février" in members["Jmconcept"]["validated_by"]


def test_four_guides_with_front_matter() -> None:
    guides = sorted((CORPUS / "guides").glob("*.md"))
    assert len(guides) == 4
    for path in guides:
        meta = _front_matter(path)
        assert meta["type"] == "guide-formation"
        for key in ("title", "format", "duration", "audience", "summary"):
            assert isinstance(meta[key], str) and meta[key], (path.name, key)
        assert isinstance(meta["themes"], list) and set(meta["themes"]) <= THEMES
        assert isinstance(meta["dis"], list) and meta["dis"]
        assert "\n## " in path.read_text(encoding="utf-8")
    eau = (CORPUS / "guides" / "gestion-sociotechnique-du-cycle-de-l-eau-urbaine.md").read_text(encoding="utf-8")
    assert "Nanterre" in eau


def test_eight_dis_sections() -> None:
    text = (CORPUS / "cluster" / "dis.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert len(headings) == 8
    for name in ("Aménagements et Milieux", "Eau", "Sols", "Biodéchets",
                 "ECOCIT'EMS", "REVIT'EMS", "NUM'EMS", "VAL'EMS"):
        assert any(name in h for h in headings), name


def test_four_enjeux() -> None:
    text = (CORPUS / "cluster" / "enjeux.md").read_text(encoding="utf-8")
    assert re.findall(r"^## Enjeu (\d) : ", text, flags=re.M) == ["1", "2", "3", "4"]


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.rglob("*") if p.is_file()), ids=str)
def test_no_contact_details(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not EMAIL.search(text), EMAIL.search(text)
    assert not PHONE.search(text), PHONE.search(text)
