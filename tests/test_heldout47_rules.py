"""Rules added after held-out set 47 (ho289-ho294: rights monitors' urgent actions, monthly reports, a
crackdown press release and a labour weekly), each on text of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)

from eventledger.models import Report


def run(pipe, text: str, published: str | None = "2025-06-03"):
    day = dt.date.fromisoformat(published) if published else None
    return pipe.run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest(), publisher="Monitor", published=day))


def rows(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start, e.date.end) for e in doc.events}


def on(town: str, sub: str, day: dt.date) -> tuple:
    return town, sub, day, day


def weekly(pipe, masthead: str, body: str):
    """A labour weekly with no publication date but its masthead's."""
    return run(pipe, f"Labour Weekly\n{masthead}\n\n{body}", published=None)


def test_published_after_a_separator_anchors_the_report(pipe):
    # a weekly's masthead line: the week, then "| Published <day>"; the weekday headings below are
    # days of that week, not days before the first of them
    doc = weekly(pipe, "3–9 May 2025 | Published 10 May 2025",
                 "Monday, May 5\n- Arak: Retired teachers held a rally outside the education office.\n\n"
                 "Wednesday, May 7\n- Qazvin: Nurses gathered at the main hospital over unpaid overtime.\n")
    got = rows(doc)
    assert {on("Arak", "demonstration", dt.date(2025, 5, 5)), on("Qazvin", "demonstration", dt.date(2025, 5, 7))} <= got


def test_rows_of_a_count_table_by_prison_are_executions(pipe):
    doc = run(pipe, "At least 40 prisoners were executed in May 2025, the group said.\n\n"
                    "Executions by prison, May 2025\nAdelabad (Shiraz): 9\nVakilabad (Mashhad): 6\n"
                    "Other prisons (8 prisons): 25\n")
    got = rows(doc)
    for town in ("Shiraz", "Mashhad"):
        assert (town, "execution", dt.date(2025, 5, 1), dt.date(2025, 5, 31)) in got


def test_rows_with_their_own_words_under_a_by_town_heading(pipe):
    doc = run(pipe, "In April 2025, the group documented at least 9 protesters killed in Lorestan province.\n\n"
                    "Casualties by town\nKhorramabad: 4 killed, 20 injured\nAligudarz: 2 killed\n")
    got = {(c, s) for c, s, *_ in rows(doc)}
    assert {("Khorramabad", "killing"), ("Khorramabad", "attack_on_civilians"), ("Aligudarz", "killing")} <= got
    assert all(e.date.start == dt.date(2025, 4, 1) for e in doc.events if e.location.canonical == "Aligudarz")


def test_a_place_and_a_figure_under_no_counting_heading_is_no_event(pipe):
    # a headline-like line without a table heading above stays a headline
    doc = run(pipe, "Weekly summary\nKhorramabad: 4 killed\n\nThe report covers the week to June 1.\n")
    assert not any(e.location.canonical == "Khorramabad" for e in doc.events)


def test_a_date_line_under_the_title_stamps_the_report(pipe):
    # the title's own date (a trial to come) is no anchor; the line that is only a date is
    doc = run(pipe, "Rights Network\nThree activists to stand trial on 20 June\n8 June 2025\n\n"
                    "Security forces arrested three activists in Saqqez on 2 June 2025, the network said.\n",
              published=None)
    assert ("Saqqez", "arrest", dt.date(2025, 6, 2), dt.date(2025, 6, 2)) in rows(doc)
    assert doc.anchor.date == dt.date(2025, 6, 8)


def test_that_night_in_a_list_item_is_the_day_of_its_heading(pipe):
    # the sibling item above told another day ("until Thursday"); "later that night" is the heading's day
    doc = weekly(pipe, "1–7 June 2025 | Published 8 June 2025",
                 "Tuesday, June 3\n- Bushehr: Dock workers stopped work; the strike continued until Thursday.\n"
                 "- Yazd: Textile workers gathered at the factory gate. Police dispersed them and detained "
                 "three workers, who were released later that night.\n")
    day = dt.date(2025, 6, 3)
    assert {on("Yazd", "protest_with_intervention", day), on("Yazd", "arrest", day)} <= rows(doc)


def test_a_streak_under_a_day_heading_ends_on_that_day(pipe):
    doc = weekly(pipe, "1–7 June 2025 | Published 8 June 2025",
                 "Sunday, June 1\n- Shushtar: About 200 sugar workers stayed on strike for the third day in a row "
                 "over unpaid wages.\n")
    assert ("Shushtar", "strike", dt.date(2025, 5, 30), dt.date(2025, 6, 1)) in rows(doc)


def test_a_given_name_used_alone_for_a_person_named_before_is_no_place(pipe):
    # Soran is a town too; here it is the teacher named in full a sentence before
    doc = run(pipe, "Soran Vakili, a teacher, was sentenced to death by a court in Sanandaj on 2 June 2025. "
                    "For 40 days Soran was held in solitary confinement.\n")
    assert not any(e.location.canonical == "Soran" for e in doc.events)
    assert not any(p.place.canonical == "Soran" for p in doc.places)


def test_held_in_solitary_confinement_in_a_detention_centre_is_no_new_arrest(pipe):
    doc = run(pipe, "Agents arrested Hiwa Karimi at his home in Bukan on 2 June 2025. For 20 days he was held in "
                    "solitary confinement in a Ministry of Intelligence detention centre in Urmia.\n")
    assert not any(e.location.canonical == "Urmia" for e in doc.events)


def test_workers_named_by_their_company_who_block_a_road_protest(pipe):
    doc = run(pipe, "On Monday, June 2, workers of the Hepco machinery company blocked the road outside the "
                    "factory in Arak over unpaid wages.\n")
    assert ("Arak", "demonstration") in {(c, s) for c, s, *_ in rows(doc)}
