"""Rules added after held-out set 54 (ho331-ho336: an NCRI Women's Committee monthly report, an Iran
HRM annual report with a pipe table, an NCRI press-conference transcript, a European Parliament hearing
summary, a UN fact-finding mission summary and a newsroom fact check), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)
from test_heldout51_rules import claims_of, subs


def test_a_dozen_and_a_hundred_count_without_a_people_noun(pipe):
    doc = run(pipe, "Police dispersed the families in Tabriz on Monday and detained at least a dozen of them. "
                    "A former prisoner said that a hundred more are held in Urmia prison.")
    got = claims_of(doc)
    assert 12 in got and 100 in got


def test_a_hundred_years_is_no_count(pipe):
    doc = run(pipe, "The bazaar of Tabriz has stood for a hundred years.")
    assert 100 not in claims_of(doc)


def test_the_same_daily_is_the_outlet_named_before(pipe):
    doc = run(pipe, "The state-run Etemad daily reported that 800 teachers had been summoned in Mashhad. A week "
                    "earlier, the same daily had given a figure of 650.")
    assert "Etemad" in (claims_of(doc)[650] or "")


def test_one_of_them_is_one_of_the_sources_named_last(pipe):
    doc = run(pipe, "About 40 women are held in the ward, according to former prisoners who spoke to the "
                    "monitor. One of them said that 25 more are held in Qarchak prison.")
    assert claims_of(doc)[25] == "former prisoners"


def test_the_office_of_the_regime_speaks_not_the_regime(pipe):
    doc = run(pipe, "According to the regime's Statistical Center, unemployment among women reached 19 percent "
                    "in the spring.")
    assert claims_of(doc)[19] == "Statistical Center"


def test_one_of_a_protests_people_described_by_a_relative_clause_is_a_source(pipe):
    doc = run(pipe, "Teachers rallied in Shiraz on Monday. A teacher who took part told the monitor that 17 "
                    "of them were summoned.")
    assert (claims_of(doc)[17] or "").startswith("teacher who took part")


def test_a_deputy_after_a_possessive_is_a_source(pipe):
    doc = run(pipe, "The minister denied the figure. His own deputy told parliament in May that 900 people had "
                    "been detained in Isfahan province.")
    assert "deputy" in (claims_of(doc)[900] or "")


def test_a_count_or_a_figure_after_a_possessive_is_its_owners(pipe):
    doc = run(pipe, "The figure is close to Iran Human Rights' count of 204. An MP cited the NCRI's figure of "
                    "2,350 arrests since January.")
    assert claims_of(doc)[204] == "Iran Human Rights"
    assert "NCRI" in {c.attributed_to for c in doc.claims if c.value == 2350}


def test_a_chair_and_an_informing_government_are_sources(pipe):
    doc = run(pipe, "Some two hundred Iranians rallied outside the parliament in Brussels, the chair noted. The "
                    "Government informed the committee that 75 members of the security forces had been killed.")
    got = claims_of(doc)
    assert got[200] == "chair" and "Government" in (got[75] or "")


def test_two_sources_named_in_an_apposition_are_the_source(pipe):
    doc = run(pipe, "Two sources, Hengaw and the Kurdpa group, reported one death in Bukan on Sunday.")
    got = {c.value: (c.attributed_to, c.kind) for c in doc.claims if c.value is not None}
    assert got[1] == ("Hengaw and the Kurdpa group", "killed")


def test_a_description_of_the_source_in_an_apposition_is_not_taken_over_its_name(pipe):
    doc = run(pipe, "Iran Human Rights, the Oslo-based group, put the figure for the month at 155.")
    assert claims_of(doc)[155] == "Iran Human Rights"


def test_the_mission_is_no_town(pipe):
    doc = run(pipe, "The Mission found that security forces fired on protesters in Javanrud on 15 May, killing "
                    "at least six people. The Government informed the Mission that 75 officers had been killed.")
    assert not any(town == "Mission" for town, _ in subs(doc))
    assert ("Javanrud", "killing") in subs(doc)


def test_taken_to_a_police_station_is_a_detention(pipe):
    doc = run(pipe, "About two dozen nurses were taken to a police station in Tehran on Sunday and released that "
                    "night.")
    assert ("Tehran", "arrest") in subs(doc)


def test_the_identities_of_prisoners_who_were_hanged_are_no_execution(pipe):
    doc = run(pipe, "The monitor said it could not confirm the identities of between 300 and 400 prisoners who "
                    "were hanged in secret in Ghezel Hesar and Vakilabad prisons.")
    assert not any(sub == "execution" for _, sub in subs(doc))
    assert 300 in claims_of(doc)


def test_a_detention_centre_named_as_a_place_is_no_detention(pipe):
    doc = run(pipe, "A researcher at the University of Leiden told the committee that torture was systematic in "
                    "the detention centres of the Revolutionary Guards.")
    assert not any(sub == "arrest" for _, sub in subs(doc))


def test_shot_then_died_in_a_relative_clause_is_a_killing(pipe):
    doc = run(pipe, "HRANA reported one death: a 22-year-old man shot in Ahvaz on June 1, who died in hospital "
                    "two days later.")
    assert ("Ahvaz", "killing") in subs(doc)


def test_a_district_of_a_city_is_that_city_only(pipe):
    # a known district before "district of <city>" makes no second mention placed by a town before it
    doc = run(pipe, "He was exiled to Zabol for setting fire to a police station in the Kianpars district of "
                    "Ahvaz on May 9.")
    assert ("Zabol", "property_attack") not in subs(doc)
    assert ("Ahvaz", "property_attack") in subs(doc)


def test_a_national_total_takes_no_later_sentences_town(pipe):
    doc = run(pipe, "According to the mission, between 18,000 and 20,000 people were arrested. Of 128 former "
                    "detainees it interviewed, 97 described torture. A witness said a guard in Kahrizak had "
                    "threatened him.")
    assert not any(sub == "arrest" for _, sub in subs(doc))
    assert 18000 in claims_of(doc)


def test_protests_that_resumed_are_a_new_protest_in_the_paragraphs_town(pipe):
    doc = run(pipe, "Residents of Ahvaz gathered on Sunday, June 1. The protests resumed on Monday night.")
    got = rows(doc)
    assert on("Ahvaz", "demonstration", dt.date(2025, 6, 1)) in got
    assert on("Ahvaz", "demonstration", dt.date(2025, 6, 2)) in got


def test_the_two_nights_are_the_nights_told_and_quoted_on_dates_the_statement(pipe):
    doc = run(pipe, "On the evening of Saturday, May 31, residents of Ahvaz gathered. The protests resumed on "
                    "Sunday night. On Monday, June 2, residents of Shadegan blocked a road.\n\n"
                    "The police chief, quoted by IRNA on June 3, said 23 people had been arrested in Ahvaz on "
                    "the two nights.")
    assert ("Ahvaz", "arrest", dt.date(2025, 5, 31), dt.date(2025, 6, 1)) in rows(doc)


def test_the_two_days_with_no_days_told_date_nothing(pipe):
    doc = run(pipe, "Police said 23 people had been arrested in Ahvaz on the two days.")
    assert all(e.date.start is not None for e in doc.events)


def test_nights_are_a_duration_not_a_count(pipe):
    doc = run(pipe, "Calm returned to Marivan after three nights of unrest, the police chief said.")
    assert 3 not in claims_of(doc)


def test_a_quoted_monitor_count_of_arrests_is_a_tally(pipe):
    doc = run(pipe, "The Karun group told us it had counted \"more than 100\" arrests. A source said that about 80 "
                    "new detainees arrived in Ahvaz's Sepidar prison on June 1.")
    assert ("Ahvaz", "arrest") not in subs(doc)


def test_an_office_of_a_province_is_a_source(pipe):
    doc = run(pipe, "Separately, the Intelligence Department of Kurdistan province announced that its forces had "
                    "arrested four members of a team in Kamyaran.")
    assert claims_of(doc)[4] == "Intelligence Department of Kurdistan province"


def test_arrested_a_day_after_a_sit_in_dates_the_sit_in_the_day_before(pipe):
    doc = run(pipe, "On 10 March, five students of the University of Tabriz were arrested a day after a sit-in on "
                    "the campus.")
    got = rows(doc)
    assert on("Tabriz", "arrest", dt.date(2025, 3, 10)) in got
    assert on("Tabriz", "demonstration", dt.date(2025, 3, 9)) in got
    assert not any(sub == "protest_with_intervention" for _, sub in subs(doc))


def test_on_the_day_of_the_hearing_is_the_day_the_hearing_was_held(pipe):
    doc = run(pipe, "The committee heard four witnesses on 25 May. The chair recalled the resolution of 14 "
                    "January 2025.\n\nA lawyer said that the government had replied on 30 May.\n\n"
                    "On the day of the hearing, some two hundred Iranians rallied outside the parliament in Brussels.")
    assert on("Brussels", "demonstration", dt.date(2025, 5, 25)) in rows(doc)


def test_a_country_mission_that_replied_is_the_source(pipe):
    doc = run(pipe, "The secretariat said that Iran's mission to the EU had replied on 20 May, rejecting the "
                    "allegations and stating that 2,700 prisoners had been pardoned.")
    assert "Iran's mission to the EU" in {c.attributed_to for c in doc.claims if c.value == 2700}


def test_who_had_interviewed_them_counts_them_but_not_a_university_in_a_relative_clause(pipe):
    doc = run(pipe, "Dr Sara Amini, a researcher at the University of Leiden who has interviewed former detainees, "
                    "told the committee that torture was common. Of the 143 former detainees she had interviewed, "
                    "118 said they had been beaten.")
    assert claims_of(doc)[118] == "Dr Sara Amini"


def test_what_interviewees_told_a_survey_is_no_act(pipe):
    doc = run(pipe, "Of the 143 former detainees she had interviewed since 2023, 118 said they had been beaten "
                    "during interrogation. A former prisoner of Evin said the ward was overcrowded.")
    assert not any(sub == "attack_on_civilians" for _, sub in subs(doc))
    assert 118 in claims_of(doc)


def test_weeks_of_the_protests_are_the_wave_not_a_protest(pipe):
    doc = run(pipe, "Doctors said that hospitals in Tehran had treated between 500 and 600 eye injuries in the "
                    "first two weeks of the protests.")
    assert not any(sub in ("demonstration", "protest_with_intervention") for _, sub in subs(doc))


def test_phone_numbers_with_an_area_code_or_a_long_group_are_no_figures(pipe):
    doc = run(pipe, "A recording is available from our office at (202) 747-7847. Tips: Signal +44 7700 900123.")
    assert not claims_of(doc)


def test_the_second_day_of_a_month_range_is_no_count(pipe):
    doc = run(pipe, "Agents detained nine women in Sanandaj between May 12 and 15, a rights group said.")
    assert set(claims_of(doc)) == {9}


def test_ages_told_by_when_are_no_counts(pipe):
    doc = run(pipe, "At least four of those executed were juvenile offenders, arrested when they were 16 or 17.")
    assert set(claims_of(doc)) == {4}


def test_an_ordinal_word_and_a_document_symbol_are_no_figures(pipe):
    doc = run(pipe, "The summary accompanies the report to the Council's sixty-first session (document A/HRC/61/68).")
    assert not claims_of(doc)


def test_a_strike_begun_on_a_day_then_counted_ongoing_spans_to_the_count(pipe):
    doc = run(pipe, "On Sunday, June 1, about 3,000 workers of the Mobarakeh Steel Company went on strike over "
                    "wages, and the strike was in its third day yesterday.", published="2025-06-04")
    assert ("Mobarakeh", "strike", dt.date(2025, 6, 1), dt.date(2025, 6, 3)) in rows(doc)


def test_a_list_headed_by_whose_figures_they_are_is_theirs(pipe):
    doc = run(pipe, "HRANA's figures for October:\n- Arrests: 120\n- Executions: 31")
    assert claims_of(doc) == {120: "HRANA", 31: "HRANA"}


def test_a_source_between_commas_before_a_comparison_closes_the_clause(pipe):
    doc = run(pipe, "The number of executions rose to 75, IHR said, twice the figure of a year earlier.")
    assert claims_of(doc)[75] == "Iran Human Rights"


def test_an_office_named_with_none_before_it_is_the_source(pipe):
    doc = run(pipe, "The governor put the crowd at 300.")
    assert claims_of(doc)[300] == "the governor"


def test_an_office_is_no_one_of_the_collective_sources_named_before_it(pipe):
    doc = run(pipe, "Eyewitnesses said about 2,000 people took part, while the governor put the crowd at 300.")
    assert claims_of(doc)[300] == "the governor"
    assert "Eyewitnesses" in {c.attributed_to for c in doc.claims if c.value == 2000}


def test_a_table_whose_first_column_holds_the_sources_attributes_its_rows(pipe):
    doc = run(pipe, "Source | Killed | Arrested\nHRANA | 31 | 1,200\nPolice | 4 | 350")
    got = {c.value: (c.attributed_to, c.kind) for c in doc.claims if c.value is not None}
    assert got[31] == ("HRANA", "killed") and got[1200] == ("HRANA", "arrested") and got[350] == ("Police", "arrested")


def test_a_table_of_categories_is_no_source_table(pipe):
    doc = run(pipe, "| Category | 2025 | 2024 |\n| Executions | 1,412 | 975 |")
    assert claims_of(doc)[1412] is None


def test_the_number_of_those_a_source_cites_is_no_figure(pipe):
    doc = run(pipe, "Some 1,500 people were killed in November 2019, Reuters reported, citing three interior "
                    "ministry officials.")
    assert set(claims_of(doc)) == {1500}


def test_a_heading_naming_a_source_speaks_for_the_paragraph_below(pipe):
    doc = run(pipe, "What Hengaw says\n\nAt least 14 Kurds were executed in May.\n\nArrests\n\nAt least 40 people "
                    "were arrested in May.")
    got = claims_of(doc)
    assert got[14] == "Hengaw" and got[40] is None


def test_sentenced_to_death_after_a_number_is_no_death(pipe):
    doc = run(pipe, "Another 9 prisoners were sentenced to death in Urmia on Monday.")
    assert {(c.value, c.kind) for c in doc.claims if c.value is not None} == {(9, "sentenced_to_death")}


def test_a_possessed_tally_that_stood_at_a_figure_is_its_owners(pipe):
    doc = run(pipe, "Amnesty's tally stood at 52 on Friday. Attendance stood at 300.")
    got = claims_of(doc)
    assert got[52] == "Amnesty International" and got[300] is None


def test_an_owner_in_lower_case_before_figure_of_is_the_source(pipe):
    doc = run(pipe, "The interior ministry's figure of 41 arrests is far lower.")
    assert claims_of(doc)[41] == "interior ministry"
