"""fast_init gives the core model's frozen dataclasses the __init__ dataclasses would."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from eventledger import doc as doc_module
from eventledger import models
from eventledger.frozen import fast_init

CLASSES = [c for m in (models, doc_module) for c in vars(m).values()
           if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__dataclass_params__.frozen
           and c.__module__ == m.__name__]


def test_every_frozen_model_class_is_covered():
    names = {c.__name__ for c in CLASSES}
    assert {"Span", "Event", "Claim", "Segment", "Trigger", "PlaceMention"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_signature_is_the_dataclass_one(cls):
    params = list(inspect.signature(cls).parameters.values())
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        if f.default is not dataclasses.MISSING:
            assert p.default == f.default
        elif f.default_factory is dataclasses.MISSING:
            assert p.default is inspect.Parameter.empty


def test_values_defaults_validation_and_frozenness():
    s = models.Span(2, 5)
    assert (s.start, s.end) == (2, 5) and s == models.Span(start=2, end=5) and hash(s) == hash(models.Span(2, 5))
    with pytest.raises(ValueError):
        models.Span(5, 2)  # __post_init__ still runs
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 3  # type: ignore[misc]
    d = doc_module.Doc  # not frozen: untouched
    assert "fast_init" not in getattr(d.__init__, "__qualname__", "")
    c = models.Count("killed", 3)
    assert (c.qualifier, c.qualifier_text) == ("exact", None)
    assert dataclasses.replace(c, value=4).value == 4


def test_default_factories_are_called_per_instance():
    @fast_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Box:
        items: list = dataclasses.field(default_factory=list)

    a, b = Box(), Box()
    assert a.items == [] and a.items is not b.items


def test_refuses_classes_it_cannot_speed_up():
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    with pytest.raises(TypeError):
        fast_init(NoSlots)
