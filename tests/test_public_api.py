import eventledger
from eventledger import errors, models


def test_top_level_all_is_pinned():
    assert sorted(eventledger.__all__) == sorted([
        "__version__", "Options", "load_options", "Doc", "EventLedgerError", "Claim", "Count",
        "DateRange", "Event", "Evidence", "Location", "Place", "Report", "Span", "Pipeline",
        "default_pipeline",
    ])
    for name in eventledger.__all__:
        assert hasattr(eventledger, name)


def test_exception_hierarchy_matches_docstring():
    for name in errors.__all__:
        assert name in errors.__doc__
        assert issubclass(getattr(errors, name), errors.EventLedgerError)
    assert issubclass(errors.MissingPathError, errors.InputError)
    assert issubclass(errors.MigrationError, errors.StoreError)


def test_model_values_are_frozen():
    import dataclasses

    import pytest

    span = models.Span(1, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]
    with pytest.raises(ValueError):
        models.Span(3, 1)
    with pytest.raises(ValueError):
        models.Event("e", "d", "protest", "arrest", models.Location("x", None, None, None, None, None, 4),
                     models.DateRange.unresolved())
