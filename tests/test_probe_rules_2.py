"""Rules found by probing on 2026-12-08 (sentences in the dev genre's voice, written for the
probe), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)

from eventledger.stages.quotes import find_attributions


def run(pipe, text: str, published: str = "2025-03-25", publisher: str | None = "PMOI/MEK"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def days(doc) -> set[tuple[str, str, dt.date, dt.date]]:
    return {(e.location.canonical, e.sub_event_type, e.date.start, e.date.end) for e in doc.events}


def test_the_eve_of_a_named_occasion_is_the_day_before_it(pipe):
    # 1 Farvardin 1404 is 21 March 2025; its eve the 20th. The occasion alone keeps its own day.
    eve = run(pipe, "On the eve of Nowruz, youths in Sari wrote slogans on walls.")
    assert {(d[2], d[3]) for d in days(eve)} == {(dt.date(2025, 3, 20), dt.date(2025, 3, 20))}
    day = run(pipe, "On Nowruz, youths in Sari wrote slogans on walls.")
    assert {(d[2], d[3]) for d in days(day)} == {(dt.date(2025, 3, 21), dt.date(2025, 3, 21))}
    womens = run(pipe, "On the eve of International Women's Day, Resistance Units in Tabriz put up posters.")
    assert {d[2] for d in days(womens)} == {dt.date(2025, 3, 7)}


def test_chaharshanbe_suri_is_the_tuesday_before_the_years_last_wednesday(pipe):
    # 2024: Nowruz fell on Wednesday 20 March, so the last Wednesday before it was the 13th and the
    # fires were lit on Tuesday 12 March; 2026: Nowruz on Saturday 21 March, fires on Tuesday 17 March
    for published, day in (("2024-03-16", dt.date(2024, 3, 12)), ("2026-03-19", dt.date(2026, 3, 17))):
        doc = run(pipe, "On the night of Chaharshanbe Suri, youths in Karaj set fire to a banner of Khamenei.",
                  published=published)
        assert {(d[0], d[2], d[3]) for d in days(doc)} == {("Karaj", day, day)}
        doc = run(pipe, "During the Fire Festival, youths in Shiraz set fire to a Basij post.", published=published)
        assert {(d[0], d[2]) for d in days(doc)} == {("Shiraz", day)}


def test_a_weekday_ending_a_range_from_a_dated_weekday_is_that_week(pipe):
    # "Wednesday" after "to" is the day after Tuesday, March 11, not the Wednesday before the report
    doc = run(pipe, "On the night of Tuesday, March 11, to Wednesday, youths in Tabriz set fire to a Basij base.",
              published="2025-03-20")
    assert {(d[2], d[3]) for d in days(doc)} == {(dt.date(2025, 3, 11), dt.date(2025, 3, 12))}
    # across a month end
    doc = run(pipe, "From Friday, January 30, to Monday, Resistance Units in Qom put up posters.", published="2026-02-10")
    assert {(d[2], d[3]) for d in days(doc)} == {(dt.date(2026, 1, 30), dt.date(2026, 2, 2))}


def test_a_name_before_an_apposition_naming_an_organisation_is_the_source(pipe):
    doc = run(pipe, "Maryam Rajavi, the NCRI's President-elect, said the regime had executed more than 120,000 "
                    "political prisoners.")
    assert [a.source for a in find_attributions(doc)] == ["Maryam Rajavi"]
    # a description before the apposition still gives way to the name in it
    doc = run(pipe, "A rights group, the Kurdish Human Rights Bureau, said 14 people were arrested in Baneh.")
    assert [a.source for a in find_attributions(doc)] == ["Kurdish Human Rights Bureau"]


def test_people_counted_during_an_uprising_are_not_uprisings(pipe):
    doc = run(pipe, "The regime's security forces arrested at least 22,000 people during the uprising, "
                    "according to official figures.")
    assert {(c.kind, c.value) for c in doc.claims} == {("arrested", 22000)}
    doc = run(pipe, "The PMOI said there had been 12 uprisings since 2017.")
    assert {(c.kind, c.value) for c in doc.claims} == {("uprisings", 12)}


def test_prisoners_massacred_are_executions(pipe):
    doc = run(pipe, "The NCRI said more than 30,000 political prisoners were massacred in the summer of 1988.")
    assert {(c.kind, c.value) for c in doc.claims} == {("executed", 30000)}


def test_condemned_with_the_person_between_is_a_sentence(pipe):
    doc = run(pipe, "The Revolutionary Court of Isfahan condemned a 24-year-old protester to death on Tuesday.")
    assert {(d[0], d[1]) for d in days(doc)} == {("Isfahan", "sentence")}
    doc = run(pipe, "Protesters in Tabriz condemned the killing of a young man on Sunday.")
    assert not any(d[1] == "sentence" for d in days(doc))


def test_an_act_in_a_condition_is_not_reported(pipe):
    doc = run(pipe, "Authorities threatened to arrest workers in Arak if they went on strike.")
    assert not days(doc)
    doc = run(pipe, "On Monday, workers in Arak went on strike as if nothing could stop them.")
    assert {(d[0], d[1]) for d in days(doc)} == {("Arak", "strike")}


def test_a_ceremony_forces_were_sent_to_prevent_is_not_reported(pipe):
    doc = run(pipe, "On Thursday, security forces besieged the home of a martyr's family in Izeh to prevent a "
                    "memorial ceremony.")
    assert not days(doc)
    doc = run(pipe, "Security forces were deployed in Izeh on Thursday to stop the funeral, but hundreds of mourners "
                    "marched to the cemetery.")
    assert {(d[0], d[1]) for d in days(doc)} == {("Izeh", "demonstration")}


def test_counts_of_one_list_of_people_are_summed(pipe):
    doc = run(pipe, "On Sunday, security forces arrested 5 women and 3 men in Ahvaz.")
    assert [(e.count.kind, e.count.value) for e in doc.events] == [("arrested", 8)]
    doc = run(pipe, "On Sunday, security forces arrested two teachers, a student and four workers in Ahvaz.")
    assert [(e.count.kind, e.count.value) for e in doc.events] == [("arrested", 7)]
    # a count of another act is not added ("arrested 12 ... and injured 3")
    doc = run(pipe, "On Sunday, security forces arrested 12 people and injured 3 in Ahvaz.")
    assert {(e.sub_event_type, e.count.value) for e in doc.events} == {("arrest", 12), ("attack_on_civilians", 3)}


def test_the_network_said_is_the_name_the_text_described_as_a_network(pipe):
    doc = run(pipe, "In November 2019, security forces killed 1,500 protesters, according to Reuters.\n\n"
                    "The Resistance Units, a network of activists affiliated with the PMOI/MEK, have grown since then. "
                    "In 2025 alone, they carried out more than 8,000 activities, the network said.")
    by_value = {c.value: c.attributed_to for c in doc.claims}
    assert by_value[1500] == "Reuters"
    assert by_value[8000] != "Reuters" and "Resistance Units" in by_value[8000]


def test_kin_named_by_their_dead_act_on_their_own_day(pipe):
    # the dead of the relative clause are no killing; the kin's act keeps the sentence's day, however
    # long ago the death ("in 2022" does not make the arrest history)
    doc = run(pipe, "On Wednesday, November 19, a group of mothers whose children were killed in the uprising gathered "
                    "at Behesht-e Zahra cemetery in Tehran.", published="2025-11-21")
    assert {(d[0], d[1], d[2]) for d in days(doc)} == {("Tehran", "symbolic_action", dt.date(2025, 11, 19))}
    doc = run(pipe, "On Wednesday, the father of a young man who was shot dead by security forces in 2022 was "
                    "arrested in Izeh.", published="2025-11-21")
    assert {(d[0], d[1], d[2]) for d in days(doc)} == {("Izeh", "arrest", dt.date(2025, 11, 19))}
    doc = run(pipe, "On Wednesday, relatives of prisoners who were executed last year held a vigil in Karaj.",
              published="2025-11-21")
    assert {(d[0], d[1], d[2]) for d in days(doc)} == {("Karaj", "demonstration", dt.date(2025, 11, 19))}
    # a year naming a past event still voids what is told of it ("killed in the 2022 protests")
    doc = run(pipe, "In Saqqez, four members of the family of a man killed in the 2022 protests were questioned for "
                    "six hours on Thursday.", published="2025-11-21")
    assert not any(d[1] in ("killing", "protest_with_intervention") for d in days(doc))


def test_the_dead_whose_graves_an_act_is_at_are_no_killing(pipe):
    doc = run(pipe, "On Monday, November 15, members of the Resistance Units laid flowers on the graves of protesters "
                    "killed in November 2019 at Behesht-e Zahra cemetery in Tehran.", published="2021-11-17")
    assert {(d[0], d[1]) for d in days(doc)} == {("Tehran", "symbolic_action")}


def test_a_source_before_the_clause_is_no_apposition_of_a_death(pipe):
    # "HRANA, the regime executed": the source of "According to", then the clause's subject
    doc = run(pipe, "According to HRANA, the regime executed at least 41 prisoners in the first ten days of January, "
                    "including 12 in Ghezel Hesar prison on January 7.", published="2026-01-12", publisher="NCRI")
    assert [(e.location.canonical, e.sub_event_type, e.date.start, e.count.value) for e in doc.events] == [
        ("Karaj", "execution", dt.date(2026, 1, 7), 12)]


def test_the_part_of_a_total_named_with_its_place_is_that_places_count(pipe):
    doc = run(pipe, "At least 20 teachers were detained on Sunday, among them five in Tabriz and three in Ardabil.",
              published="2026-01-12")
    assert {(e.location.canonical, e.count.value) for e in doc.events} == {("Tabriz", 5), ("Ardabil", 3)}
    # a part named by who they are, not where, is still no count of its own
    doc = run(pipe, "Three Kurdish prisoners, among them two brothers from Piranshahr, were hanged in Urmia on Tuesday.",
              published="2026-01-12")
    assert [(e.location.canonical, e.count.value) for e in doc.events] == [("Urmia", 3)]


def test_a_day_ending_a_list_line_is_no_count_of_the_heading_below(pipe):
    doc = run(pipe, "- Tabriz – a Basij base set on fire – January 10\n\n\nRetirees protest in Ahvaz and Shush\n",
              published="2026-01-12")
    assert 10 not in {c.value for c in doc.claims}
    # hard-wrapped text still counts across its line break
    doc = run(pipe, "Security forces arrested 12\nprotesters in Tabriz on Monday.\n", published="2026-01-12")
    assert [(e.sub_event_type, e.count.value) for e in doc.events] == [("arrest", 12)]


def test_a_source_named_as_who_published_or_compiled_the_figures(pipe):
    cases = {
        "According to a report published by Amnesty International on Thursday, at least 853 people were "
        "executed in 2023.": (853, "Amnesty International"),
        "The number of executions in 2024 reached 1,001, according to the annual report of Iran Human Rights.":
            (1001, "Iran Human Rights"),
        "Based on the figures compiled by HRANA, 551 protesters were killed during the uprising.": (551, "HRANA"),
    }
    for text, (value, source) in cases.items():
        doc = run(pipe, text, publisher="NCRI")
        assert [(c.value, c.attributed_to) for c in doc.claims if c.value == value] == [(value, source)]


def test_crowd_control_used_on_a_group_of_people_is_a_protest_met_with_force(pipe):
    for text in ("On Saturday, security forces fired tear gas at protesting retirees in Ahvaz.",
                 "On Saturday, security forces dispersed retirees in Ahvaz.",
                 "On Saturday, retirees were dispersed by police in Ahvaz.",
                 "On Saturday, security forces used pepper spray against nurses in Ahvaz."):
        doc = run(pipe, text, published="2025-03-20")
        assert {(d[0], d[1]) for d in days(doc)} == {("Ahvaz", "protest_with_intervention")}, text
    # gunfire at homes is no dispersal of a crowd
    doc = run(pipe, "On Saturday, security forces fired tear gas into homes in Zahedan.", published="2025-03-20")
    assert not days(doc)


def test_a_yearless_day_in_a_sentence_that_names_its_year_is_of_that_year(pipe):
    doc = run(pipe, "Zahedan was the scene of the deadliest day of the 2022 unrest, when security forces killed at least "
                    "66 people on Sept. 30, according to Amnesty International.", published="2025-02-03", publisher="Reuters")
    assert not doc.events  # 30 September 2022: history, not an event of 2024
    # a weekday written with the day that fits only the report's year keeps that year
    doc = run(pipe, "The Revolutionary Court of Rasht sentenced a worker, arrested during the 2022 uprising, to death "
                    "on Sunday, October 6, his family said.", published="2024-10-10")
    assert {(d[0], d[1], d[2]) for d in days(doc)} == {("Rasht", "sentence", dt.date(2024, 10, 6))}


def test_the_number_of_sources_that_speak_is_no_count(pipe):
    doc = run(pipe, "Iranian security forces arrested dozens of people in Zahedan on Friday after protesters marched "
                    "through the city, two rights groups said.", published="2025-02-03", publisher="Reuters")
    assert 2 not in {e.count.value for e in doc.events if e.count} | {c.value for c in doc.claims}


def test_fire_bombs_seized_are_no_arson(pipe):
    doc = run(pipe, "The prosecutor said explosives and 14 Molotov cocktails were seized in Isfahan on Monday.",
              published="2025-02-04", publisher="IRNA")
    assert not any(d[1] == "property_attack" for d in days(doc))
    doc = run(pipe, "On Monday, youths threw Molotov cocktails at a Basij base in Isfahan.", published="2025-02-04")
    assert {(d[0], d[1]) for d in days(doc)} == {("Isfahan", "property_attack")}


def test_an_office_named_with_its_province_is_the_source(pipe):
    doc = run(pipe, "The Prosecutor of Isfahan province announced on Tuesday that 23 members of a team had been "
                    "arrested in Isfahan.", published="2025-02-04", publisher="IRNA")
    assert [(c.value, c.attributed_to) for c in doc.claims if c.value == 23] == [(23, "Prosecutor of Isfahan province")]
    # a province alone is no source ("Our correspondent in Gilan province reports")
    doc = run(pipe, "Our correspondent in Gilan province reports that 40 farmers protested.", published="2025-02-04")
    assert "Gilan province" not in {c.attributed_to for c in doc.claims}


def test_a_numbered_lines_number_is_no_day_of_the_month_above(pipe):
    doc = run(pipe, "Activities\n\n1) Karaj – leaflets – 10 May\n2) Qazvin – graffiti – 11 May\n", published="2025-05-13")
    assert {(d[0], d[2]) for d in days(doc)} == {("Karaj", dt.date(2025, 5, 10)), ("Qazvin", dt.date(2025, 5, 11))}
    # a hard-wrapped line's break between a month and its day still joins them
    doc = run(pipe, "Youths set fire to a banner in Tabriz on May\n12, 2025.\n", published="2025-05-13")
    assert {d[2] for d in days(doc)} == {dt.date(2025, 5, 12)}


def test_people_charged_are_indicted(pipe):
    doc = run(pipe, "The Judiciary spokesman said on Tuesday that 100 people had been charged.", published="2025-03-20")
    assert [(c.kind, c.value) for c in doc.claims if c.value == 100] == [("indicted", 100)]


def test_the_protest_a_charge_is_placed_in_dates_no_arrest_and_quote_marks_pair_from_the_line_start(pipe):
    # straight or curly quotes alike: the quoted charges close before the date, which is the
    # protest's; the arrest takes the day the police chief spoke
    for q1, q2 in (('"', '"'), ("\u201c", "\u201d")):
        text = (f"The police chief told the IRNA news agency on Tuesday that 17 people had been arrested in Zahedan "
                f"for {q1}attacking police posts{q2} and {q1}disturbing public order{q2} during a protest at the end "
                f"of October. He added that {q1}the main elements{q2} had fled.")
        doc = run(pipe, text, published="2025-11-20", publisher="Test Wire")
        assert {(d[0], d[1], d[2]) for d in days(doc)} == {("Zahedan", "arrest", dt.date(2025, 11, 18))}, q1


def test_an_act_denied_is_not_reported(pipe):
    doc = run(pipe, "The police denied arresting any protesters in Tabriz on Monday.", published="2025-03-20")
    assert not days(doc)
    doc = run(pipe, "The police arrested 12 protesters in Tabriz on Monday.", published="2025-03-20")
    assert {(d[0], d[1]) for d in days(doc)} == {("Tabriz", "arrest")}


def test_a_denial_whose_clause_runs_on_to_the_act_negates_it(pipe):
    doc = run(pipe, "Officials denied that security forces had fired on protesters in Izeh on Sunday.", published="2025-03-20")
    assert not days(doc)
    # a denial closed by its clause leaves the next clause's act reported
    doc = run(pipe, "Officials denied that the protest was large, but security forces fired on protesters in Izeh on Sunday.",
              published="2025-03-20")
    assert {(d[0], d[1]) for d in days(doc)} == {("Izeh", "protest_with_intervention")}


def test_the_part_a_convicted_man_had_in_a_killing_is_no_killing(pipe):
    doc = run(pipe, "A court in Tehran sentenced a protester to death for his role in the killing of a Basij member.",
              published="2022-08-22")
    assert {(d[0], d[1]) for d in days(doc)} == {("Tehran", "sentence")}
