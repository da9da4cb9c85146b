"""The ``eventledger`` command line.

Every command turns an :class:`~eventledger.errors.EventLedgerError` into one line on
stderr and exit status 1; an unexpected error gives one line and exit status 2 (set
``EVENTLEDGER_DEBUG=1`` for the traceback). Exit status 130 on Ctrl-C.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from . import __version__
from .config import load_options
from .errors import EventLedgerError, MissingPathError

DEFAULT_DB = "eventledger.db"
_db_option = click.option(
    "--db", "db", default=lambda: os.environ.get("EVENTLEDGER_DB", DEFAULT_DB), show_default=DEFAULT_DB,
    help="SQLite file, or a postgresql:// URL (env EVENTLEDGER_DB).",
)


def _open(db: str, must_exist: bool = False):
    from .store import open_store

    if must_exist and "://" not in db and not Path(db).exists():
        raise MissingPathError(f"database not found: {db}")
    return open_store(db)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="eventledger")
def cli() -> None:
    """Turn reports about protest, dissent and repression into a traceable event database.

    Typical use: `eventledger ingest reports/ --db events.db`, then `eventledger summary`,
    `eventledger export --format csv -o events.csv` and `eventledger serve`.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="TOML file with options (see README).")
@click.option("--workers", type=click.IntRange(1, 256), default=None, help="Worker processes (default 1).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes; dask: a Dask cluster.")
@click.option("--scheduler", default=None,
              help="Dask scheduler address (tcp://host:8786); default: a LocalCluster.")
@click.option("--alias-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Extra place aliases (TSV: alias, canonical, country[, admin1]).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=None,
              help="Reports per database transaction (default 200).")
@click.option("--max-file-bytes", type=click.IntRange(1), default=None,
              help="Skip files larger than this (default 50,000,000).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Dask: folder for the Parquet partitions (shared by all machines of a cluster).")
@click.option("--strict", is_flag=True, help="Exit with status 3 when any input was skipped or failed.")
def ingest(paths, db, config_path, workers, engine, scheduler, alias_file, batch_size, max_file_bytes,
           progress, workdir, strict):
    """Ingest reports: files, folders (recursive) or - for JSONL on stdin.

    Formats: .txt/.md (optional YAML front matter: id, url, publisher, published, title,
    language), .html/.htm, .jsonl (one report per line: id and text required). A report
    whose text has not changed since the last ingest is reported as unchanged.
    """
    from .ingest.runner import ingest as run_ingest

    for p in paths:
        if p != "-" and not os.path.lexists(p):
            raise MissingPathError(f"no such file or directory: {p}")
    options = load_options(config_path, workers=workers, alias_file=alias_file, batch_size=batch_size,
                           max_file_bytes=max_file_bytes)
    store = _open(db)
    summary = run_ingest(paths, store, options, stdin=sys.stdin.buffer if "-" in paths else None,
                         engine=engine, scheduler=scheduler, progress=progress, workdir=workdir)
    for line in summary.lines():
        click.echo(line)
    if strict and (summary.skipped or summary.failed):
        sys.exit(3)


@cli.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def summary(db, as_json):
    """Documents, events by type, top places and the date span of a database."""
    info = _open(db, must_exist=True).summary()
    if as_json:
        click.echo(json.dumps(info, indent=2, default=str))
        return
    click.echo(format_summary(info))


def format_summary(info: dict) -> str:
    lines = [f"documents: {info.get('documents', 0)}", f"events: {info.get('events', 0)}"]
    for key, n in (info.get("events_by_type") or {}).items():
        lines.append(f"  {key}: {n}")
    top = info.get("top_places") or []
    if top:
        lines.append("top places: " + ", ".join(
            f"{p['place']} ({p['events']})" if isinstance(p, dict) else f"{p[0]} ({p[1]})" for p in top))
    span = info.get("date_span") or {}
    if isinstance(span, dict):
        span = [span.get("start"), span.get("end")]
    if span and span[0]:
        lines.append(f"date span: {span[0]} .. {span[1]}")
    if "claims" in info:
        lines.append(f"claims: {info['claims']}")
    return "\n".join(lines)


@cli.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "parquet"]), required=True)
@click.option("-o", "--output", default="-", show_default=True, help="Output file ('-' = stdout).")
def export(db, fmt, output):
    """Export events: JSONL (codebook fields), CSV (ACLED columns first), GeoJSON, Parquet."""
    from .export import export as run_export

    store = _open(db, must_exist=True)
    if fmt == "parquet" and output == "-":
        raise EventLedgerError("parquet needs an output file (-o FILE)")
    n = run_export(store, fmt, output)
    if output != "-":
        click.echo(f"wrote {n} events to {output}", err=True)


@cli.command(name="eval")
@click.option("--gold", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Gold events (JSONL, codebook fields).")
@_db_option
@click.option("--pred", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Predicted events (JSONL export); default: read them from --db.")
@click.option("--claims", "gold_claims", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Gold claims (JSONL) to score the claims ledger too.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def eval_cmd(gold, db, pred, gold_claims, as_json):
    """Score predicted events (and claims) against a gold file; see docs/evaluation.md."""
    from . import evaluate

    if pred is not None:
        events = evaluate.read_jsonl(pred)
        claims = None
        if gold_claims is not None:
            raise EventLedgerError("--claims needs --db (claims are read from the database)")
    else:
        store = _open(db, must_exist=True)
        events = list(store.iter_events())
        claims = list(store.iter_claims()) if gold_claims else None
    report = evaluate.score(evaluate.read_jsonl(gold), events)
    if gold_claims is not None:
        report["claims"] = evaluate.score_claims(evaluate.read_jsonl(gold_claims), claims or [])
    click.echo(json.dumps(report, indent=2) if as_json else evaluate.format_report(report))


@cli.command()
@click.argument("name")
@click.option("--alias-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Extra place aliases (TSV).")
@click.option("--country", default=None, help="Preferred country (ISO code, default IR).")
def places(name, alias_file, country):
    """Show how a place NAME resolves and why (candidates, scores)."""
    from .gazetteer import explain, format_explanation
    from .gazetteer.normalize import name_key

    if not name_key(name):  # a blank name (or punctuation only) has no match key at all
        raise click.BadParameter("give a place name with letters in it", param_hint="NAME")

    options = load_options(None, alias_file=alias_file, default_country=country)
    click.echo(format_explanation(name, explain(name, options)))


@cli.command()
@_db_option
@click.option("--kind", default=None, help="Claim kind: killed, arrested, executed, ...")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def claims(db, kind, as_json):
    """The claims ledger: numbers different sources give for the same kind, period and place."""
    store = _open(db, must_exist=True)
    kinds = [kind] if kind else sorted({c["kind"] for c in store.iter_claims()})
    rows = [group for k in kinds for group in store.claims_side_by_side(k)]
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
        return
    if not rows:
        click.echo("no claims" + (f" of kind {kind}" if kind else ""))
    for group in rows:
        head = " | ".join(str(group.get(k) or "-") for k in ("kind", "period", "place"))
        click.echo(head)
        for c in group.get("claims", []):
            value = c.get("value") if c.get("value") is not None else c.get("qualifier_text") or "?"
            who = c.get("attributed_to") or "(publisher's own voice)"
            click.echo(f"   {c.get('qualifier') or ''} {value}  {who}  per {c.get('reported_by') or '?'}  [{c.get('doc')}]")


@cli.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--login-required", is_flag=True, help="Reading also needs a login (default: public read).")
def serve(db, host, port, login_required):
    """Serve the web app (map, timeline, table, review) and the JSON API."""
    from .web import serve as run_serve

    store = _open(db)
    click.echo(f"serving {db} at http://{host}:{port}/  (Ctrl-C to stop)", err=True)
    run_serve(store, host=host, port=port, public_read=not login_required)


@cli.group()
def user():
    """Manage web app users."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["reader", "reviewer", "admin"]), required=True,
              help="reader: may read when --login-required; reviewer: may review; admin: also manages users.")
@_db_option
@click.option("--password", envvar="EVENTLEDGER_PASSWORD", prompt=True, hide_input=True,
              confirmation_prompt=True, help="Password (prompted; or env EVENTLEDGER_PASSWORD).")
def user_add(name, role, db, password):
    """Add (or reset) a user who can log in to review."""
    from .store.review import add_user

    add_user(_open(db), name, password, role)
    click.echo(f"user {name} ({role}) saved")


@cli.command()
@click.option("--docs", type=click.IntRange(1), default=None, help="Synthetic documents (default 1,000).")
@click.option("--corpus", type=click.Path(exists=True, path_type=Path), default=None,
              help="Use this folder or file of reports instead of the synthetic corpus.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="Dask scheduler address (default: a LocalCluster).")
@click.option("--no-store", "no_store", is_flag=True, help="Run the pipeline only, without the store.")
@click.option("--stage", default=None,
              help="Run the pipeline only up to this stage (clean, segment, places, dates, triggers, assemble).")
@click.option("--db", "bench_db", default=None, help="Store into this database (default: a temporary SQLite file).")
@click.option("--seed", default=0, show_default=True, help="Seed of the synthetic corpus.")
@click.option("--partition-size", default=200, show_default=True, type=click.IntRange(1),
              help="Dask: documents per partition.")
@click.option("--table", "table_events", type=click.IntRange(1), default=None,
              help="Instead: time the web app's event table queries at this many events (e.g. 100000).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")
def bench(docs, corpus, workers, engine, scheduler, no_store, stage, bench_db, seed, partition_size,
          table_events, as_json):
    """Measure throughput (documents/s, per core), time per stage, peak memory, events/s."""
    if table_events:
        from .store.query import bench_table

        result = bench_table(bench_db, n=table_events)
        click.echo(json.dumps(result, indent=2) if as_json else "\n".join(
            f"{k[:-3]:24} {v:8.1f} ms" if k.endswith("_ms") else f"{k:24} {v:8,.0f}" for k, v in result.items()))
        return
    from .bench import format_bench, run_bench

    result = run_bench(docs, corpus, workers=workers, engine=engine, store=not no_store, stage=stage,
                       db=bench_db, seed=seed, scheduler=scheduler, partition_size=partition_size)
    click.echo(json.dumps(result, indent=2, default=str) if as_json else format_bench(result))


@cli.command()
@_db_option
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def backup(db, out):
    """Copy a SQLite database safely while it may be in use (online backup)."""
    store = _open(db, must_exist=True)
    store.backup(out)
    click.echo(f"backup written to {out}")


@cli.command()
@_db_option
def check(db):
    """Check a database: integrity, orphan rows, spans inside their documents."""
    problems = _open(db, must_exist=True).check()
    for p in problems:
        click.echo(p)
    if problems:
        sys.exit(1)
    click.echo("no problems found")


def main(argv: list[str] | None = None) -> None:
    # trafilatura logs a warning per discarded HTML fragment; our summary reports what matters
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        cli.main(args=argv, prog_name="eventledger", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except EventLedgerError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # last resort: one line, never a traceback unless asked
        if os.environ.get("EVENTLEDGER_DEBUG"):
            raise
        click.echo(f"internal error: {type(exc).__name__}: {exc} (set EVENTLEDGER_DEBUG=1 for details)", err=True)
        sys.exit(2)
