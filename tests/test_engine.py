"""The local engine (in-process and process pool), the Doc serialization, the synthetic corpus.

The pipeline here is a toy one defined in this file (the shipped stages are tested on their
own); it makes real Event / Claim / PlaceMention values so the round trip covers every type.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re

import pytest

from eventledger.config import Options
from eventledger.doc import Anchor, Doc, PlaceMention, Segment
from eventledger.engine import failure_of, run_safely
from eventledger.engine.local import LocalEngine, process
from eventledger.models import (Claim, Count, DateRange, Event, Evidence, Location, Place, Report,
                                Span)
from eventledger.pipeline import Pipeline
from eventledger.serialize import doc_to_record, dumps_record, loads_record, record_to_doc
from eventledger.synth import MAX_BYTES, MIN_BYTES, iter_reports, synth_report

_CITY = re.compile(r"\b(?:in|near) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_ARREST = re.compile(r"\b(?:arrested|detained)\b")
_NUMBER = re.compile(r"\b\d+\b")


class ToySentences:
    name = "segment"
    requires = ("report",)
    assigns = ("sentences",)

    def __call__(self, doc: Doc, options: Options) -> None:
        if "KILLME" in doc.text:
            os._exit(3)  # a worker process dying hard, as a segfault would
        if "UNPICKLABLE" in doc.text:
            doc.extras["callback"] = lambda: None  # cannot travel back from a worker
        if "EXPLODE" in doc.text:
            raise ValueError("toy stage cannot handle this document")
        start = 0
        for m in re.finditer(r"[.!?\n]+\s*", doc.text):
            if m.start() > start:
                doc.sentences.append(Segment(Span(start, m.start()), index=len(doc.sentences)))
            start = m.end()


class ToyAssemble:
    name = "assemble"
    requires = ("sentences",)
    assigns = ("places", "events", "claims", "anchor")

    def __call__(self, doc: Doc, options: Options) -> None:
        text = doc.text
        doc.anchor = Anchor(doc.report.published, "published", None)
        for s in doc.sentences:
            sent = s.span.text(text)
            city = _CITY.search(sent)
            if city:
                span = Span(s.span.start + city.start(1), s.span.start + city.end(1))
                place = Place(city.group(1), "IR", "Prov " + city.group(1)[:3], 35.5, 51.25)
                doc.places.append(PlaceMention(span, city.group(1), place, matched=city.group(1)))
            if _ARREST.search(sent) and city:
                n = len(doc.events)
                number = _NUMBER.search(sent)
                doc.events.append(Event(
                    id=f"{doc.id}-e{n}", doc_id=doc.id, event_type="repression", sub_event_type="arrest",
                    location=Location.from_place(city.group(1), place),
                    date=DateRange(doc.report.published, doc.report.published, "day", 0.75, ("toy",)),
                    tactics=("rally",), actor1="toy actor",
                    count=Count("arrested", int(number.group()), "at_least") if number else None,
                    evidence=(Evidence(doc.id, s.span), Evidence(doc.id, span, "place")),
                    documents=(doc.id,), notes=("toy",),
                ))
            number = _NUMBER.search(sent)
            if number:
                doc.claims.append(Claim(
                    id=f"{doc.id}-c{len(doc.claims)}", doc_id=doc.id, text=sent, span=s.span,
                    kind="other", value=int(number.group()) if len(doc.claims) % 2 else float(number.group()),
                    said_on=doc.report.published, event_ids=tuple(e.id for e in doc.events[-1:]),
                ))


def toy_pipeline(options: Options, upto: str | None = None) -> Pipeline:
    stages = [ToySentences(), ToyAssemble()]
    if upto == "segment":
        stages = stages[:1]
    return Pipeline(stages, options)


def _report(doc_id: str, text: str) -> Report:
    return Report(doc_id, text, hashlib.sha256(text.encode()).hexdigest(), published=dt.date(2021, 3, 4),
                  publisher="Toy Desk", title="t", language="en")


def _events(docs):
    return [(d.id, tuple(d.events), tuple(d.claims), tuple(d.places), failure_of(d)) for d in docs]


# -- serialization ---------------------------------------------------------------------
def test_round_trip_rebuilds_equal_values():
    pipeline = toy_pipeline(Options())
    doc = next(d for d in map(pipeline.run, iter_reports(50, seed=1)) if d.events and d.claims)
    back = record_to_doc(doc_to_record(doc))
    assert back.report == doc.report
    assert back.anchor == doc.anchor
    assert back.places == doc.places
    assert back.events == doc.events
    assert back.claims == doc.claims
    assert loads_record(dumps_record(doc)).events == doc.events


def test_round_trip_keeps_number_types_and_dates():
    doc = toy_pipeline(Options()).run(_report("r1", "Police arrested 12 people in Ahar.\nThen 3 in Bam.\n"))
    back = loads_record(dumps_record(doc))
    values = [c.value for c in back.claims]
    assert values == [c.value for c in doc.claims]
    assert [type(v) for v in values] == [type(c.value) for c in doc.claims]
    assert back.events[0].date.start == dt.date(2021, 3, 4)
    assert isinstance(back.events[0].evidence[0].span, Span)


def test_failure_is_carried_in_record():
    doc = run_safely(toy_pipeline(Options()), _report("bad", "EXPLODE now"))
    back = loads_record(dumps_record(doc))
    assert failure_of(back) and "cannot handle" in failure_of(back)
    assert back.events == []


# -- synthetic corpus -----------------------------------------------------------------
def test_synth_is_deterministic_and_seeded():
    a = [r.text for r in iter_reports(5, seed=11)]
    b = [r.text for r in iter_reports(5, seed=11)]
    c = [r.text for r in iter_reports(5, seed=12)]
    assert a == b
    assert a != c
    assert synth_report(3, seed=11).text == a[3]  # a document depends only on (seed, index)


def test_synth_sizes_in_range_and_ids_unique():
    reports = list(iter_reports(200, seed=5))
    sizes = [len(r.text.encode("utf-8")) for r in reports]
    assert min(sizes) >= MIN_BYTES and max(sizes) <= MAX_BYTES
    assert len({r.id for r in reports}) == 200
    assert all(r.content_hash == hashlib.sha256(r.text.encode()).hexdigest() for r in reports)
    assert all("\r" not in r.text for r in reports)


def test_synth_is_lazy():
    gen = iter_reports(10**9, seed=0)  # would never fit in memory as a list
    assert next(gen).id == "synth-0-0000000"


# -- local engine ------------------------------------------------------------------------
def test_one_worker_in_order_and_failure_does_not_stop_run():
    texts = ["Police arrested 4 people in Rasht.", "EXPLODE", "Workers detained near Yazd on Monday."]
    docs = list(process((_report(f"d{i}", t) for i, t in enumerate(texts)), Options(),
                        pipeline_factory=toy_pipeline))
    assert [d.id for d in docs] == ["d0", "d1", "d2"]
    assert failure_of(docs[1]) and not docs[1].events
    assert failure_of(docs[0]) is None and len(docs[0].events) == 1
    assert docs[2].events[0].location.name == "Yazd"


def test_two_workers_identical_to_one_and_ordered():
    options = Options()
    reports = list(iter_reports(120, seed=2))
    one = list(process(iter(reports), options, workers=1, pipeline_factory=toy_pipeline))
    engine = LocalEngine(options, workers=2, pipeline_factory=toy_pipeline, chunk_size=5, window=3)
    two = list(engine.process(iter(reports)))
    assert [d.id for d in two] == [r.id for r in reports]
    assert _events(two) == _events(one)
    assert sum(len(d.events) for d in one) > 0
    assert set(engine.timings) == {"segment", "assemble"}  # timings come back from the workers


def test_workers_survive_failing_and_dying_documents():
    texts = [f"Police arrested {i} people in Sari." for i in range(20)]
    texts[4] = "EXPLODE"
    texts[13] = "KILLME"  # kills the worker process
    texts[17] = "UNPICKLABLE"
    reports = [_report(f"d{i:02d}", t) for i, t in enumerate(texts)]
    docs = list(process(iter(reports), Options(), workers=2, pipeline_factory=toy_pipeline))
    assert [d.id for d in docs] == [r.id for r in reports]
    assert "cannot handle" in failure_of(docs[4])
    assert "worker process died" in failure_of(docs[13])
    assert "could not return" in failure_of(docs[17])
    assert all(failure_of(d) is None and len(d.events) == 1 for i, d in enumerate(docs) if i not in (4, 13, 17))


def test_stream_does_not_read_ahead_unboundedly():
    pulled = 0

    def counting():
        nonlocal pulled
        for r in iter_reports(10_000, seed=3):
            pulled += 1
            yield r

    engine = LocalEngine(Options(), workers=2, pipeline_factory=toy_pipeline, chunk_size=4, window=3)
    it = engine.process(counting())
    first = next(it)
    assert first.id == "synth-3-0000000"
    assert pulled <= 4 * 3 + 4  # the window, not the corpus
    it.close()


def test_upto_cuts_pipeline():
    docs = list(process(iter_reports(3, seed=1), Options(), upto="segment", pipeline_factory=toy_pipeline))
    assert all(d.done == ["segment"] and not d.events for d in docs)


def test_bad_worker_count_is_rejected():
    with pytest.raises(ValueError):
        LocalEngine(Options(), workers=0)


def test_docs_are_slim_unless_full_docs_asked():
    reports = list(iter_reports(4, seed=1))
    slim = list(process(iter(reports), Options(), pipeline_factory=toy_pipeline))
    full = list(process(iter(reports), Options(), workers=2, pipeline_factory=toy_pipeline, full_docs=True))
    assert all(not d.sentences for d in slim) and all(d.sentences for d in full)
    assert [d.events for d in slim] == [d.events for d in full]
    assert [d.places for d in slim] == [d.places for d in full]
