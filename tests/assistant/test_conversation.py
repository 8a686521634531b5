"""Conversation memory: persisted, bounded, expiring, shared by concurrent worker processes."""
from __future__ import annotations

from pathlib import Path

from fixtures.processes import run_together

from assistant.conversation.memory import ConversationStore, Turn
from assistant.settings import Settings


class FakeClock:
    """A settable clock, so expiry is tested without sleeping."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def turn(i: int, **state) -> Turn:
    return Turn(question=f"question {i}", answer=f"réponse {i}", state=state, at=float(i))


def test_turns_persist_across_store_instances(tmp_path: Path):
    path = tmp_path / "conversations.sqlite3"
    writer = ConversationStore(path)
    cid = writer.new_id()
    writer.append(cid, turn(1, intent="lookup", focus=["event:forum-eau-2024"]))
    writer.append(cid, Turn("et en 2022 ?", "En 2022, 180 membres.", {"year": 2022}, at=2.0))

    history = ConversationStore(path).history(cid)

    assert [t.question for t in history] == ["question 1", "et en 2022 ?"]
    assert history[0].state == {"intent": "lookup", "focus": ["event:forum-eau-2024"]}
    assert history[1] == Turn("et en 2022 ?", "En 2022, 180 membres.", {"year": 2022}, at=2.0)


def test_unknown_conversation_has_no_history(tmp_path: Path):
    store = ConversationStore(tmp_path / "c.sqlite3")
    assert store.history("inconnue") == []


def test_new_ids_are_distinct_opaque_hex(tmp_path: Path):
    store = ConversationStore(tmp_path / "c.sqlite3")
    ids = {store.new_id() for _ in range(100)}
    assert len(ids) == 100
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


def test_history_keeps_only_the_last_turns(tmp_path: Path):
    store = ConversationStore(tmp_path / "c.sqlite3", max_turns=3)
    for i in range(1, 8):
        store.append("c1", turn(i))
    store.append("c2", turn(100))

    assert [t.question for t in store.history("c1")] == ["question 5", "question 6", "question 7"]
    assert [t.question for t in store.history("c2")] == ["question 100"]


def test_conversation_expires_after_ttl_since_last_use(tmp_path: Path):
    clock = FakeClock()
    store = ConversationStore(tmp_path / "c.sqlite3", ttl_seconds=3600, clock=clock)
    store.append("c1", turn(1))
    clock.now += 3000
    store.append("c1", turn(2))  # using it again pushes its expiry back
    clock.now += 3000

    assert len(store.history("c1")) == 2

    clock.now += 601
    assert store.history("c1") == []


def test_expired_conversation_restarts_empty_and_others_are_purged(tmp_path: Path):
    path = tmp_path / "c.sqlite3"
    clock = FakeClock()
    store = ConversationStore(path, ttl_seconds=60, clock=clock)
    store.append("old", turn(1))
    store.append("reused", turn(2))
    clock.now += 61

    store.append("reused", turn(3))

    assert [t.question for t in store.history("reused")] == ["question 3"]
    # The purge removed the expired rows from disk, not only from view.
    late_reader = ConversationStore(path, ttl_seconds=10**9)
    assert late_reader.history("old") == []


def test_forget_removes_a_conversation(tmp_path: Path):
    store = ConversationStore(tmp_path / "c.sqlite3")
    store.append("c1", turn(1))
    store.append("c2", turn(2))

    store.forget("c1")

    assert store.history("c1") == []
    assert len(store.history("c2")) == 1


def test_from_settings_uses_data_dir_and_limits(tmp_path: Path):
    settings = Settings(_env_file=None, data_dir=tmp_path / "data", conversation_turns=2,
                        conversation_ttl_hours=0.5)
    store = ConversationStore.from_settings(settings)

    assert store.path == tmp_path / "data" / "conversations.sqlite3"
    assert store.path.exists()
    assert (store.max_turns, store.ttl_seconds) == (2, 1800)


def _append_many(path: str, worker: int, count: int, start) -> None:
    store = ConversationStore(Path(path), max_turns=1000)
    start.wait()
    for i in range(count):
        store.append(f"own-{worker}", turn(i))
        store.append("shared", Turn(f"w{worker}-{i}", "ok", {"worker": worker}, at=float(i)))


def test_concurrent_processes_lose_no_turn(tmp_path: Path):
    path = tmp_path / "c.sqlite3"  # created by the workers themselves, racing to do it
    count = 150
    assert run_together(_append_many, lambda w, start: (str(path), w, count, start)) == [0, 0]

    store = ConversationStore(path, max_turns=1000)
    for w in (1, 2):
        assert [t.question for t in store.history(f"own-{w}")] == [f"question {i}" for i in range(count)]
    shared = [t.question for t in store.history("shared")]
    assert sorted(shared) == sorted(f"w{w}-{i}" for w in (1, 2) for i in range(count))
    for w in (1, 2):  # each writer's turns stay in its own order
        assert [q for q in shared if q.startswith(f"w{w}-")] == [f"w{w}-{i}" for i in range(count)]


def test_a_follow_up_made_of_a_complement_keeps_what_was_asked(assistant):
    from datetime import date
    first = assistant.ask("quels nouveaux membres ont été validés au bureau de septembre ?", as_of=date(2024, 12, 31))
    second = assistant.ask("et à l'assemblée générale d'octobre ?", conversation_id=first.conversation_id,
                           as_of=date(2024, 12, 31))
    assert "Sogaris" in second.answer and "Bureau" not in second.answer.split("\n")[0]


def test_n_years_before_in_digits(assistant):
    from datetime import date
    first = assistant.ask("combien de membres en 2023 ?", as_of=date(2024, 12, 31))
    second = assistant.ask("et 5 ans avant ?", conversation_id=first.conversation_id, as_of=date(2024, 12, 31))
    assert "90" in second.answer and "2018" in second.answer


def test_follow_ups_on_one_of_them_the_same_question_and_another_breakdown(assistant):
    from datetime import date
    day = date(2024, 12, 31)
    a = assistant.ask("combien d'e-mailings en 2023 ?", as_of=day)
    b = assistant.ask("même question pour 2024", conversation_id=a.conversation_id, as_of=day)
    assert "100" in b.answer
    c = assistant.ask("donne-moi la répartition des membres par secteur", as_of=day)
    d = assistant.ask("et par catégorie ?", conversation_id=c.conversation_id, as_of=day)
    assert "PME" in d.answer and "ETI" in d.answer
    e = assistant.ask("quelles formations propose le cluster ?", as_of=day)
    f = assistant.ask("celle sur les biodéchets dure combien de temps ?", conversation_id=e.conversation_id, as_of=day)
    assert "demi-journée" in f.answer and "Biodéchets" in f.answer.replace("biodéchets", "Biodéchets")


def test_a_total_after_two_events_asked_one_by_one_adds_both(assistant):
    from datetime import date
    day = date(2024, 12, 31)
    a = assistant.ask("combien de personnes à la visite CSTB ?", as_of=day)
    b = assistant.ask("et à l'atelier ilot de fraicheur ?", conversation_id=a.conversation_id, as_of=day)
    c = assistant.ask("ça fait combien au total ?", conversation_id=b.conversation_id, as_of=day)
    assert "58" in c.answer and "24" in c.answer and "34" in c.answer


def test_a_ranking_reads_the_word_after_le_plus_as_its_criterion(assistant):
    from datetime import date
    a = assistant.ask("quel mois a été le plus chargé en événements en 2024 ?", as_of=date(2024, 12, 31))
    assert not a.abstained and "septembre" in a.answer.lower()


def test_a_count_of_people_with_no_subject_speaks_of_the_last_event(assistant):
    from datetime import date
    a = assistant.ask("c'était quand l'atelier sur la ferme urbaine d'Orly ?", as_of=date(2024, 12, 31))
    b = assistant.ask("ya eu cb de pers ?", conversation_id=a.conversation_id, as_of=date(2024, 12, 31))
    assert "34" in b.answer and "1450" not in b.answer.replace(" ", "")
    c = assistant.ask("le prochain atelier confluence ?", as_of=date(2024, 11, 1))
    d = assistant.ask("il y aura combien de monde ?", conversation_id=c.conversation_id, as_of=date(2024, 11, 1))
    assert d.abstained and "pas encore connu" in d.answer


def test_the_duration_and_audience_of_the_guides_shown(assistant):
    from datetime import date
    day = date(2024, 12, 31)
    a = assistant.ask("quels guides-formations propose le cluster ?", as_of=day)
    b = assistant.ask("ça dure combien de temps ?", conversation_id=a.conversation_id, as_of=day)
    assert b.answer.count("demi-journée") >= 3 and "Innovation durable" in b.answer
    c = assistant.ask("c'est pour qui ?", conversation_id=b.conversation_id, as_of=day)
    assert "public visé" in c.answer and c.answer.count("Collectivités") >= 2


def test_the_nth_section_of_a_list_shown_and_a_remark_after_a_question(assistant):
    from datetime import date
    day = date(2024, 12, 31)
    a = assistant.ask("quels sont les DIS du cluster ? je m'y perds un peu", as_of=day)
    assert "8 rubriques" in a.answer
    b = assistant.ask("le 2e c'est quoi ?", conversation_id=a.conversation_id, as_of=day)
    assert b.answer.startswith("DIS Eau")
    c = assistant.ask("c'est quoi le prochain événement ? || et après il y a quoi ?".split(" || ")[0], as_of=date(2024, 6, 1))
    d = assistant.ask("et après il y a quoi ?", conversation_id=c.conversation_id, as_of=date(2024, 6, 1))
    assert "7 juin 2024" in d.answer


def test_events_about_what_a_definition_said(assistant):
    from datetime import date
    day = date(2024, 12, 31)
    a = assistant.ask("c'est quoi NUM'EMS ?", as_of=day)
    b = assistant.ask("il y a eu des événements là-dessus ?", conversation_id=a.conversation_id, as_of=day)
    assert "Réseau Mesure" in b.answer and "46 événements" not in b.answer


def test_yes_no_follow_ups_stay_on_the_event_shown(assistant):
    from datetime import date
    day = date(2024, 12, 31)
    a = assistant.ask("c'était quoi l'événement du 19 novembre ?", as_of=day)
    b = assistant.ask("le cluster l'a organisé seul ?", conversation_id=a.conversation_id, as_of=day)
    assert "Îlot de fraîcheur" in b.answer and "organisé par le cluster" in b.answer
    c = assistant.ask("ya eu cb de pers ?", conversation_id=b.conversation_id, as_of=day)
    assert "34" in c.answer and "Au total" not in c.answer


def test_n_months_later_and_all_confounded(assistant):
    from datetime import date
    day = date(2024, 12, 31)
    a = assistant.ask("la base de contacts faisait quelle taille en juillet 2024, tous contacts confondus ?", as_of=day)
    assert "5378" in a.answer.replace(" ", "")
    b = assistant.ask("et deux mois après ?", conversation_id=a.conversation_id, as_of=day)
    assert "5437" in b.answer.replace(" ", "") and "septembre 2024" in b.answer


def test_was_it_co_organised_speaks_of_the_event_shown(assistant):
    from datetime import date
    day = date(2024, 12, 31)
    a = assistant.ask("il y a eu une visite chez Saint-Gobain ?", as_of=day)
    b = assistant.ask("c'était co-organisé ?", conversation_id=a.conversation_id, as_of=day)
    assert "Saint Gobain" in b.answer and "co-organisé" in b.answer and "événements" not in b.answer.split("\n")[0]


def test_the_year_before_is_a_year_not_a_word_of_the_subject(assistant):
    from datetime import date

    day = date(2024, 12, 31)
    first = assistant.ask("combien de projets collaboratifs suivis en 2024 ?", as_of=day)
    before = assistant.ask("c'était combien l'année d'avant ?", conversation_id=first.conversation_id, as_of=day)
    assert "48 en 2023" in before.answer and "avant-projet" not in before.answer  # was the "avant-projets" figure
    # asked in the same message, the year before is its own answer, not folded into the first one's note
    both = assistant.ask("combien de projets collaboratifs suivis en 2024, et c'était combien l'année d'avant ?", as_of=day)
    assert "80 en 2024" in both.answer and "48 en 2023" in both.answer


def test_a_correction_takes_the_place_of_the_question_before(assistant):
    from datetime import date

    day = date(2024, 12, 31)
    first = assistant.ask("quels membres ont été validés au bureau de mai ?", as_of=day)
    assert "Ulma" in first.answer
    # with a subject of its own, it is asked afresh: not the members just shown, nor the bureau's words
    other = assistant.ask("ah non pardon, je voulais dire ceux validés à l'assemblée générale d'octobre",
                          conversation_id=first.conversation_id, as_of=day)
    assert "Sogaris" in other.answer and "Rispo" in other.answer and "Ulma" not in other.answer
    # with none, what it says replaces what it corrects
    count = assistant.ask("combien de membres en 2022 ?", as_of=day)
    year = assistant.ask("euh non, je voulais dire en 2019", conversation_id=count.conversation_id, as_of=day)
    assert "98 en 2019" in year.answer


def test_a_pronominal_verb_borrowed_keeps_its_pronoun_and_a_bare_whether_gets_the_whole_section(assistant):
    from datetime import date

    day = date(2024, 12, 31)
    first = assistant.ask("qui s'occupe de la communication ?", as_of=day)
    assert "Dourneau" in first.answer
    # nothing asked of its own but whether, of the one sentence shown: the section it comes from (was "rien sur
    # « occupe »": "s'occupe" borrowed without its pronoun read as a noun)
    alone = assistant.ask("et elle est toute seule ?", conversation_id=first.conversation_id, as_of=day)
    assert not alone.abstained and "alternant" in alone.answer and "occupe" not in alone.answer
    # a thing asked of its own is still looked for
    again = assistant.ask("qui s'occupe de la communication ?", as_of=day)
    age = assistant.ask("elle a quel âge ?", conversation_id=again.conversation_id, as_of=day)
    assert age.abstained


def test_a_member_named_without_its_legal_form_is_the_one_asked_of(assistant):
    from datetime import date

    day = date(2024, 12, 31)
    first = assistant.ask("l'AG d'octobre a validé quels nouveaux adhérents ?", as_of=day)
    assert "Ortie SAS" in first.answer
    # "Ortie" is "Ortie SAS" without its legal form (its name is no word of its activity any more)
    then = assistant.ask("et Ortie, c'est quoi leur activité ?", conversation_id=first.conversation_id, as_of=day)
    assert "composteurs" in then.answer and "Sogaris" not in then.answer


def test_one_of_the_members_shown_is_picked_in_the_period_asked(assistant):
    from datetime import date
    first = assistant.ask("quels membres travaillent sur la dépollution des sols ?", as_of=date(2024, 12, 31))
    assert "EODD" in first.answer
    may = assistant.ask("lequel a été validé en mai ?", conversation_id=first.conversation_id, as_of=date(2024, 12, 31))
    assert "EODD" not in may.answer  # validated in October
    october = assistant.ask("et lequel a été validé en octobre ?", conversation_id=first.conversation_id,
                            as_of=date(2024, 12, 31))
    assert "EODD" in october.answer
    a = assistant.ask("who works on soil pollution among the members?", as_of=date(2024, 12, 31))
    b = assistant.ask("which of them joined in May?", conversation_id=a.conversation_id, as_of=date(2024, 12, 31))
    assert "Axedo" in b.answer and "EODD" not in b.answer
