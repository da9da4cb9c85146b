"""Cross-document deduplication (eventledger.dedupe): a pure function, tested on hand-made events."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from eventledger.dedupe import (Member, cluster_members, dedupe_key, in_reach, merge_members, merged_event_id,
                               normalize_actor, time_tile)
from eventledger.models import Count, DateRange, Event, Evidence, Location, Span

D = dt.date


def ev(doc: str, local: str, *, sub: str = "demonstration", etype: str = "protest", city: str = "Arak",
       admin1: str = "Markazi", start: dt.date = D(2024, 3, 5), end: dt.date | None = None,
       precision: str = "day", actor1: str | None = None, actor2: str | None = None,
       tactics: tuple[str, ...] = (), count: Count | None = None, slogans: tuple[str, ...] = (),
       span: tuple[int, int] = (0, 20), canonical: str | None = "same") -> Event:
    return Event(
        id=local, doc_id=doc, event_type=etype, sub_event_type=sub,
        location=Location(city, city if canonical == "same" else canonical, admin1, "IR", 34.1, 49.7, 1),
        date=DateRange(start, end or start, precision), tactics=tactics, actor1=actor1, actor2=actor2,
        count=count, slogans=slogans, evidence=(Evidence(doc, Span(*span)),),
    )


def member(doc: str, local: str, publisher: str | None = None, **kw) -> Member:
    return Member(doc, local, ev(doc, local, **kw), publisher, "unknown" if publisher else None)


def test_same_event_from_two_documents_becomes_one_with_both_documents():
    merged = merge_members([member("a", "e1", "Pub One", span=(3, 9)), member("b", "e7", "Pub Two", span=(40, 52))])
    assert len(merged) == 1
    m = merged[0]
    assert m.links == [("a", "e1"), ("b", "e7")]
    assert m.row["doc_id"] == "a"
    assert m.row["corroboration"] == 2
    assert m.id == merged_event_id("a", "e1")
    assert [(e["doc_id"], e["start"]) for e in m.evidence] == [("a", 3), ("b", 40)]


def test_result_does_not_depend_on_input_order():
    members = [
        member("a", "e1", "P", actor1="students", tactics=("banner",), slogans=("Free them",)),
        member("b", "e1", "Q", start=D(2024, 3, 4), end=D(2024, 3, 6), precision="range", tactics=("chanting",)),
        member("c", "e2", None, actor1="Students", slogans=("Free them", "Bread and work")),
        member("d", "e1", "P", actor1="retirees"),
        member("e", "e3", "R", sub="strike"),
    ]
    expected = merge_members(members)
    for perm in itertools.permutations(members):
        assert merge_members(perm) == expected


def test_merged_values_follow_the_documented_rules():
    m = merge_members([
        member("b", "e1", "Q", start=D(2024, 3, 4), end=D(2024, 3, 6), precision="range",
               tactics=("chanting",), count=Count("participants", 200, "about")),
        member("a", "e1", "P", tactics=("banner", "chanting"), slogans=("No to prisons",),
               count=Count("participants", 300, "more_than")),
    ])[0]
    row = m.row
    assert (row["date_start"], row["date_end"], row["date_precision"]) == (D(2024, 3, 5), D(2024, 3, 5), "day")
    assert row["tactics"] == ["banner", "chanting"]
    assert row["slogans"] == ["No to prisons"]
    assert (row["count_kind"], row["count_value"], row["count_qualifier"]) == ("participants", 300, "more_than")
    assert any("counts differ" in n for n in row["notes"])
    assert row["reported_by"] == "P; Q"


def test_date_intersection_of_two_ranges_is_a_range():
    m = merge_members([
        member("a", "e1", "P", start=D(2024, 3, 1), end=D(2024, 3, 10), precision="range"),
        member("b", "e1", "Q", start=D(2024, 3, 8), end=D(2024, 3, 20), precision="range"),
    ])[0]
    assert (m.row["date_start"], m.row["date_end"], m.row["date_precision"]) == (D(2024, 3, 8), D(2024, 3, 10), "range")


def test_events_that_differ_do_not_merge():
    cases = [
        [member("a", "e1"), member("b", "e1", sub="strike")],                  # sub-type
        [member("a", "e1"), member("b", "e1", city="Qom", admin1="Qom")],        # place
        [member("a", "e1"), member("b", "e1", start=D(2024, 3, 9))],            # dates
        [member("a", "e1", actor1="teachers"), member("b", "e1", actor1="nurses")],  # actors
        [member("a", "e1"), member("a", "e2")],                                  # same document
        [member("a", "e1", canonical=None), member("b", "e1", canonical=None)],  # no canonical place
        # a month's total and one day's act in it
        [member("a", "e1", start=D(2024, 3, 1), end=D(2024, 3, 31), precision="month"), member("b", "e1")],
    ]
    for pair in cases:
        assert len(merge_members(pair)) == 2, pair


def test_unknown_actor_is_compatible_but_named_actors_must_agree():
    merged = merge_members([
        member("a", "e1", actor1="teachers"),
        member("b", "e1", actor1="unidentified persons"),
        member("c", "e1", actor1="The Teachers (per Some Outlet)"),
        member("d", "e1", actor1="nurses"),
    ])
    assert sorted(len(m.members) for m in merged) == [1, 3]
    big = next(m for m in merged if len(m.members) == 3)
    assert big.row["actor1"] == "teachers"


def test_corroboration_counts_publishers_and_unpublished_documents_separately():
    merged = merge_members([
        member("a", "e1", "Same Outlet"), member("b", "e1", "same outlet "), member("c", "e1", None),
        member("d", "e1", None),
    ])
    assert len(merged) == 1
    assert merged[0].row["corroboration"] == 3  # one publisher + two documents without one


def test_normalize_actor():
    assert normalize_actor("  The Students (per X News) ") == "students"
    assert normalize_actor("unknown") is None
    assert normalize_actor("Unidentified youths (per X)") is None
    assert normalize_actor(None) is None
    assert normalize_actor("Workers") == "workers"


def test_key_is_unique_for_events_without_place_or_date():
    undated = Event(id="e1", doc_id="a", event_type="protest", sub_event_type="demonstration",
                    location=Location("Arak", "Arak", "Markazi", "IR", None, None, 1), date=DateRange.unresolved())
    assert dedupe_key("a", undated) != dedupe_key("b", undated)
    assert dedupe_key("a", ev("a", "e1")) == dedupe_key("b", ev("b", "e9"))


def test_the_time_tile_is_the_month_of_the_range_midpoint():
    assert time_tile(D(2024, 3, 5), D(2024, 3, 5)) == "2024-03"
    assert time_tile(D(2024, 2, 20), D(2024, 3, 20)) == "2024-03"  # midpoint 1 March
    assert time_tile(D(2024, 2, 1), D(2024, 3, 1)) == "2024-02"
    assert dedupe_key("a", ev("a", "e1", start=D(2024, 1, 1), end=D(2024, 12, 31))).endswith("2024-07")


def test_overlapping_events_in_different_time_tiles_do_not_merge_in_any_order():
    # 31 March and the range 29 March..8 April (midpoint 3 April) overlap but are in
    # different tiles; the two reports of 2 April share the range's tile and merge with it
    members = [
        member("a", "e1", start=D(2024, 3, 31)),
        member("b", "e1", start=D(2024, 3, 29), end=D(2024, 4, 8), precision="range"),
        member("c", "e1", start=D(2024, 4, 2)),
    ]
    expected = merge_members(members)
    assert sorted(m.links for m in expected) == [[("a", "e1")], [("b", "e1"), ("c", "e1")]]
    for perm in itertools.permutations(members):
        assert merge_members(perm) == expected


# --- re-clustering only the members in reach of a change (in_reach) -------------------

_START = D(2024, 3, 1)
_LENGTHS = (0, 0, 0, 1, 1, 2, 6, 27, 200)  # days, skewed like the corpus: mostly single days


def _events_strategy():
    one = st.tuples(st.sampled_from(["demonstration", "strike"]), st.integers(0, 50),
                    st.sampled_from(_LENGTHS), st.sampled_from([None, None, "teachers", "retirees"]))
    return st.lists(one, max_size=4)


def _members(doc: str, events: list) -> list[Member]:
    return [member(doc, f"e{i}", sub=sub, start=_START + dt.timedelta(days=day),
                   end=_START + dt.timedelta(days=day + length), precision="range", actor1=actor)
            for i, (sub, day, length, actor) in enumerate(events)]


def _cluster_ids(members: list[Member]) -> set[tuple[tuple[str, str], ...]]:
    return {tuple(m.sort_key for m in c) for c in cluster_members(members)}


def test_reclustering_the_members_in_reach_gives_the_clusters_of_full_reclustering():
    """What the SQL store relies on: after adding documents and replacing or removing
    others, re-clustering only the stored members in reach of the added and removed ones
    (plus the added ones) gives exactly the clusters that change under full re-clustering,
    and every other cluster is the one stored before."""
    docs = [f"d{i}" for i in range(8)]

    @settings(max_examples=400, deadline=None)
    @given(st.dictionaries(st.sampled_from(docs), _events_strategy()),
                      st.dictionaries(st.sampled_from(docs), _events_strategy(), min_size=1))
    def check(stored_docs: dict, changed_docs: dict) -> None:
        before = [m for d, evs in stored_docs.items() for m in _members(d, evs)]
        removed = [m for m in before if m.doc_id in changed_docs]
        kept = [m for m in before if m.doc_id not in changed_docs]
        added = [m for d, evs in changed_docs.items() for m in _members(d, evs)]
        reach = [(m.key, m.start, m.end) for m in added + removed]
        selected = [kept[i] for i in in_reach([(m.key, m.start, m.end) for m in kept], reach)]
        recomputed = _cluster_ids(selected + added)
        touched = {m.sort_key for m in selected + removed}
        untouched = {c for c in _cluster_ids(before) if not touched & set(c)}
        assert recomputed | untouched == _cluster_ids(kept + added)
        assert not recomputed & untouched

    check()


def test_in_reach_follows_overlaps_transitively_and_stops_at_gaps():
    key = "k"
    stored = [(key, D(2024, 3, 1), D(2024, 3, 3)), (key, D(2024, 3, 3), D(2024, 3, 6)),
              (key, D(2024, 3, 8), D(2024, 3, 8)), ("other", D(2024, 3, 1), D(2024, 3, 31))]
    assert in_reach(stored, [(key, D(2024, 3, 1), D(2024, 3, 1))]) == [0, 1]  # 1 overlaps 0, not the seed
    assert in_reach(stored, [(key, D(2024, 3, 7), D(2024, 3, 7))]) == []  # falls in the gap
    assert in_reach(stored, [(key, D(2024, 3, 6), D(2024, 3, 8))]) == [0, 1, 2]  # bridges it


def test_ranges_of_comparable_length_still_merge():
    # two days inside a week, a day inside a fortnight: the same act told more or less precisely
    assert len(merge_members([member("a", "e1", start=D(2024, 3, 4), end=D(2024, 3, 10), precision="range"),
                              member("b", "e1", start=D(2024, 3, 5), end=D(2024, 3, 6), precision="range")])) == 1
    assert len(merge_members([member("a", "e1", start=D(2024, 3, 1), end=D(2024, 3, 14), precision="range"),
                              member("b", "e1", start=D(2024, 3, 5))])) == 1
