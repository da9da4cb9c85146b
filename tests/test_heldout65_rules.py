"""Rules added after held-out set 65 (ho397-ho402: NCRI/PMOI essays of 2021-2026 on the rial, the
succession, the 2021 election boycott, the revolution's anniversary, a Free Iran rally in Berlin and the
crackdown after the June 2025 war, with sample reports under headings, alt text and captions), each on
text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def test_a_publisher_date_line_dates_an_essay_under_a_title_month(pipe):
    # the title's month is no period to count weekdays back from its last day
    doc = run(pipe, "The Silent Polling Stations of May 2022\n\nNCRI - Monday, May 16, 2022\n\n"
                    "The regime's by-election drew few voters. On Thursday, Resistance Units wrote slogans on walls "
                    "in Qom's Salarieh district.", published=None)
    assert on("Qom", "symbolic_action", dt.date(2022, 5, 12)) in rows(doc)


def test_one_towns_photo_under_an_undated_paragraph_on_several_towns_dates_it(pipe):
    doc = run(pipe, "Bandar Abbas and Bushehr: leaflets for the strike\n\n"
                    "Resistance Units in Bandar Abbas and Bushehr scattered leaflets calling on dock workers to strike.\n\n"
                    "Resistance Units' leaflets in Bushehr's port – Sunday, June 1, 2025", published="2025-06-03")
    got = rows(doc)
    assert on("Bushehr", "symbolic_action", dt.date(2025, 6, 1)) in got
    assert on("Bandar Abbas", "symbolic_action", dt.date(2025, 6, 1)) in got
    assert not any(t == "Bushehr" and d != dt.date(2025, 6, 1) for t, _, d, _ in got)


def test_the_eve_of_an_occasion_the_report_dated_is_the_day_before_it(pipe):
    doc = run(pipe, "On Friday the regime held its ceremony for the anniversary in Qom.\n\n"
                    "On the eve of the anniversary, residents of Arak chanted \"Death to the dictator\" from their rooftops.",
              published="2025-06-03")
    assert on("Arak", "demonstration", dt.date(2025, 5, 29)) in rows(doc)


def test_the_eve_of_an_occasion_beside_a_date_of_its_own_keeps_that_date(pipe):
    doc = run(pipe, "The anniversary was marked on Friday.\n\n"
                    "On May 2, 2025, on the eve of the same anniversary, youths in Arak set fire to a banner of Khamenei.",
              published="2025-06-03")
    assert on("Arak", "property_attack", dt.date(2025, 5, 2)) in rows(doc)


def test_the_regime_marking_an_anniversary_is_no_protest(pipe):
    doc = run(pipe, "On Tuesday the clerical regime marked the 46th anniversary of the revolution in Shiraz.")
    assert not any(sub == "symbolic_action" for _, sub, *_ in rows(doc))


def test_residents_marking_an_anniversary_still_commemorate(pipe):
    doc = run(pipe, "On Tuesday residents of Shiraz marked the anniversary of the uprising at the city's cemetery.")
    assert ("Shiraz", "symbolic_action") in {(t, s) for t, s, *_ in rows(doc)}


def test_a_quoted_charge_after_for_is_the_grounds_of_an_arrest(pipe):
    doc = run(pipe, "Police said on Sunday that three people had been arrested in Yazd for \"writing hostile slogans\".")
    got = {(t, s) for t, s, *_ in rows(doc)}
    assert ("Yazd", "arrest") in got and ("Yazd", "symbolic_action") not in got


def test_the_day_of_a_statement_is_not_the_same_day_of_an_act(pipe):
    doc = run(pipe, "Teachers rallied in Arak on Saturday, May 31. The governor, in a statement on Sunday, called them "
                    "\"agitators\". Nurses rallied in Yazd the same day.", published="2025-06-03")
    assert on("Yazd", "demonstration", dt.date(2025, 5, 31)) in rows(doc)


def test_a_march_a_source_calls_names_or_a_lesson_draws_on_is_no_new_act(pipe):
    doc = run(pipe, "On Saturday, May 31, thousands marched in Paris for a free Iran. On Monday the state-run Tasnim "
                    "agency called the Paris march \"a circus of traitors\". As the Paris rally showed, the diaspora is united.",
              published="2025-06-03")
    got = rows(doc)
    assert on("Paris", "demonstration", dt.date(2025, 5, 31)) in got
    assert not any(t == "Paris" and d != dt.date(2025, 5, 31) for t, _, d, _ in got)


def test_messages_sent_to_a_gathering_abroad_are_not_made_there(pipe):
    doc = run(pipe, "On Friday, Resistance Units across Iran sent 500 video messages to the participants in Paris.")
    assert not any(t == "Paris" for t, *_ in rows(doc))


def test_a_months_count_hands_no_act_to_the_prisons_of_the_next_sentence(pipe):
    doc = run(pipe, "According to the monitor, at least 60 prisoners were executed in May. In Vakilabad prison, "
                    "families say, dozens of prisoners were moved to Adelabad prison without notice.", published="2025-06-10")
    assert not any(sub == "execution" for _, sub, *_ in rows(doc))


def test_a_count_compared_with_a_year_before_hands_no_act_on(pipe):
    doc = run(pipe, "The UN said on June 5 that executions in Iran had \"more than doubled\" compared with 2024. "
                    "In Vakilabad prison, families say, prisoners were moved to Adelabad prison.", published="2025-06-10")
    assert not any(sub == "execution" and t in ("Mashhad", "Shiraz") for t, sub, *_ in rows(doc))


def test_a_source_after_a_prison_in_a_town_is_the_source(pipe):
    doc = run(pipe, "On Monday the regime hanged three prisoners in Vakilabad prison in Mashhad, Mizan reported.")
    assert ("executed", 3, "Mizan") in {(c.kind, c.value, c.attributed_to) for c in doc.claims}


def test_an_mp_from_a_town_is_a_source(pipe):
    doc = run(pipe, "An MP from Rasht told ICANA that 35 percent of the province's factories had closed.")
    assert any(c.value == 35 and c.attributed_to and "Rasht" in c.attributed_to for c in doc.claims)


def test_a_source_that_spoke_of_a_figure_gives_it(pipe):
    doc = run(pipe, "The organisers counted 9,000 marchers; the Paris police, in a statement on Sunday, spoke of "
                    "\"about 4,000 participants.\"")
    assert ("Paris police", 4000) in {(c.attributed_to, c.value) for c in doc.claims}


def test_a_second_speech_verb_after_and_is_the_subjects(pipe):
    doc = run(pipe, "On Monday the state-run Tasnim news agency mocked the rally and claimed that only 800 people had come.")
    assert any(c.value == 800 and c.attributed_to and "Tasnim" in c.attributed_to for c in doc.claims)


def test_a_second_speech_verb_after_a_named_source_keeps_that_source(pipe):
    doc = run(pipe, "Police in Arak detained 12 workers, HRANA reported, and added that 5 were later released.")
    assert not any(c.attributed_to and "Police" in c.attributed_to for c in doc.claims if c.value == 5)


def test_a_speaker_who_called_a_thing_by_a_name_is_the_next_she(pipe):
    doc = run(pipe, "Three workers were detained in Arak, HRANA reported. In a message on Friday, Maryam Rajavi called "
                    "the arrests \"a crime against labour\". She said that 40 workers had been fired since March.")
    assert ("Maryam Rajavi", 40) in {(c.attributed_to, c.value) for c in doc.claims}


def test_a_figure_by_its_own_count_is_the_subjects(pipe):
    doc = run(pipe, "In March 2024, the government had already recorded the lowest turnout, 41 percent by its own count.")
    assert any(c.value == 41 and c.attributed_to and "government" in c.attributed_to.lower() for c in doc.claims)


def test_election_night_is_the_night_the_polls_closed(pipe):
    doc = run(pipe, "When the polls closed on Friday night, the regime claimed victory. On Sunday, Resistance Units "
                    "put up posters in Qom.\n\n"
                    "On election night, youths set fire to a campaign banner in Ardabil.", published="2025-06-03")
    assert on("Ardabil", "property_attack", dt.date(2025, 5, 30)) in rows(doc)


def test_a_town_named_as_part_of_a_city_is_the_citys(pipe):
    doc = run(pipe, "On Friday, in Tehran's Shahr-e Rey and Narmak, Resistance Units distributed leaflets.")
    assert {t for t, *_ in rows(doc)} == {"Tehran"}


def test_arrests_an_official_announces_are_of_the_officials_town_only(pipe):
    doc = run(pipe, "Bakers in Arak went on strike on Sunday. Shopkeepers in Qazvin's bazaar followed on Monday. The regime "
                    "was silent. On Tuesday the Arak prosecutor announced that 9 people had been arrested, Mizan reported.")
    got = {(t, s) for t, s, *_ in rows(doc)}
    assert ("Arak", "arrest") in got and ("Qazvin", "arrest") not in got


def test_the_same_day_after_an_act_described_by_its_occasion_is_the_acts_day(pipe):
    # (the anniversary's eve, February 10, describes the march told on its own day)
    doc = run(pipe, "On Saturday, February 8, thousands marched in Paris. The march, held on the eve of the anniversary of "
                    "the 1979 revolution, was the largest in years. Supporters rallied in Oslo the same day.",
              published="2025-02-12")
    assert on("Oslo", "demonstration", dt.date(2025, 2, 8)) in rows(doc)


def test_the_night_before_an_occasion_counts_from_the_occasion_not_from_another_eve(pipe):
    doc = run(pipe, "On Saturday, May 31, thousands rallied in Paris.\n\nTabriz: the night before the rally\n\n"
                    "Resistance Units put up posters in Tabriz on the night before the rally.", published="2025-06-03")
    assert on("Tabriz", "symbolic_action", dt.date(2025, 5, 30)) in rows(doc)


def test_the_basis_a_source_cites_is_its_own_figure(pipe):
    doc = run(pipe, "The PMOI/MEK, citing reports from more than 900 polling stations, put national turnout at less "
                    "than 12 percent.")
    assert ("PMOI/MEK", 900) in {(c.attributed_to, c.value) for c in doc.claims}
