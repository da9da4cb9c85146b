"""Bad-input battery (issue 8 item 1): every case is generated into tmp_path here.

Each case has a defined outcome -- a Report (with checks on its text) or a Skip whose
reason names the problem -- and all cases run together as ONE ``iter_inputs`` call, so the
battery also shows that one bad file never stops the others. Texts are invented for the
tests. Tests run as root in CI, so "permission denied" is simulated (and also tried for
real when not root).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from eventledger.config import Options
from eventledger.ingest import Skip, iter_inputs, read_file
from eventledger.ingest import readers as readers_module
from eventledger.models import Report

OPTS = Options()  # documented defaults: max_file_bytes 50 MB, max_line_chars 2,000,000

EN = "Nurses in Lakeford protested outside the clinic on Sunday, a staff group said.\n"
FA = "پرستاران در شهر لیک‌فورد روز یکشنبه مقابل درمانگاه تجمع کردند.\n"  # Persian, invented
AR = "تجمع الممرضون أمام العيادة يوم الأحد، حسب بيان للعاملين.\n"  # Arabic, invented


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("inside.txt", EN)
    return buf.getvalue()


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with open(path, "wb") as fh:
            fh.truncate(size)  # sparse: instant, no disk space used

    return make


def _jsonl(*rows: object) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                   for r in rows).encode("utf-8")


BILLION_LAUGHS = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "---\n" + EN
)

HOSTILE_HTML = (
    "<html><head><title>Clinic protest</title><style>p{display:none} .x:after{content:'STYLELEAK'}</style>"
    "<script>window.location='http://evil.example/?SCRIPTLEAK'</script></head><body>"
    "<p>Nurses in Lakeford protested outside the clinic on Sunday, a staff group said.</p>"
    "<p onclick=\"alert('HANDLERLEAK')\">They asked for safer staffing at night.</p>"
    "<script>document.write('SCRIPTLEAK2')</script><noscript>NOSCRIPTLEAK</noscript>"
    "<iframe src='javascript:alert(1)'></iframe></body></html>"
)


@dataclass(frozen=True)
class Case:
    name: str  # path relative to the battery folder
    make: bytes | str | Callable[[Path], None]
    skip: str | None = None  # expected substring of the Skip reason; None = a Report
    text: str | None = None  # expected exact Report.text
    contains: str | None = None  # expected substring of Report.text
    absent: tuple[str, ...] = ()  # substrings that must not be in Report.text


CASES: list[Case] = [
    Case("empty.txt", b"", skip="empty file"),
    Case("whitespace.txt", b"  \n\t \r\n  ", skip="empty file (only whitespace)"),
    Case("misnamed-pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", skip="binary file (PDF)"),
    Case("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40), skip="binary file (PNG image)"),
    Case("archive.txt", _zip_bytes(), skip="binary file (ZIP"),
    Case("nul-bytes.txt", EN.encode() + b"\x00\x00\x01\x02\x00" + EN.encode(), skip="binary file (contains NUL bytes)"),
    Case("control-chars.txt", bytes(range(1, 9)) * 50, skip="binary file (control characters)"),
    Case("random-high-bytes.txt", bytes(range(0x80, 0x100)) * 8,
         skip="not valid text in UTF-8, UTF-16, Windows-1256 or Windows-1252"),
    # invalid UTF-8 that is a coherent legacy text is decoded (defined set of encodings)
    Case("windows-1252.txt", "Nurses\x92 union said \x93enough\x94 \x96 in Lakeford.\n".encode("latin-1"),
         text="Nurses’ union said “enough” – in Lakeford.\n"),
    Case("windows-1256-arabic.txt", AR.encode("cp1256"), text=AR),
    Case("windows-1256-persian.txt", FA.replace("ی", "ي").replace("\u200c", " ").encode("cp1256"),
         text=FA.replace("ی", "ي").replace("\u200c", " ")),
    Case("utf8-bom.txt", b"\xef\xbb\xbf" + EN.encode(), text=EN),
    Case("utf16-bom.txt", FA.encode("utf-16"), text=FA),
    Case("utf16le-nobom.txt", (EN + FA).encode("utf-16-le"), text=EN + FA),
    Case("utf16be-nobom.txt", (FA + EN).encode("utf-16-be"), text=FA + EN),
    Case("utf16-bad-bom.txt", b"\xff\xfe" + b"\x00\xd8" + b"a\x00", skip="not valid UTF-16 text"),
    Case("mixed-rtl.txt", ("Crowd chanted \u202b" + FA.strip() + "\u202c in \u200fLakeford\u200e (" + AR.strip()
                           + ") — 😀 ok\n"), text=("Crowd chanted \u202b" + FA.strip() + "\u202c in \u200fLakeford\u200e ("
                                                  + AR.strip() + ") — 😀 ok\n")),
    Case("decomposed.txt", "Cafe\u0301 workers in Mu\u0308nster.\r\n", text="Caf\u00e9 workers in M\u00fcnster.\n"),
    Case("one-line-10mb.txt", b"word " * 2_000_000, skip="line 1 is longer than max_line_chars"),
    Case("dump-200mb.txt", _sparse(200_000_000), skip="larger than max_file_bytes (50 MB)"),
    Case("dump-200mb.html", _sparse(200_000_000), skip="larger than max_file_bytes (50 MB)"),
    # JSONL streams; its limit is per line (one report), and the long line is drained
    Case("dump-200mb.jsonl", _sparse(200_000_000), skip="line 1: larger than max_file_bytes (50 MB)"),
    Case("name with spaces.txt", EN, text=EN),
    Case("گزارش لیک‌فورد.md", FA, text=FA),
    Case("Ünïcødé-ñame.txt", EN + "2", text=EN + "2"),
    Case("nested.html", "<html><body>" + "<div><span>" * 20_000 + "<p>" + EN + "</p>",
         skip="no main text found in HTML"),
    Case("unclosed.html", "<html><body><p>Nurses in Lakeford protested outside the clinic<p>They asked "
                          "for safer staffing <div><span><b>at night", contains="safer staffing"),
    Case("hostile.html", HOSTILE_HTML, contains="safer staffing at night",
         absent=("SCRIPTLEAK", "STYLELEAK", "HANDLERLEAK", "evil.example", "display:none")),
    Case("not-html-at-all.html", b"\x00\x01\x02\x03" * 100, skip="binary file"),
    Case("yaml-bomb.md", BILLION_LAUGHS, skip="front matter uses YAML"),
    Case("yaml-deep.md", "---\nx: " + "[" * 20_000 + "]" * 20_000 + "\n---\n" + EN,
         skip="front matter is nested too deeply"),
    Case("yaml-python-tag.md", "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n" + EN,
         skip="front matter is not valid YAML"),
    Case("notes.docx", b"PK\x03\x04rest", skip="unsupported file type .docx"),
]

JSONL_ROWS = _jsonl(
    {"id": "j-ok-1", "text": EN},
    '{"id": "j-broken", "text": "cut off',
    {"id": "j-missing-text"},
    {"id": "j-wrong-type", "text": 42},
    {"id": "j-ok-1", "text": EN},  # same id, same text
    {"id": "j-ok-1", "text": FA},  # same id, different text
    '{"id": "j-surrogate", "text": "bad \\ud800 text"}',  # a JSON escape of a lone surrogate
    {"id": "j-nul", "text": "a\u0000b"},
    {"id": "j-ok-2", "text": FA, "published": "2024-01-31"},
)[:-1] + b"\n\xff\xfe not utf8\n" + _jsonl({"id": "j-ok-3", "text": AR})

JSONL_SKIPS = [
    "line 2: not valid JSON",
    "line 3 (id 'j-missing-text'): missing 'text'",
    "line 4 (id 'j-wrong-type'): 'text' must be a string, not number",
    "line 5: duplicate of id 'j-ok-1' (same text",
    "line 6: duplicate id 'j-ok-1' with different text",
    "line 7 (id 'j-surrogate'): text contains invalid Unicode (lone surrogates)",
    "line 8 (id 'j-nul'): text contains NUL characters",
    "line 10: not valid UTF-8",
]


def _write(root: Path, case: Case) -> Path:
    path = root / case.name
    path.parent.mkdir(parents=True, exist_ok=True)
    if callable(case.make):
        case.make(path)
    elif isinstance(case.make, bytes):
        path.write_bytes(case.make)
    else:
        path.write_bytes(case.make.encode("utf-8"))
    return path


def _check(case: Case, item: Report | Skip) -> None:
    if case.skip is not None:
        assert isinstance(item, Skip), f"{case.name}: expected skip, got {item!r:.200}"
        assert case.skip in item.reason, f"{case.name}: {item.reason!r}"
        assert "\n" not in item.reason
        return
    assert isinstance(item, Report), f"{case.name}: expected a report, got {item!r:.300}"
    if case.text is not None:
        assert item.text == case.text, case.name
    if case.contains is not None:
        assert case.contains in item.text, case.name
    for bad in case.absent:
        assert bad not in item.text, f"{case.name}: {bad} leaked"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_case_alone(tmp_path, case):
    path = _write(tmp_path, case)
    items = list(read_file(path, OPTS))
    assert len(items) == 1
    _check(case, items[0])


def _build_battery(root: Path) -> None:
    for case in CASES:
        _write(root, case)
    (root / "rows.jsonl").write_bytes(JSONL_ROWS)
    (root / "empty-folder").mkdir()
    (root / "sub").mkdir()
    (root / "sub" / "inner.txt").write_text(EN + "inner", encoding="utf-8")
    os.symlink("..", root / "sub" / "loop")  # sub/loop -> root: a cycle
    os.symlink("self-link.txt", root / "self-link.txt")  # ELOOP
    os.symlink("does-not-exist.txt", root / "dangling.txt")
    os.symlink("name with spaces.txt", root / "zz-link-to-spaces.txt")  # same file twice


def test_whole_battery_in_one_run(tmp_path):
    root = tmp_path / "battery"
    root.mkdir()
    _build_battery(root)
    items = list(iter_inputs([str(root)], OPTS))  # must not raise

    by_source: dict[str, list[Report | Skip]] = {}
    for item in items:
        by_source.setdefault(os.path.relpath(str(item.source), root), []).append(item)

    for case in CASES:
        got = by_source.pop(case.name)
        assert len(got) == 1, (case.name, got)
        _check(case, got[0])

    rows = by_source.pop("rows.jsonl")
    assert [r.id for r in rows if isinstance(r, Report)] == ["j-ok-1", "j-ok-2", "j-ok-3"]
    skip_reasons = [s.reason for s in rows if isinstance(s, Skip)]
    assert len(skip_reasons) == len(JSONL_SKIPS)
    for reason, expected in zip(skip_reasons, JSONL_SKIPS):
        assert reason.startswith(expected), (reason, expected)

    (inner,) = by_source.pop("sub/inner.txt")
    assert isinstance(inner, Report) and inner.id == "sub/inner"
    (loop,) = by_source.pop("sub/loop")
    assert isinstance(loop, Skip) and "symlink loop" in loop.reason
    (self_link,) = by_source.pop("self-link.txt")
    assert isinstance(self_link, Skip) and self_link.reason == "symlink loop"
    (dangling,) = by_source.pop("dangling.txt")
    assert isinstance(dangling, Skip) and dangling.reason == "broken symbolic link"
    (twice,) = by_source.pop("zz-link-to-spaces.txt")
    assert isinstance(twice, Skip) and "same file as" in twice.reason
    assert by_source == {}, f"unexpected outcomes: {by_source}"  # empty-folder adds nothing

    # ids: file stems at the top, relative paths below, non-ASCII kept
    ids = {i.id for i in items if isinstance(i, Report)}
    assert {"name with spaces", "گزارش لیک‌فورد", "Ünïcødé-ñame", "sub/inner"} <= ids
    # deterministic order: a second run gives the same sequence
    assert [(i.source, getattr(i, "id", None), getattr(i, "reason", None)) for i in items] == [
        (i.source, getattr(i, "id", None), getattr(i, "reason", None)) for i in iter_inputs([str(root)], OPTS)]


def test_folder_without_supported_files(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / ".DS_Store").write_bytes(b"\x00")
    for folder in ("empty", "junk"):
        (skip,) = iter_inputs([str(tmp_path / folder)], OPTS)
        assert isinstance(skip, Skip) and skip.reason.startswith("folder has no supported files")


def test_symlink_loop_given_as_argument(tmp_path):
    os.symlink("a", tmp_path / "b")
    os.symlink("b", tmp_path / "a")
    (skip,) = iter_inputs([str(tmp_path / "a")], OPTS)
    assert isinstance(skip, Skip) and skip.reason == "symlink loop"


def test_permission_denied_is_a_skip_and_the_run_goes_on(tmp_path, monkeypatch):
    # Tests run as root, where chmod 000 does not stop reads: simulate the OS refusal.
    (tmp_path / "a-locked.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b-locked.jsonl").write_bytes(_jsonl({"id": "x", "text": EN}))
    (tmp_path / "c-open.txt").write_text(FA, encoding="utf-8")
    real_open = readers_module._open_binary

    def refusing_open(path):
        if "locked" in os.path.basename(path):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path)

    monkeypatch.setattr(readers_module, "_open_binary", refusing_open)
    a, b, c = iter_inputs([str(tmp_path)], OPTS)
    assert isinstance(a, Skip) and a.reason == "permission denied"
    assert isinstance(b, Skip) and b.reason == "permission denied"
    assert isinstance(c, Report) and c.text == FA


def test_unlistable_folder_is_a_skip(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "open.txt").write_text(EN, encoding="utf-8")
    real_scandir = os.scandir

    def refusing_scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(readers_module.os, "scandir", refusing_scandir)
    locked, good = iter_inputs([str(tmp_path)], OPTS)
    assert isinstance(locked, Skip) and "permission denied" in locked.reason
    assert isinstance(good, Report) and good.id == "open"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not deny reads (simulated in the test above)")
def test_real_unreadable_file(tmp_path):
    p = tmp_path / "locked.txt"
    p.write_text(EN, encoding="utf-8")
    p.chmod(0)
    try:
        (skip,) = iter_inputs([str(p)], OPTS)
        assert isinstance(skip, Skip) and skip.reason == "permission denied"
    finally:
        p.chmod(0o600)


def test_limits_are_options(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("abcdef\n" * 10, encoding="utf-8")
    (skip,) = iter_inputs([str(p)], Options(max_file_bytes=20))
    assert skip.reason == "larger than max_file_bytes (20 bytes)"
    (skip,) = iter_inputs([str(p)], Options(max_line_chars=5))
    assert skip.reason == "line 1 is longer than max_line_chars (5 characters)"
    (report,) = iter_inputs([str(p)], Options(max_file_bytes=70, max_line_chars=6))
    assert isinstance(report, Report)


def test_jsonl_line_over_size_limit_is_drained_not_kept(tmp_path):
    big = json.dumps({"id": "big", "text": "x" * 5000})
    p = tmp_path / "rows.jsonl"
    p.write_bytes(_jsonl({"id": "a", "text": EN}, big, {"id": "b", "text": FA}))
    items = list(iter_inputs([str(p)], Options(max_file_bytes=1000)))
    assert [getattr(i, "id", None) for i in items] == ["a", None, "b"]
    assert items[1].reason == "line 2: larger than max_file_bytes (1 kB)"


def test_stdin_with_broken_lines_and_binary_garbage():
    data = _jsonl({"id": "s1", "text": EN}) + b"\x00\x01\x02\n" + b"%PDF-1.4\n" + _jsonl({"id": "s2", "text": FA})
    items = list(iter_inputs(["-"], OPTS, stdin=io.BytesIO(data)))
    assert [getattr(i, "id", None) for i in items] == ["s1", None, None, "s2"]
    assert [i.reason for i in items if isinstance(i, Skip)] == ["line 2: not valid JSON", "line 3: not valid JSON"]
    assert items[1].source == "<stdin>"
