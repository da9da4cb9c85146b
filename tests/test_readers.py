"""Readers for each input format, with small invented texts (not from the dev corpus)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest

from eventledger.config import Options
from eventledger.errors import BadReportError, MissingPathError
from eventledger.ingest import Skip, iter_inputs, make_report, read_file
from eventledger.models import Report

OPTS = Options()

# Invented example sentences, written for these tests.
BODY = "Bakers in Eastport stopped work on Monday over unpaid wages, a union said.\nPolice watched.\n"
BODY2 = "Students in Riverton held a sit-in at the library on 3 May, organisers said.\n"


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


# -- make_report ---------------------------------------------------------------------------

def test_make_report_normalises_newlines_and_nfc_and_hashes_stored_text():
    raw = "Cafe\u0301 line one\r\nline two\rline three\n"
    r = make_report("x", raw, title="  A title ")
    assert r.text == "Caf\u00e9 line one\nline two\nline three\n"
    assert r.content_hash == hashlib.sha256(r.text.encode("utf-8")).hexdigest()
    assert r.title == "A title"


def test_make_report_keeps_everything_else():
    raw = "  \u200fRTL mark, tabs\tand  double  spaces \u202bembedded\u202c\n\n"
    assert make_report("x", raw).text == raw


def test_make_report_parses_published_strings_and_rejects_bad_ones():
    assert make_report("x", "t", published="2022-01-05").published == dt.date(2022, 1, 5)
    assert make_report("x", "t", published="2022-01-05T10:00:00Z").published == dt.date(2022, 1, 5)
    with pytest.raises(BadReportError, match="published"):
        make_report("x", "t", published="last Tuesday")


@pytest.mark.parametrize("text,reason", [
    ("   \n", "empty text"),
    ("a\x00b", "NUL"),
    ("bad \ud800 surrogate", "surrogate"),
])
def test_make_report_refuses_unstorable_text(text, reason):
    with pytest.raises(BadReportError, match=reason):
        make_report("x", text)


@pytest.mark.parametrize("doc_id,reason", [("  ", "empty id"), ("a\nb", "control characters"),
                                           ("x" * 501, "longer than 500")])
def test_make_report_refuses_bad_ids(doc_id, reason):
    with pytest.raises(BadReportError, match=reason):
        make_report(doc_id, "some text")


# -- .txt / .md ----------------------------------------------------------------------------

def test_plain_txt_id_is_stem_and_text_is_file_content(tmp_path):
    p = write(tmp_path / "eastport-bakers.txt", BODY)
    r = only(read_file(p, OPTS))
    assert isinstance(r, Report)
    assert r.id == "eastport-bakers"
    assert r.text == BODY
    assert r.source == str(p)
    # offsets into the stored text match the file for NFC LF files
    assert r.text.index("Monday") == BODY.index("Monday")


def test_front_matter_metadata_and_body_offsets(tmp_path):
    fm = ("---\nid: eb-1\nurl: https://example.org/eb\npublisher: Example Wire\n"
          "published: 2023-04-02\ntitle: Bakers strike\nlanguage: en\nsomething_else: [1, 2]\n---\n")
    r = only(read_file(write(tmp_path / "a.md", fm + BODY), OPTS))
    assert isinstance(r, Report)
    assert (r.id, r.url, r.publisher, r.published, r.title, r.language) == (
        "eb-1", "https://example.org/eb", "Example Wire", dt.date(2023, 4, 2), "Bakers strike", "en")
    assert r.text == BODY  # offsets are relative to the body


def test_front_matter_published_as_quoted_string_and_dots_closing(tmp_path):
    r = only(read_file(write(tmp_path / "a.txt", '---\npublished: "2021-12-31"\n...\n' + BODY), OPTS))
    assert r.published == dt.date(2021, 12, 31)
    assert r.id == "a"
    assert r.text == BODY


def test_unclosed_dashes_are_not_front_matter(tmp_path):
    text = "---\n" + BODY
    r = only(read_file(write(tmp_path / "hr.md", text), OPTS))
    assert isinstance(r, Report) and r.text == text


@pytest.mark.parametrize("front,reason", [
    ("- just\n- a list\n", "not a mapping"),
    ("title: [unclosed\n", "not valid YAML"),
    ("title: {a: 1}\n", "'title' must be text"),
    ("published: 2021-02-30\n", "not valid YAML"),
    ("published: sometime\n", "published"),
])
def test_bad_front_matter_is_skipped_with_reason(tmp_path, front, reason):
    s = only(read_file(write(tmp_path / "f.txt", "---\n" + front + "---\n" + BODY), OPTS))
    assert isinstance(s, Skip)
    assert reason in s.reason


def test_front_matter_without_body_is_skipped(tmp_path):
    s = only(read_file(write(tmp_path / "f.txt", "---\ntitle: t\n---\n\n  \n"), OPTS))
    assert isinstance(s, Skip) and "no text after the front matter" in s.reason


def test_crlf_file_with_front_matter(tmp_path):
    raw = ("---\r\ntitle: Crlf\r\n---\r\n" + BODY.replace("\n", "\r\n")).encode()
    r = only(read_file(write(tmp_path / "w.txt", raw), OPTS))
    assert r.title == "Crlf" and r.text == BODY


# -- .html -----------------------------------------------------------------------------------

HTML = """<!doctype html><html lang="en"><head><title>Riverton sit-in</title>
<meta property="og:site_name" content="Riverton Courier">
<meta property="article:published_time" content="2022-05-04">
<link rel="canonical" href="https://courier.example/riverton-sit-in">
<style>body { color: red } .secret-style {}</style>
<script>var trackingToken = "SCRIPTLEAK";</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Riverton sit-in</h1>
<p>Students in Riverton held a sit-in at the city library on Tuesday, organisers said.</p>
<p>About forty people took part, according to a statement from the student council.</p>
<script>document.write("SCRIPTLEAK2")</script></article></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    r = only(read_file(write(tmp_path / "riverton.html", HTML), OPTS))
    assert isinstance(r, Report), r
    assert r.id == "riverton"
    assert "sit-in at the city library" in r.text
    assert "SCRIPTLEAK" not in r.text and "color: red" not in r.text
    assert r.publisher == "Riverton Courier"
    assert r.published == dt.date(2022, 5, 4)
    assert r.url == "https://courier.example/riverton-sit-in"
    assert r.title == "Riverton sit-in"


def test_htm_suffix_and_short_page(tmp_path):
    page = "<html><body><p>Dockers in Portmere walked out on Friday, a spokesperson said.</p></body></html>"
    r = only(read_file(write(tmp_path / "short.HTM", page), OPTS))
    assert isinstance(r, Report) and "Dockers in Portmere" in r.text


def test_html_keeps_the_lists_after_a_table(tmp_path):
    # a short page with a table, then a town's heading and its bullet lines: all of it is the
    # report (trafilatura's precision mode dropped the heading and the list)
    page = """<html><head><title>Weekly activities</title></head><body>
<h1>Activities of the week, May 14-20, 2025</h1>
<p>Portmere, May 21, 2025 - The groups sent the following reports of their activities between Wednesday, May 14, and Tuesday, May 20.</p>
<table>
<tr><th>Town</th><th>Activity</th><th>Date</th></tr>
<tr><td>Riverton</td><td>posters put up</td><td>14 May</td></tr>
<tr><td>Lakeside</td><td>a banner set on fire</td><td>15 May</td></tr>
<tr><td>Stonebridge</td><td>leaflets handed out near the market</td><td>16 May</td></tr>
</table>
<h2>Hillford</h2>
<ul><li>Youths set fire to the entrance of a depot on Friday, May 16.</li><li>Graffiti appeared on walls.</li></ul>
<footer><a href="/privacy">Privacy policy</a></footer>
</body></html>"""
    r = only(read_file(write(tmp_path / "week.html", page), OPTS))
    assert isinstance(r, Report), r
    for part in ("Riverton", "leaflets handed out", "Hillford", "entrance of a depot", "Graffiti appeared"):
        assert part in r.text
    assert "Privacy policy" not in r.text


# -- .jsonl ----------------------------------------------------------------------------------

def jsonl(*rows) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)


def test_jsonl_rows_with_metadata(tmp_path):
    p = write(tmp_path / "batch.jsonl", jsonl(
        {"id": "a", "text": BODY, "publisher": "Wire", "published": "2020-02-03", "extra": 1},
        {"id": "b", "text": BODY2, "url": None, "title": "Sit-in", "language": "en"},
    ))
    a, b = read_file(p, OPTS)
    assert (a.id, a.text, a.publisher, a.published) == ("a", BODY, "Wire", dt.date(2020, 2, 3))
    assert (b.id, b.title, b.language, b.url) == ("b", "Sit-in", "en", None)
    assert a.source == str(p)


def test_jsonl_bad_lines_are_skipped_and_reading_goes_on(tmp_path):
    p = write(tmp_path / "mixed.jsonl", jsonl(
        {"id": "ok1", "text": BODY},
        '{"id": "broken", "text": ',
        {"id": "nt"},
        {"text": BODY2},
        {"id": 7, "text": BODY2},
        {"id": "tl", "text": ["a", "b"]},
        {"id": "pub", "text": BODY2, "publisher": 5},
        {"id": "date", "text": BODY2, "published": "yesterday"},
        '["not", "an", "object"]',
        "",
        {"id": "ok2", "text": BODY2},
    ))
    items = list(read_file(p, OPTS))
    reports = [i for i in items if isinstance(i, Report)]
    skips = [i.reason for i in items if isinstance(i, Skip)]
    assert [r.id for r in reports] == ["ok1", "ok2"]
    assert skips == [
        "line 2: not valid JSON",
        "line 3 (id 'nt'): missing 'text'",
        "line 4: missing 'id'",
        "line 5: 'id' must be a string, not number",
        "line 6 (id 'tl'): 'text' must be a string, not array",
        "line 7 (id 'pub'): 'publisher' must be a string or null, not number",
        "line 8 (id 'date'): 'published' is not an ISO date: 'yesterday'",
        "line 9: not a JSON object (array)",
    ]


def test_jsonl_duplicate_ids_in_a_run(tmp_path):
    p = write(tmp_path / "dups.jsonl", jsonl(
        {"id": "d", "text": BODY}, {"id": "d", "text": BODY}, {"id": "d", "text": BODY2}))
    items = list(iter_inputs([str(p)], OPTS))
    assert isinstance(items[0], Report)
    assert isinstance(items[1], Skip) and items[1].reason.startswith("line 2: duplicate of id 'd' (same text")
    assert isinstance(items[2], Skip) and items[2].reason.startswith("line 3: duplicate id 'd' with different text")
    assert "line 1" in items[2].reason  # says where the first one came from


def test_jsonl_on_stdin_text_and_binary_streams():
    data = jsonl({"id": "s1", "text": BODY}, {"id": "s2", "text": BODY2})
    for stream in (io.StringIO(data), io.BytesIO(data.encode()),
                   io.TextIOWrapper(io.BufferedReader(io.BytesIO(data.encode())), encoding="utf-8")):
        items = list(iter_inputs(["-"], OPTS, stdin=stream))
        assert [(i.id, i.source) for i in items] == [("s1", "<stdin>"), ("s2", "<stdin>")]


def test_jsonl_crlf_and_bom(tmp_path):
    data = "\ufeff" + jsonl({"id": "w", "text": "one\r\ntwo"}).replace("\n", "\r\n")
    r = only(read_file(write(tmp_path / "w.jsonl", data), OPTS))
    assert r.id == "w" and r.text == "one\ntwo"


def test_jsonl_utf16_with_bom(tmp_path):
    data = jsonl({"id": "u", "text": "گزارش کوتاه"}).encode("utf-16")
    r = only(read_file(write(tmp_path / "u.jsonl", data), OPTS))
    assert r.id == "u" and r.text == "گزارش کوتاه"


# -- folders, ids, order ---------------------------------------------------------------------

def test_folder_walk_is_sorted_recursive_with_relative_ids(tmp_path):
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "a.md", BODY2)
    write(tmp_path / "sub" / "a.txt", BODY + "x")
    write(tmp_path / "sub" / "deeper" / "c.txt", BODY + "y")
    write(tmp_path / "c.jsonl", jsonl({"id": "from-jsonl", "text": BODY + "z"}))
    items = list(iter_inputs([str(tmp_path)], OPTS))
    assert all(isinstance(i, Report) for i in items), items
    assert [i.id for i in items] == ["a", "b", "from-jsonl", "sub/a", "sub/deeper/c"]


def test_same_id_from_two_files_is_a_reported_duplicate(tmp_path):
    write(tmp_path / "r.md", BODY)
    write(tmp_path / "r.txt", BODY2)
    first, second = iter_inputs([str(tmp_path)], OPTS)
    assert isinstance(first, Report) and first.id == "r"
    assert isinstance(second, Skip) and "duplicate id 'r' with different text" in second.reason
    assert str(tmp_path / "r.md") in second.reason


def test_unsupported_hidden_and_junk_files(tmp_path):
    write(tmp_path / "keep.txt", BODY)
    write(tmp_path / "scan.pdf", b"%PDF-1.4\n")
    write(tmp_path / "README", "no extension")
    write(tmp_path / ".DS_Store", b"\x00\x01")
    write(tmp_path / ".notes.txt", BODY2)
    write(tmp_path / "draft.txt~", BODY2)
    write(tmp_path / ".git" / "x.txt", BODY2)
    write(tmp_path / ".private" / "y.txt", BODY2)
    items = list(iter_inputs([str(tmp_path)], OPTS))
    got = {Path(i.source).name: (i.reason if isinstance(i, Skip) else i.id) for i in items}
    assert got == {
        ".notes.txt": "hidden file, not read (name starts with '.')",
        ".private": "hidden folder, not searched (name starts with '.')",
        "README": got["README"],
        "keep.txt": "keep",
        "scan.pdf": got["scan.pdf"],
    }
    assert got["README"].startswith("unsupported file type (no extension)")
    assert got["scan.pdf"].startswith("unsupported file type .pdf")


def test_explicit_file_arguments_keep_given_order(tmp_path):
    b = write(tmp_path / "b.txt", BODY)
    a = write(tmp_path / "a.txt", BODY2)
    assert [i.id for i in iter_inputs([str(b), str(a)], OPTS)] == ["b", "a"]


def test_missing_path_raises_before_anything_is_read(tmp_path):
    good = write(tmp_path / "good.txt", BODY)
    with pytest.raises(MissingPathError, match="no-such-thing"):
        iter_inputs([str(good), str(tmp_path / "no-such-thing")], OPTS)


def test_iter_inputs_is_lazy(tmp_path):
    for n in range(3):
        write(tmp_path / f"r{n}.txt", f"{BODY}{n}")
    it = iter_inputs([str(tmp_path)], OPTS)
    first = next(it)
    assert first.id == "r0"
    (tmp_path / "r2.txt").unlink()  # removed after the run started: reported, not a crash
    rest = list(it)
    assert rest[0].id == "r1"
    assert isinstance(rest[1], Skip) and rest[1].reason == "file disappeared during the run"


def test_dev_corpus_reads_as_reports_with_file_offsets(dev_corpus):
    """Every dev document is ingested and its stored text is the file's text (NFC, LF),
    so gold offsets written against the files stay valid. Skips without ../shared."""
    import unicodedata

    docs = sorted((dev_corpus / "docs").glob("*.txt"))
    items = list(iter_inputs([str(dev_corpus / "docs")], OPTS))
    assert [i.id for i in items] == [p.stem for p in docs]
    for item, path in zip(items, docs):
        raw = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        assert item.text == unicodedata.normalize("NFC", raw)
