"""Rules added after held-out set 59 (ho361-ho366: short NCRI/PMOI analysis essays with sample
reports of 2019-2026, dated by weekdays, "the night before" and photos' alt text), each on text of
its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def test_images_that_appeared_on_walls_are_posters(pipe):
    doc = run(pipe, "On Monday, June 2, pictures of the movement's leaders appeared on the walls of Zanjan's bazaar.")
    assert on("Zanjan", "symbolic_action", dt.date(2025, 6, 2)) in rows(doc)


def _under_alt_text(pipe, alt: str) -> set[tuple]:
    """The rows of an undated sample item in Semnan under a photo's alt text ``alt``."""
    return rows(run(pipe, "Notes on the week\n\nJune 3, 2025 - The units were active across the country.\n\n"
                          f"Semnan: a slogan on a school\n\n{alt}\n\n"
                          "Units wrote slogans on the walls of a school in Semnan.", published="2025-06-03"))


def test_a_full_date_ending_a_photos_alt_text_dates_the_undated_item_below(pipe):
    got = _under_alt_text(pipe, "resistance units graffiti semnan may 30 2025")
    assert on("Semnan", "symbolic_action", dt.date(2025, 5, 30)) in got
    assert on("Semnan", "symbolic_action", dt.date(2025, 6, 3)) not in got


def test_a_later_date_in_alt_text_does_not_date_the_item(pipe):
    # (a photo's date after the report's own is no date of the act below it)
    got = _under_alt_text(pipe, "resistance units graffiti semnan june 9 2025")
    assert not any(r[0] == "Semnan" and r[2] == dt.date(2025, 6, 9) for r in got)


def test_the_night_before_a_named_occasion_counts_from_that_occasions_day(pipe):
    # the rally was told on Thursday; a Tuesday told after it is not what "the night before" counts from
    doc = run(pipe, "On Thursday, May 29, teachers rallied in Ilam.\n\n"
                    "On Tuesday, May 27, units wrote slogans on the walls in Semnan.\n\n"
                    "In Zanjan, youths set fire to a Basij base the night before the rally.",
              published="2025-06-03")
    got = rows(doc)
    assert on("Zanjan", "property_attack", dt.date(2025, 5, 28)) in got


def test_the_night_before_an_unnamed_occasion_still_counts_from_the_last_day(pipe):
    doc = run(pipe, "On Tuesday, May 27, units wrote slogans on the walls in Semnan. "
                    "In Zanjan, youths set fire to a Basij base the night before.",
              published="2025-06-03")
    assert on("Zanjan", "property_attack", dt.date(2025, 5, 26)) in rows(doc)


def test_a_share_put_at_a_figure_is_the_sources(pipe):
    doc = run(pipe, "The Labour Ministry put the share of temporary contracts at 90 percent last year.")
    assert any(c.value == 90 and "Labour Ministry" in (c.attributed_to or "") for c in doc.claims)
