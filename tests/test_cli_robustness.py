"""The command line under bad input and bad use (issue 8, "Done when"): the whole bad-input
battery as ONE ingest, wrong paths and databases, backup and check, usage errors.

Everything runs as a subprocess (``python -m eventledger ...``), the way a user meets it:
what counts is the exit status and what reaches the terminal -- one clear line, never a
traceback. The battery is the one from ``tests/test_bad_input.py`` (its generators are
imported, so a new case there is covered here too), plus a few good reports.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eventledger.cli import cli, main

from test_bad_input import CASES, JSONL_SKIPS, _build_battery  # noqa: E402  (tests/ is on sys.path)

# invented good reports, in each supported format
GOOD = {
    "good/teachers.txt": "Teachers gathered outside the education office in Tabriz on 3 March 2023, "
                         "a teachers' council said.\n",
    "good/front-matter.md": "---\nid: good-fm\npublisher: Example Wire\npublished: 2023-05-07\n---\n"
                            "Retirees protested in front of the pension fund in Isfahan on Sunday.\n",
    "good/page.html": "<html><head><title>Strike</title></head><body><article><p>Bazaar merchants in "
                      "Shiraz closed their shops on Monday in protest at new taxes, local media "
                      "reported.</p><p>The strike continued on Tuesday.</p></article></body></html>",
    "good/rows.jsonl": '{"id": "good-j1", "text": "Nurses held a rally in Rasht on 12 June 2022."}\n'
                       '{"id": "good-j2", "text": "Truck drivers went on strike in Ahvaz on 22 May 2022."}\n',
}
GOOD_IDS = {"good/teachers", "good-fm", "good/page", "good-j1", "good-j2"}
# reports the battery itself must produce (see test_bad_input.CASES and JSONL_ROWS)
BATTERY_IDS = {Path(c.name).stem for c in CASES if c.skip is None} | {"j-ok-1", "j-ok-2", "j-ok-3", "sub/inner"}
# the battery's symlink cases (built by _build_battery) and what their skip says
LINK_SKIPS = {"sub/loop": "symlink loop", "self-link.txt": "symlink loop", "dangling.txt": "broken symbolic link",
              "zz-link-to-spaces.txt": "same file as"}


def _run(*args: str, cwd: Path | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("EVENTLEDGER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "eventledger", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=timeout)


def _no_traceback(res: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in res.stdout and "Traceback" not in res.stderr, res.stdout + res.stderr


def _one_error_line(res: subprocess.CompletedProcess, code: int, *words: str) -> str:
    _no_traceback(res)
    assert res.returncode == code, (res.returncode, res.stdout, res.stderr)
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, res.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def _documents(db: Path) -> dict[str, str]:
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("SELECT id, content_hash FROM documents"))
    finally:
        con.close()


@pytest.fixture(scope="module")
def battery(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "battery folder"  # a space in the path, too
    root.mkdir()
    _build_battery(root)
    for name, text in GOOD.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def ingested(battery) -> tuple[Path, subprocess.CompletedProcess]:
    db = battery.parent / "battery.db"
    res = _run("ingest", str(battery), "--db", str(db), "--no-progress")
    return db, res


def test_whole_battery_as_one_ingest(battery, ingested):
    db, res = ingested
    _no_traceback(res)
    assert res.returncode == 0, res.stdout + res.stderr
    lines = res.stdout.splitlines()
    skips = [line[len("skipped "):] for line in lines if line.startswith("skipped ")]

    def skip_lines(rel: str) -> list[str]:
        prefix = str(battery / rel) + ": "
        return [s[len(prefix):] for s in skips if s.startswith(prefix)]

    # every bad case is listed once, with its reason
    expected = 0
    for case in CASES:
        if case.skip is None:
            continue
        got = skip_lines(case.name)
        assert len(got) == 1 and case.skip in got[0], (case.name, got)
        expected += 1
    for rel, reason in LINK_SKIPS.items():
        got = skip_lines(rel)
        assert len(got) == 1 and reason in got[0], (rel, got)
        expected += 1
    got = skip_lines("rows.jsonl")
    assert len(got) == len(JSONL_SKIPS)
    for reason, want in zip(got, JSONL_SKIPS):
        assert reason.startswith(want), (reason, want)
    expected += len(JSONL_SKIPS)
    assert len(skips) == expected, "a skip the battery does not expect:\n" + "\n".join(skips)
    assert all(s.count("\n") == 0 for s in skips)

    # the first line counts them; nothing failed in the pipeline
    head = lines[0]
    assert f"skipped: {expected}," in head and "failed: 0" in head, head
    assert not any(line.startswith("failed ") for line in lines), res.stdout

    # the good reports (the battery's and ours) are in the database
    stored = _documents(db)
    assert set(stored) == BATTERY_IDS | GOOD_IDS, set(stored) ^ (BATTERY_IDS | GOOD_IDS)
    assert f"new: {len(stored)}," in head


def test_check_accepts_the_battery_database(ingested):
    db, _ = ingested
    res = _run("check", "--db", str(db))
    _no_traceback(res)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "no problems found" in res.stdout


def test_strict_exits_3_when_anything_was_skipped(battery, ingested):
    db, _ = ingested
    res = _run("ingest", str(battery), "--db", str(db), "--no-progress", "--strict")
    _no_traceback(res)
    assert res.returncode == 3, res.stdout + res.stderr
    assert f"unchanged: {len(BATTERY_IDS | GOOD_IDS)}," in res.stdout  # nothing new the second time
    # and without problems --strict is 0
    res = _run("ingest", str(battery / "good"), "--db", str(db), "--no-progress", "--strict")
    assert res.returncode == 0, res.stdout + res.stderr


def test_backup_is_a_checked_copy_with_the_same_documents(ingested, tmp_path):
    db, _ = ingested
    out = tmp_path / "copy of battery.db"
    res = _run("backup", "--db", str(db), str(out))
    _no_traceback(res)
    assert res.returncode == 0, res.stderr
    assert out.exists() and not out.with_name(out.name + ".tmp").exists()
    assert _documents(out) == _documents(db)
    check = _run("check", "--db", str(out))
    assert check.returncode == 0 and "no problems found" in check.stdout, check.stdout + check.stderr


def test_missing_input_path(tmp_path):
    _one_error_line(_run("ingest", str(tmp_path / "no such folder"), "--db", str(tmp_path / "x.db")), 1,
                    "no such file or directory", "no such folder")
    assert not (tmp_path / "x.db").exists(), "a failed command must not leave a database behind"


@pytest.mark.parametrize("command", ["ingest", "check", "backup"])
def test_a_folder_or_a_text_file_as_database(command, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Nurses protested in Rasht on Sunday.\n", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    text_file = tmp_path / "notes.txt"
    text_file.write_text("just some notes\n", encoding="utf-8")
    for bad in (folder, text_file):
        args = {"ingest": ["ingest", str(report), "--db", str(bad)], "check": ["check", "--db", str(bad)],
                "backup": ["backup", "--db", str(bad), str(tmp_path / "out.db")]}[command]
        line = _one_error_line(_run(*args), 1, str(bad.name))
        assert line.startswith("error: ")
    assert text_file.read_text(encoding="utf-8") == "just some notes\n", "the text file must be left alone"
    assert not (tmp_path / "out.db").exists()


def test_database_in_a_missing_folder_and_missing_database(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Nurses protested in Rasht on Sunday.\n", encoding="utf-8")
    _one_error_line(_run("ingest", str(report), "--db", str(tmp_path / "nope" / "x.db")), 1, "does not exist")
    _one_error_line(_run("check", "--db", str(tmp_path / "missing.db")), 1, "not found")
    assert not (tmp_path / "missing.db").exists(), "check must not create a database"


def test_unknown_option_is_a_usage_error(tmp_path):
    res = _run("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--no-such-option")
    _no_traceback(res)
    assert res.returncode == 2
    assert "No such option" in res.stderr and "Usage:" in res.stderr
    res = _run("no-such-command")
    _no_traceback(res)
    assert res.returncode == 2 and "Usage:" in res.stderr


def _command_paths(group=cli, prefix=()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            paths += _command_paths(command, prefix + (name,))
        else:
            paths.append(prefix + (name,))
    return paths


def test_help_of_every_command_by_subprocess():
    res = _run("--help")
    assert res.returncode == 0 and "Usage:" in res.stdout, res.stderr
    for name in cli.commands:  # every command is listed
        assert name in res.stdout
    res = _run("ingest", "--help")
    assert res.returncode == 0 and "--batch-size" in res.stdout and "--strict" in res.stdout


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "eventledger")
def test_help_of_every_command(path, capsys):
    # in-process through main() (the console entry point): same code path, no interpreter start-up
    try:
        main([*path, "--help"])
    except SystemExit as exc:
        assert exc.code in (0, None)
    out = capsys.readouterr()
    assert "Usage:" in out.out and "Traceback" not in out.err


def test_garbage_on_stdin(tmp_path):
    db = tmp_path / "stdin.db"
    data = (b'{"id": "s1", "text": "Nurses protested in Rasht on Sunday."}\n'
            b"\x00\x01\x02 binary \xff\xfe\n"
            b'{"id": "s2", "text": 7}\n'
            b'{"id": "s3", "text": "Teachers went on strike in Tabriz on Monday."}\n')
    env = dict(os.environ)
    env.pop("EVENTLEDGER_DEBUG", None)
    res = subprocess.run([sys.executable, "-m", "eventledger", "ingest", "-", "--db", str(db), "--no-progress"],
                         input=data, capture_output=True, env=env, timeout=120)
    out, err = res.stdout.decode("utf-8", "replace"), res.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out + err
    assert res.returncode == 0, out + err
    assert "skipped <stdin>: line 2:" in out and "skipped <stdin>: line 3 (id 's2')" in out, out
    assert set(_documents(db)) == {"s1", "s3"}


def test_bad_options_are_one_line_errors(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Nurses protested in Rasht on Sunday.\n", encoding="utf-8")
    db = str(tmp_path / "x.db")
    broken = tmp_path / "broken.toml"
    broken.write_text("batch_size = [unclosed\n", encoding="utf-8")
    _one_error_line(_run("ingest", str(report), "--db", db, "--config", str(broken)), 1, "not valid TOML")
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("no_such_option = 1\n", encoding="utf-8")
    _one_error_line(_run("ingest", str(report), "--db", db, "--config", str(unknown)), 1, "no_such_option")
    res = _run("ingest", str(report), "--db", db, "--batch-size", "0")
    _no_traceback(res)
    assert res.returncode == 2 and "--batch-size" in res.stderr, res.stderr
