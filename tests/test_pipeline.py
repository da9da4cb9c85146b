import pytest

from eventledger.config import Options
from eventledger.errors import PipelineError
from eventledger.models import Report
from eventledger.pipeline import STAGE_NAMES, Pipeline


class S:
    def __init__(self, name, requires=(), assigns=(), fail=False):
        self.name, self.requires, self.assigns, self.fail = name, requires, assigns, fail

    def __call__(self, doc, options):
        if self.fail:
            raise RuntimeError("boom")
        doc.notes.append(self.name)


def test_order_is_checked_before_running():
    with pytest.raises(PipelineError, match="'b' requires x"):
        Pipeline([S("b", requires=("x",)), S("a", assigns=("x",))])


def test_duplicate_stage_names_rejected():
    with pytest.raises(PipelineError, match="twice"):
        Pipeline([S("a"), S("a")])


def test_runs_in_order_and_times_stages():
    p = Pipeline([S("a", assigns=("x",)), S("b", requires=("x",))], Options())
    doc = p.run(Report("d", "text", "h"))
    assert doc.notes == ["a", "b"] and doc.done == ["a", "b"]
    assert set(p.timings) == {"a", "b"}


def test_stage_failure_names_stage_and_document():
    p = Pipeline([S("a", fail=True)])
    with pytest.raises(PipelineError, match="'a' failed on 'd'"):
        p.run(Report("d", "text", "h"))


def test_default_pipeline_order_and_upto():
    from eventledger.pipeline import default_pipeline

    assert default_pipeline().names == list(STAGE_NAMES)
    assert default_pipeline(upto="segment").names == ["clean", "segment"]
    with pytest.raises(PipelineError, match="no stage named"):
        default_pipeline(upto="nope")
