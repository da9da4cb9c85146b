"""Render ``docs/cli.md`` from the commands' own ``--help`` (sqlite-utils' cog pattern,
without cog): ``python -m eventledger.cli_docs > docs/cli.md``. A test checks that the
file in the repository is what this prints, so the docs cannot drift from the code."""

from __future__ import annotations

import click
from click.testing import CliRunner

from .cli import cli


def _commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    out = []
    for name in sorted(group.commands):
        cmd = group.commands[name]
        out.append(prefix + [name])
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, prefix + [name]))
    return out


def render() -> str:
    runner = CliRunner()
    parts = ["# Command line reference", "",
             "Generated from `--help` by `python -m eventledger.cli_docs > docs/cli.md`; "
             "`tests/test_cli_docs.py` keeps it current.", ""]
    for path in [[]] + _commands(cli, []):
        result = runner.invoke(cli, path + ["--help"], prog_name="eventledger", terminal_width=100)
        title = " ".join(["eventledger"] + path)
        parts += [f"## {title}", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(render(), end="")
