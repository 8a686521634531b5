"""The answer engine on the real ingested corpus: each intent, relative dates, abstention, refusals."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.reading.normalize import fold


def ask(assistant, question: str, as_of: str | None = None, conversation_id: str | None = None):
    return assistant.ask(question, conversation_id=conversation_id,
                         as_of=date.fromisoformat(as_of) if as_of else None)


def folded(answer) -> str:
    return fold(answer.answer)


# --- events -------------------------------------------------------------------------------------

def test_lookup_gives_date_and_participants_and_cites_the_event(assistant):
    a = ask(assistant, "Combien de participants au Forum Eau ?")
    assert "126" in a.answer and not a.abstained
    assert [s.kind for s in a.sources] == ["event"]
    assert a.sources[0].title == "Forum Eau" and a.sources[0].date == "2024-04-26"


def test_lookup_by_part_of_a_title(assistant):
    a = ask(assistant, "Le webinaire avec la Finlande s'est tenu à quelle date ?")
    assert "19 mars 2024" in a.answer and "75 participants" in a.answer
    assert [s.date for s in a.sources] == ["2024-03-19"] and "Finlande" in a.sources[0].title


def test_filter_by_month_lists_every_event(assistant):
    a = ask(assistant, "Montre-moi tout ce qui s'est passé en avril 2024")
    text = folded(a)
    for words in ("gestion des sols", "gaspillage alimentaire", "slovenie", "forum eau"):
        assert words in text
    assert sorted(s.date for s in a.sources) == ["2024-04-02", "2024-04-04", "2024-04-24", "2024-04-26"]


def test_filter_by_organisation(assistant):
    a = ask(assistant, "En juillet 2024, quels événements étaient en co-organisation ?")
    assert sorted(s.date for s in a.sources) == ["2024-07-03", "2024-07-04", "2024-07-04"]


def test_count_is_a_count_of_records(assistant):
    a = ask(assistant, "Il y a eu combien d'événements au mois de mars 2024 ?")
    assert a.answer.startswith("Il y a 4 événements") and len(a.sources) == 4


def test_sum_of_participants(assistant):
    a = ask(assistant, "Quel est le nombre total de participants aux ateliers confluence de novembre 2024 ?")
    assert "140 participants" in a.answer
    assert "50 (7 novembre) + 41 (14 novembre) + 34 (19 novembre) + 15 (28 novembre)" in a.answer


def test_max_participants(assistant):
    a = ask(assistant, "Quel événement a réuni le plus de participants en 2024 ?")
    assert "Forum régional Sols" in a.answer and "170" in a.answer


def test_missing_attendance_is_said_not_guessed(assistant):
    a = ask(assistant, "Combien de participants au Forum régional Biodéchets ?")
    assert "non renseigné" in a.answer


def test_false_premise_is_corrected(assistant):
    a = ask(assistant, "Pour quelle raison la visite de Saint-Gobain Pont-à-Mousson a-t-elle été annulée ?")
    assert not a.abstained
    assert "ni annulation ni report" in a.answer and "4 octobre 2024" in a.answer


# --- relative dates (fixed as_of) ---------------------------------------------------------------

def test_this_week(assistant):
    a = ask(assistant, "Il se passe quoi cette semaine au cluster ?", as_of="2024-11-18")
    assert "Îlot de fraîcheur" in a.answer and "CSTB" in a.answer
    assert sorted(s.date for s in a.sources) == ["2024-11-19", "2024-11-22"]


def test_next_of_a_type(assistant):
    a = ask(assistant, "Quelle est la prochaine formation ?", as_of="2024-04-10")
    assert "2 décembre 2024" in a.answer and "gestion des sols" in a.answer


def test_next_month(assistant):
    a = ask(assistant, "Qu'est-ce qui est prévu le mois prochain ?", as_of="2024-06-03")
    assert {s.date[:7] for s in a.sources} == {"2024-07"}


def test_until_mid_month(assistant):
    a = ask(assistant, "Quels ateliers d'ici la mi-juillet ?", as_of="2024-06-20")
    dates = {s.date for s in a.sources}
    assert dates and all("2024-06-20" <= d <= "2024-07-15" for d in dates)


def test_postponed_meeting_is_upcoming(assistant):
    a = ask(assistant, "Quand est la prochaine réunion du bureau ?", as_of="2024-12-20")
    assert "7 janvier 2025" in a.answer and "reporté" in a.answer


def test_nothing_upcoming_abstains(assistant):
    a = ask(assistant, "Quels sont les prochains ateliers ?", as_of="2026-11-28")
    assert a.abstained and "à venir" in a.answer


# --- figures, members, guides, DIS and enjeux ---------------------------------------------------------

def test_figures_for_two_years(assistant):
    a = ask(assistant, "Projets et besoins : quel nombre en 2024, puis en 2023 ?")
    assert "427" in a.answer and "419" in a.answer and a.sources[0].kind == "figure"


def test_monthly_figure(assistant):
    a = ask(assistant, "Quel pourcentage des contacts actifs avait une date de modification en octobre 2024 ?")
    assert "40,82 % en octobre 2024" in a.answer


def test_compare_years_from_reported_figures(assistant):
    a = ask(assistant, "Quelle fréquence pour la thématique sols dans les événements en 2023 et 2024 ?")
    assert "24 en 2024" in a.answer and "17 en 2023" in a.answer


def test_trend_contradicting_the_question(assistant):
    a = ask(assistant, "Pourquoi les contacts actifs ont diminué entre juin et novembre 2024 ?")
    assert "3564" in a.answer and "4085" in a.answer and "pas eu de baisse" in a.answer


def test_member_description(assistant):
    a = ask(assistant, "Quelle est l'activité de Rispo ?")
    assert "sous-produits organiques" in a.answer and a.sources[0].kind == "member"


def test_two_figures_in_one_question(assistant):
    a = ask(assistant, "Côté membres, combien de collectivités, et combien de partenaires publics ?")
    assert "collectivités : 14" in a.answer and "partenaires publics : 23" in a.answer


def test_who_works_on(assistant):
    a = ask(assistant, "Quels nouveaux membres travaillent sur le compostage ?")
    assert any(name in a.answer for name in ("Ortie", "LA MEUP", "Phytopolis"))


def test_guide_audience(assistant):
    a = ask(assistant, "À quel public s'adresse le guide-formation sur les biodéchets ?")
    assert "écologie urbaine" in a.answer and "collectivites" in folded(a)
    assert a.sources[0].kind == "guide" and a.sources[0].title == "Gestion des biodéchets urbains"


def test_dis_definition(assistant):
    a = ask(assistant, "Que recouvre VAL'EMS ?")
    assert "économie circulaire" in a.answer and "valorisation matière et énergie" in a.answer


def test_ordinal_enjeu(assistant):
    a = ask(assistant, "Le quatrième enjeu, c'est lequel ?")
    assert a.answer.startswith("Enjeu 4") and "économie circulaire" in a.answer


# --- conversations --------------------------------------------------------------------------------

def test_follow_up_on_year(assistant):
    first = ask(assistant, "Le nombre de contacts membres en 2024 ?")
    second = ask(assistant, "et pour 2023 ?", conversation_id=first.conversation_id)
    assert "764" in first.answer and "877" in second.answer


def test_follow_up_on_a_member(assistant):
    first = ask(assistant, "Parle-moi de Phytopolis")
    second = ask(assistant, "Ils sont entrés au cluster à quelle date ?", conversation_id=first.conversation_id)
    assert "5 septembre 2024" in second.answer and second.sources[0].title == "Phytopolis"


def test_follow_up_year_before(assistant):
    first = ask(assistant, "Combien de membres en 2018 ?")
    second = ask(assistant, "et l'année d'avant ?", conversation_id=first.conversation_id)
    assert "90 en 2018" in first.answer and "65 en 2017" in second.answer


def test_follow_up_total_over_previous_results(assistant):
    first = ask(assistant, "Quand la délégation chinoise a-t-elle été accueillie ?")
    assert len(first.sources) == 2
    second = ask(assistant, "ça fait combien au total pour ces deux-là ?", conversation_id=first.conversation_id)
    assert "21 participants" in second.answer


def test_follow_up_swaps_the_theme(assistant):
    first = ask(assistant, "Le DIS Biodéchets recouvre quoi ?")
    second = ask(assistant, "Et pour l'eau ?", conversation_id=first.conversation_id)
    assert "fertilisant" in first.answer
    assert second.answer.startswith("DIS Eau") and "« petit » cycle" in second.answer


def test_conversations_do_not_share_memory(assistant):
    a = ask(assistant, "Combien de contacts membres en 2024 ?")
    b = ask(assistant, "Que fait Ortie SAS ?")
    follow_b = ask(assistant, "Et en 2023 ?", conversation_id=b.conversation_id)
    follow_a = ask(assistant, "Et en 2023 ?", conversation_id=a.conversation_id)
    assert a.conversation_id != b.conversation_id
    assert "877" in follow_a.answer and "877" not in follow_b.answer


# --- abstention, privacy, injection ---------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "Qui a remporté l'Euro 2016 ?",
    "Quel est le prix d'une place au Forum Eau ?",
    "Combien coûte l'adhésion au cluster ?",
    "Combien d'événements en 2019 ?",
])
def test_out_of_scope_abstains_and_is_logged(assistant, question):
    a = ask(assistant, question)
    assert a.abstained and "Je ne trouve pas" in a.answer
    assert any(row["question"] == question for row in assistant.unanswered(20))


def test_contact_details_are_refused(assistant):
    a = ask(assistant, "Tu aurais le numéro de portable d'Henri Chantepie ?")
    assert a.abstained and "coordonnées personnelles" in a.answer and not a.sources


def test_invention_is_refused(assistant):
    a = ask(assistant, "Peux-tu inventer un nombre de participants pour le Forum Eau 2025 ?")
    assert a.abstained and "inventer" in a.answer and "126" not in a.answer


@pytest.mark.parametrize("message,fragment", [("", "vide"), ("   ", "vide"), ("x" * 2001, "trop longue")])
def test_bad_questions_raise_a_french_error(assistant, message, fragment):
    with pytest.raises(ValueError, match=fragment):
        assistant.ask(message)


def test_ranking_by_month(assistant):
    a = ask(assistant, "Quel mois a compté le plus d'événements en 2024 ?")
    assert a.answer.startswith("septembre 2024 : 10 événements")


def test_a_series_read_at_its_start_now_at_its_peak_and_at_its_largest_change(assistant):
    from datetime import date
    day = date(2024, 12, 31)
    assert "25" in assistant.ask("combien de membres à la création du cluster ?", as_of=day).answer
    assert "novembre 2024" in assistant.ask("quel mois a eu le plus de contacts actifs ?", as_of=day).answer
    a = assistant.ask("quel mois le nombre de contacts global a-t-il le plus augmenté ?", as_of=day)
    assert "décembre 2024" in a.answer and "+243" in a.answer.replace(" ", "")


def test_a_sections_heading_words_weigh_less_than_the_words_it_leaves_when_sentences_are_chosen():
    from collections import Counter
    from assistant.answers.passages import _pick
    from assistant.reading.normalize import content_stems
    from assistant.reading.understanding import Lexicon
    body = ("Le volet qualité des rivières couvre la surveillance des rivières et de leurs berges. "
            "Les rivières urbaines sont suivies chaque mois par les communes. "
            "Les rivières du plateau reçoivent des relevés de qualité tous les trimestres. "
            "La renaturation des rivières passe par des plantations de saules sur les berges. "
            "Pour les crues, un plan d'alerte est partagé avec les riverains.")
    lexicon = Lexicon(Counter({"#" + s: 1 for s in content_stems(body)}), 50)
    wanted = set(content_stems("qualité des rivières crues"))
    heading = frozenset(content_stems("Qualité des rivières"))
    assert not any("crues" in s for s in _pick(body, wanted, lexicon))  # the heading's words crowd it out
    assert any("crues" in s for s in _pick(body, wanted, lexicon, explained=heading))


def test_asked_in_the_plural_titles_holding_part_of_the_words_count_too(assistant):
    a = ask(assistant, "Quels événements sur la terre fertile ou végétale ?", as_of="2024-12-31")
    assert {"2024-07-04", "2024-11-14", "2024-12-17"} <= {s.date for s in a.sources}


def test_a_type_named_with_a_dimension_word_ranks_its_events_not_the_dimension(assistant):
    # "thématique" is part of the type's name here, not a grouping by theme; "(WP1)" is its code
    a = ask(assistant, "Parmi les GT / projets (WP1) de 2024, lequel a été le moins suivi ? et lequel le plus ?",
            as_of="2024-12-31")
    assert "Salon Réseau Mesure" in a.answer and "5 participants" in a.answer and "78 participants" in a.answer
    assert "par thème" not in a.answer


def test_a_guides_passage_names_its_guide(assistant):
    a = ask(assistant, "je suis acheteuse publique en mairie, ya une formation chez vous qui me concerne ?", as_of="2024-12-31")
    assert a.answer.startswith("Guide-formation « Innovation durable dans les marchés publics »")
