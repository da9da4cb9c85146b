"""One options object for a run, built from defaults, an optional TOML file and CLI flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Options", "load_options"]


@dataclass(frozen=True)
class Options:
    #: extra place aliases (TSV: alias, canonical, country[, admin1]) added to the gazetteer
    alias_file: Path | None = None
    #: countries preferred when a name is ambiguous (the report's country first)
    default_country: str = "IR"
    #: limits for ingest; a report over a limit is skipped with the reason
    max_file_bytes: int = 50_000_000
    max_line_chars: int = 2_000_000
    #: reports per store transaction
    batch_size: int = 200
    #: worker processes for the local engine (1 = in this process)
    workers: int = 1
    #: publishers table override (TOML) for stance
    publishers_file: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> "Options":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_options(path: Path | None = None, **overrides: Any) -> Options:
    """Defaults < TOML file (``[eventledger]`` table or top level) < explicit overrides."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {path}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
        data = data.get("eventledger", data)
        known = {f.name for f in fields(Options)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown option(s) in {path}: {', '.join(unknown)}")
        values.update(data)
    for key in ("alias_file", "publishers_file"):
        if values.get(key) is not None:
            values[key] = Path(values[key])
    opts = Options(**values)
    return opts.with_(**overrides)
