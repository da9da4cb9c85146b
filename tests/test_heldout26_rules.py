"""Rules added after held-out set 26 (ho163-ho168), each on a sentence of its own."""

from __future__ import annotations

from test_dates import D, days_at, run as run_dates


def test_a_persian_month_day_dateline_takes_the_solar_year_the_report_names_as_its_own():
    text = ("BUSHEHR, Bahman 20 (Agency) – The provincial police said on Sunday that they had detained "
            "nine men in Borazjan.\n\nThe police chief said 300 cases had been opened since the beginning "
            "of the year 1403.\n")
    doc = run_dates(text)
    assert doc.anchor.date == D("2025-02-08")  # 20 Bahman 1403
    assert days_at(doc, "detained") == ("2025-02-02", "2025-02-02")
    # a Persian month-day followed by a word is no date ("Mehr 12 percent")
    doc = run_dates("The Mehr 12 percent figure was quoted on Sunday.\n")
    assert all(m.text != "Mehr 12" for m in doc.dates)
