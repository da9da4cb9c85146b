"""Score predicted events and claims against gold files (codebook "Scoring").

Matching rules (also in docs/evaluation.md):

* Per document. An exported event listed under several ``documents`` counts in each.
* Places agree when the case- and accent-folded names are equal, one contains the other
  (as whole words), or they are a close spelling (rapidfuzz ratio >= 85). Gold gives the
  canonical ``location`` and the ``surface``; a prediction gives ``location.canonical``
  and ``location.name``; any pair may agree.
* Types agree on ``event_type`` (strict scoring: also ``sub_event_type``).
* Dates: the ranges overlap; a missing predicted date never overlaps. When the gold row
  lists ``date`` in ``uncertain_fields``, a prediction within 7 days of the gold range
  also counts (the dev set's annotation advice).
* Matching is one-to-one (maximum bipartite matching). Gold rows whose
  ``uncertain_fields`` contain ``existence`` are optional: a prediction matched to one is
  neither a true nor a false positive; missing one is not an error.
* Places are scored as distinct places per document (places of optional rows optional).
* Date exactness: the share of sub-type matches whose ``date_start`` and ``date_end``
  equal the gold ones.
* Claims: a gold claim with a number is found when a predicted claim of the same document
  has the same value and an agreeing attribution (both in the publisher's own voice, or
  the attributed names agree as places do). A claim attributed to the publisher itself
  ("according to our tally", "Hengaw documented ..." in Hengaw's report) is in its own voice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .errors import EvalError
from .textutil import fold_name

__all__ = ["read_jsonl", "score", "score_claims", "format_report", "names_agree"]

_UNCERTAIN_DATE_SLACK = dt.timedelta(days=7)


def read_jsonl(path: Path | str) -> list[dict]:
    rows = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise EvalError(f"{path}, line {n}: not valid JSON ({exc.msg})") from None
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc.strerror}") from None
    return rows


def names_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} ":
        return True
    return fuzz.ratio(fa, fb) >= 85


def _date(v: Any) -> dt.date | None:
    if not v:
        return None
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _gold_names(g: dict) -> list[str]:
    return [n for n in (g.get("location"), g.get("surface")) if n]


def _pred_names(p: dict) -> list[str]:
    loc = p.get("location") or {}
    if isinstance(loc, str):
        return [loc]
    return [n for n in (loc.get("canonical"), loc.get("name")) if n]


def _places_agree(gold_names: Sequence[str], pred_names: Sequence[str]) -> bool:
    return any(names_agree(g, p) for g in gold_names for p in pred_names)


def _dates_agree(g: dict, p: dict) -> bool:
    ps, pe = _date(p.get("date_start")), _date(p.get("date_end")) or _date(p.get("date_start"))
    gs, ge = _date(g.get("date_start")), _date(g.get("date_end")) or _date(g.get("date_start"))
    if ps is None or pe is None or gs is None or ge is None:
        return False
    if "date" in (g.get("uncertain_fields") or []):
        gs, ge = gs - _UNCERTAIN_DATE_SLACK, ge + _UNCERTAIN_DATE_SLACK
    return ps <= ge and gs <= pe


def _max_matching(n_left: int, n_right: int, ok: Callable[[int, int], bool],
                  prefer: Callable[[int, int], bool] | None = None) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths), first over the ``prefer`` edges
    (e.g. identical dates) and then over all edges, so that the pairing a human would
    make wins when several are possible. Hand-written: the graphs are a few dozen nodes
    per document and a graph library would be a dependency for 25 lines."""
    full = [[j for j in range(n_right) if ok(i, j)] for i in range(n_left)]
    match_right: dict[int, int] = {}

    def augment(adj: list[list[int]], i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_right or augment(adj, match_right[j], seen):
                match_right[j] = i
                return True
        return False

    phases = [full]
    if prefer is not None:
        phases.insert(0, [[j for j in row if prefer(i, j)] for i, row in enumerate(full)])
    for adj in phases:
        matched_left = set(match_right.values())
        for i in range(n_left):
            if i not in matched_left:
                augment(adj, i, set())
    return {i: j for j, i in match_right.items()}


def _same_dates(g: dict, p: dict) -> bool:
    return (_date(g.get("date_start")) == _date(p.get("date_start"))
            and _date(g.get("date_end")) == _date(p.get("date_end")))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp,
            "pred": n_pred, "gold": n_gold}


def _by_doc(rows: Iterable[dict], multi: bool) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        docs = (r.get("documents") or [r.get("doc")]) if multi else [r.get("doc")]
        for d in dict.fromkeys(docs):
            if d is not None:
                out[str(d)].append(r)
    return out


def _optional(g: dict) -> bool:
    return "existence" in (g.get("uncertain_fields") or [])


def _pair_ok(g: dict, p: dict, strict: bool) -> bool:
    if g.get("event_type") != p.get("event_type"):
        return False
    if strict and g.get("sub_event_type") != p.get("sub_event_type"):
        return False
    return _dates_agree(g, p) and _places_agree(_gold_names(g), _pred_names(p))


def _match_events(gold: list[dict], pred: list[dict], strict: bool) -> tuple[int, int, int, list[tuple[dict, dict]]]:
    """Return (true positives, counted predictions, required gold, matched pairs)."""
    required = [g for g in gold if not _optional(g)]
    optional = [g for g in gold if _optional(g)]
    m = _max_matching(len(required), len(pred), lambda i, j: _pair_ok(required[i], pred[j], strict),
                      lambda i, j: _same_dates(required[i], pred[j]))
    used = set(m.values())
    rest = [pred[j] for j in range(len(pred)) if j not in used]
    m_opt = _max_matching(len(optional), len(rest), lambda i, j: _pair_ok(optional[i], rest[j], strict))
    pairs = [(required[i], pred[j]) for i, j in m.items()]
    return len(m), len(pred) - len(m_opt), len(required), pairs


def _match_places(gold: list[dict], pred: list[dict]) -> tuple[int, int, int]:
    req: dict[str, list[str]] = {}
    opt: dict[str, list[str]] = {}
    for g in gold:
        key = fold_name(g.get("location") or g.get("surface") or "")
        (opt if _optional(g) else req).setdefault(key, _gold_names(g))
    for key in req:
        opt.pop(key, None)
    pred_places: dict[str, list[str]] = {}
    for p in pred:
        names = _pred_names(p)
        if names:
            pred_places.setdefault(fold_name(names[0]), names)
    gl, ol, pl = list(req.values()), list(opt.values()), list(pred_places.values())
    m = _max_matching(len(gl), len(pl), lambda i, j: _places_agree(gl[i], pl[j]))
    rest = [pl[j] for j in range(len(pl)) if j not in set(m.values())]
    m_opt = _max_matching(len(ol), len(rest), lambda i, j: _places_agree(ol[i], rest[j]))
    return len(m), len(pl) - len(m_opt), len(gl)


def score(gold_rows: Sequence[dict], pred_rows: Sequence[dict]) -> dict[str, Any]:
    """Precision/recall/F1 for places, events by type and by sub-type; date exactness."""
    gold = _by_doc(gold_rows, multi=False)
    pred = _by_doc(pred_rows, multi=True)
    totals = {k: [0, 0, 0] for k in ("locations", "events_type", "events_subtype")}
    exact = matched = 0
    per_doc: dict[str, dict[str, Any]] = {}
    for doc in sorted(set(gold) | set(pred)):
        g, p = gold.get(doc, []), pred.get(doc, [])
        lt = _match_places(g, p)
        tt = _match_events(g, p, strict=False)
        st = _match_events(g, p, strict=True)
        for key, t in (("locations", lt), ("events_type", tt[:3]), ("events_subtype", st[:3])):
            for i in range(3):
                totals[key][i] += t[i]
        d_exact = sum(1 for gg, pp in st[3] if _same_dates(gg, pp))
        exact += d_exact
        matched += len(st[3])
        per_doc[doc] = {"locations": _prf(*lt), "events_subtype": _prf(*st[:3]),
                        "dates_exact": round(d_exact / len(st[3]), 4) if st[3] else None}
    report: dict[str, Any] = {k: _prf(*v) for k, v in totals.items()}
    report["dates_exact"] = {"share": round(exact / matched, 4) if matched else 0.0, "exact": exact,
                             "matched": matched}
    report["per_document"] = per_doc
    return report


def _claim_value(v: Any) -> float | None:
    try:
        return float(v) if v is not None else None
    except (TypeError, ValueError):
        return None


def _own_voice(attributed: str | None, publisher: str | None) -> bool:
    return not attributed or bool(publisher) and names_agree(attributed, publisher)  # type: ignore[arg-type]


def _attribution_agrees(g: dict, p: dict) -> bool:
    ga, pa = g.get("attributed_to"), p.get("attributed_to")
    # (the gold row knows the publisher; a prediction may not have found it in the text)
    publisher = g.get("reported_by") or p.get("reported_by")
    if _own_voice(ga, publisher) and _own_voice(pa, publisher):
        return True
    if not ga or not pa:
        return False
    if names_agree(ga, pa):
        return True
    gw, pw = set(fold_name(ga).split()), set(fold_name(pa).split())
    return bool(gw & pw - {"the", "of", "and", "s", "iranian", "iran"})


def score_claims(gold_rows: Sequence[dict], pred_rows: Sequence[dict]) -> dict[str, Any]:
    """Recall of gold claims with a number: same document, value and attribution."""
    gold = [g for g in gold_rows if g.get("value") is not None]
    pred = _by_doc(pred_rows, multi=False)
    found = found_value = 0
    missed: list[str] = []
    for g in gold:
        cands = [p for p in pred.get(str(g.get("doc")), []) if _claim_value(p.get("value")) == _claim_value(g.get("value"))]
        if cands:
            found_value += 1
        if any(_attribution_agrees(g, p) for p in cands):
            found += 1
        else:
            missed.append(str(g.get("id") or g.get("text", "")[:60]))
    n = len(gold)
    n_pred = sum(1 for rows in pred.values() for p in rows if p.get("value") is not None)
    return {"numeric_gold": n, "found": found, "share": round(found / n, 4) if n else 0.0,
            "value_only_share": round(found_value / n, 4) if n else 0.0, "numeric_pred": n_pred,
            "missed": missed}


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{'':18} {'P':>7} {'R':>7} {'F1':>7}   tp/pred/gold"]
    for key, label in (("locations", "locations"), ("events_type", "events (type)"),
                       ("events_subtype", "events (sub-type)")):
        r = report[key]
        lines.append(f"{label:18} {r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f}   "
                     f"{r['tp']}/{r['pred']}/{r['gold']}")
    d = report["dates_exact"]
    lines.append(f"{'dates exact':18} {d['share']:7.3f}   ({d['exact']} of {d['matched']} sub-type matches)")
    if "claims" in report:
        c = report["claims"]
        lines.append(f"{'claims (numeric)':18} {c['share']:7.3f}   ({c['found']} of {c['numeric_gold']} with value "
                     f"and attribution; value only {c['value_only_share']:.3f})")
    return "\n".join(lines)
