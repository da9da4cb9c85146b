"""Paths and stdin -> a stream of ``Report`` or ``Skip``, in a deterministic order.

Decisions (documented here because the summary and the tests rely on them):

* Paths are validated before anything is read: a path that does not exist raises
  ``MissingPathError`` at the call of ``iter_inputs`` (one clear line for the CLI).
* Folders are walked recursively, entries sorted by name (code-point order), folders read
  at their place in that order. Symbolic links are followed; a link back to a folder on the
  current chain is a "symlink loop" skip, a second way into an already-read folder or file
  is skipped too, so nothing is read twice and nothing recurses forever.
* Document id = the ``id`` given in front matter / JSONL; else the file name without its
  extension for a file argument, and the path relative to the folder argument without the
  extension (``sub/report``, POSIX separators) for files found inside a folder -- two
  ``report.txt`` in different subfolders must not collide.
* Ids are unique within a run: a later report with an id already seen is skipped, as
  "duplicate" when its text is the same and with a clear reason when the text differs.
* Silently ignored (never reports): OS junk (``.DS_Store``, ``Thumbs.db``, ``desktop.ini``,
  AppleDouble ``._*``, editor backups ``*~``, Office locks ``~$*``), tool folders (``.git``,
  ``__pycache__``, ...), and hidden files of an unsupported type. A hidden file of a
  supported type, a hidden folder and a file of another type are skipped *with* a reason,
  so a supported file is never lost silently.
* Limits: ``max_file_bytes`` per report file (checked with stat before reading) and per
  JSONL line; ``max_line_chars`` per line of a report's text.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from ..config import Options
from ..errors import BadReportError, MissingPathError
from ..models import Report
from .decode import decode_bytes
from .frontmatter import split_front_matter
from .jsonl import iter_jsonl
from .report import Skip, check_line_length, human_size, make_report, normalize_text

__all__ = ["iter_inputs", "read_file", "check_paths", "Skip", "SUPPORTED_SUFFIXES", "STDIN_SOURCE"]

#: suffix (lower case) -> reader kind
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
STDIN_SOURCE = "<stdin>"

_JUNK_NAMES = frozenset({".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", ".directory"})
_TOOL_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "__pycache__", ".ipynb_checkpoints",
                        ".idea", ".vscode", ".pytest_cache", ".mypy_cache", "node_modules"})

Located = tuple["Report | Skip", "int | None"]  # an outcome and its JSONL line, if any


def _supported_list() -> str:
    return ", ".join(sorted(SUPPORTED_SUFFIXES))


# -- reading one file ------------------------------------------------------------------

def _open_binary(path: str) -> BinaryIO:
    """Indirection so tests can simulate unreadable files while running as root."""
    return open(path, "rb")  # noqa: SIM115 - closed by the callers


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, FileNotFoundError):
        return "file disappeared during the run"
    return f"could not be read ({exc.strerror or type(exc).__name__})"


def _read_limited(path: str, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes, so a file that grew after stat (or a /proc-like file
    that reports size 0) is still caught without reading it all. Reads ``size + 1`` first:
    ``read(limit + 1)`` would allocate a buffer of the limit for every small file."""
    chunks: list[bytes] = []
    total = 0
    want = size + 1
    with _open_binary(path) as fh:
        while total <= limit:
            chunk = fh.read(min(want, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = 1 << 20
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _text_report(path: str, doc_id: str, kind: str, options: Options) -> Report:
    size = os.stat(path).st_size
    too_big = f"larger than max_file_bytes ({human_size(options.max_file_bytes)})"
    if size > options.max_file_bytes:
        raise BadReportError(too_big)
    data = _read_limited(path, size, options.max_file_bytes)
    if len(data) > options.max_file_bytes:
        raise BadReportError(too_big)
    text = decode_bytes(data)
    if not text.strip():
        raise BadReportError("empty file (only whitespace)")
    meta: dict[str, Any] = {}
    if kind == "html":
        from .html import extract_html  # lazy: imports trafilatura

        content = extract_html(text)
        text = content.text
        meta = {"title": content.title, "published": content.published,
                "publisher": content.publisher, "url": content.url, "language": content.language}
    else:
        meta, text = split_front_matter(normalize_text(text))
        if not text.strip():
            raise BadReportError("no text after the front matter")
    given_id = meta.pop("id", None)
    report = make_report(given_id or doc_id, text, source=path, **meta)
    check_line_length(report.text, options.max_line_chars)
    return report


def _read_located(path: str, doc_id: str, options: Options) -> Iterator[Located]:
    suffix = os.path.splitext(path)[1].lower()
    kind = SUPPORTED_SUFFIXES.get(suffix)
    if kind is None:
        what = f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
        yield Skip(path, f"{what}; supported: {_supported_list()}"), None
        return
    if kind == "jsonl":
        try:
            fh = _open_binary(path)
        except OSError as exc:
            yield Skip(path, _os_reason(exc)), None
            return
        with fh:
            try:
                yield from iter_jsonl(fh, path, options)
            except OSError as exc:  # e.g. an I/O error half way through
                yield Skip(path, f"reading stopped: {_os_reason(exc)}"), None
        return
    try:
        yield _text_report(path, doc_id, kind, options), None
    except BadReportError as exc:
        yield Skip(path, exc.reason), None
    except OSError as exc:
        yield Skip(path, _os_reason(exc)), None


def read_file(path: str | os.PathLike[str], options: Options) -> Iterator[Report | Skip]:
    """Reports (or Skips) from one file; the id defaults to the file name without extension."""
    p = os.fspath(path)
    stem = os.path.splitext(os.path.basename(p))[0]
    for item, _line in _read_located(p, stem, options):
        yield item


# -- walking folders -------------------------------------------------------------------

class _Walk:
    """State of one run's walk: inodes already read, so links never cause repeats or loops."""

    def __init__(self, options: Options):
        self.options = options
        self.dirs_seen: dict[tuple[int, int], str] = {}
        self.files_seen: dict[tuple[int, int], str] = {}

    def file(self, path: str, doc_id: str, st: os.stat_result) -> Iterator[Located]:
        key = (st.st_dev, st.st_ino)
        first = self.files_seen.get(key)
        if first is not None:
            yield Skip(path, f"same file as {first}, already read"), None
            return
        self.files_seen[key] = path
        yield from _read_located(path, doc_id, self.options)

    def folder(self, root: str) -> Iterator[Located]:
        count = 0
        for located in self._walk(root, root, ()):
            count += 1
            yield located
        if count == 0:
            yield Skip(root, f"folder has no supported files ({_supported_list()})"), None

    def _walk(self, folder: str, root: str, chain: tuple[tuple[int, int], ...]) -> Iterator[Located]:
        try:
            st = os.stat(folder)
        except OSError as exc:
            yield Skip(folder, _os_reason(exc)), None
            return
        key = (st.st_dev, st.st_ino)
        if key in chain:
            yield Skip(folder, "symlink loop (leads back to a folder being read), not followed"), None
            return
        if key in self.dirs_seen:
            yield Skip(folder, f"folder already read as {self.dirs_seen[key]}, not read again"), None
            return
        self.dirs_seen[key] = folder
        chain = chain + (key,)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            yield Skip(folder, "permission denied (folder cannot be listed)"), None
            return
        except OSError as exc:
            yield Skip(folder, f"folder {_os_reason(exc)}"), None
            return
        for entry in entries:
            yield from self._entry(entry, root, chain)

    def _entry(self, entry: os.DirEntry[str], root: str, chain: tuple[tuple[int, int], ...]) -> Iterator[Located]:
        name = entry.name
        lower = name.lower()
        if lower in _JUNK_NAMES or name.startswith(("._", "~$")) or name.endswith("~"):
            return
        hidden = name.startswith(".")
        try:
            st = entry.stat()  # follows symbolic links
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                yield Skip(entry.path, "symlink loop"), None
            elif isinstance(exc, FileNotFoundError):
                reason = "broken symbolic link" if entry.is_symlink() else "file disappeared during the run"
                yield Skip(entry.path, reason), None
            else:
                yield Skip(entry.path, _os_reason(exc)), None
            return
        if entry.is_dir():
            if lower in _TOOL_DIRS:
                return
            if hidden:
                yield Skip(entry.path, "hidden folder, not searched (name starts with '.')"), None
                return
            yield from self._walk(entry.path, root, chain)
            return
        suffix = os.path.splitext(name)[1].lower()
        if not entry.is_file():
            if suffix in SUPPORTED_SUFFIXES:
                yield Skip(entry.path, "not a regular file"), None
            return
        if hidden:
            if suffix in SUPPORTED_SUFFIXES:
                yield Skip(entry.path, "hidden file, not read (name starts with '.')"), None
            return
        rel = os.path.relpath(entry.path, root)
        doc_id = Path(os.path.splitext(rel)[0]).as_posix()
        yield from self.file(entry.path, doc_id, st)


# -- the run ---------------------------------------------------------------------------

class _Ids:
    """Ids seen in this run -> (content hash, where first read). Only ids and hashes are
    kept, never texts, so memory stays small on long runs."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str, str]] = {}

    def check(self, item: Report | Skip, line: int | None) -> Report | Skip:
        if isinstance(item, Skip):
            return item
        where = f"{item.source} line {line}" if line is not None else str(item.source)
        first = self.seen.get(item.id)
        if first is None:
            self.seen[item.id] = (item.content_hash, where)
            return item
        prefix = f"line {line}: " if line is not None else ""
        if first[0] == item.content_hash:
            return Skip(str(item.source), f"{prefix}duplicate of id {item.id!r} (same text, first read from {first[1]})")
        return Skip(str(item.source), f"{prefix}duplicate id {item.id!r} with different text (first read from {first[1]})")


def check_paths(paths: Sequence[str]) -> None:
    """Raise MissingPathError for the first path that does not exist ('-' is stdin)."""
    for p in paths:
        if p == "-":
            continue
        try:
            os.stat(p)
        except (FileNotFoundError, NotADirectoryError):
            if os.path.islink(p):
                continue  # a broken link given explicitly: skipped with its reason later
            raise MissingPathError(f"no such file or folder: {p}") from None
        except OSError:
            continue  # exists but unusable (loop, permission): skipped with its reason later


def _iter_path(p: str, walk: _Walk) -> Iterator[Located]:
    try:
        st = os.stat(p)
    except OSError as exc:
        reason = "broken symbolic link" if isinstance(exc, FileNotFoundError) else _os_reason(exc)
        yield Skip(p, reason), None
        return
    if os.path.isdir(p):
        yield from walk.folder(p)
    elif os.path.isfile(p):
        yield from walk.file(p, os.path.splitext(os.path.basename(p))[0], st)
    else:
        yield Skip(p, "not a regular file or folder"), None


def _generate(paths: list[str], options: Options, stdin: IO[Any] | None) -> Iterator[Report | Skip]:
    walk = _Walk(options)
    ids = _Ids()
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin
            stream = getattr(stream, "buffer", stream)  # bytes: decoded as UTF-8 per line
            located: Iterator[Located] = iter_jsonl(stream, STDIN_SOURCE, options)
        else:
            located = _iter_path(p, walk)
        for item, line in located:
            yield ids.check(item, line)


def iter_inputs(paths: Sequence[str], options: Options,
                stdin: TextIO | BinaryIO | None = None) -> Iterator[Report | Skip]:
    """Every report (or skip) from files, folders and ``-`` (JSONL on stdin), streamed.

    Raises MissingPathError now, before anything is read, if a path does not exist."""
    paths = [os.fspath(p) for p in paths]
    check_paths(paths)
    return _generate(paths, options, stdin)
