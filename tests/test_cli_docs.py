from pathlib import Path

from eventledger.cli_docs import render

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_is_current():
    expected = render()
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/cli.md is out of date: run `python -m eventledger.cli_docs > docs/cli.md`")


def test_every_command_is_documented_with_its_options():
    text = DOC.read_text(encoding="utf-8")
    for heading in ("## eventledger ingest", "## eventledger export", "## eventledger eval",
                    "## eventledger serve", "## eventledger user add", "## eventledger bench",
                    "## eventledger places", "## eventledger claims", "## eventledger backup",
                    "## eventledger check", "## eventledger summary"):
        assert heading in text
    assert "--format [jsonl|csv|geojson|parquet]" in text
