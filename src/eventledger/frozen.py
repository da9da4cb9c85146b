"""A faster ``__init__`` for the frozen, slotted dataclasses of the core model.

The ``__init__`` that ``dataclasses`` generates for a frozen class must bypass the class's
own ``__setattr__`` (which raises), so it calls ``object.__setattr__(self, name, value)``
for every field: a generic attribute lookup per field. A pipeline run builds a few hundred
spans, segments and mentions per document, and that call was about half of their cost.
:func:`fast_init` generates the same ``__init__`` (same parameters, defaults, default
factories and ``__post_init__`` call) writing each field through its slot descriptor
instead, which is about twice as fast. Hand-written because ``dataclasses`` has no such
option; ``attrs`` does the same for its frozen classes, but the model is plain dataclasses
(``dataclasses.fields``/``replace``/``asdict`` keep working: only ``__init__`` changes).
"""

from __future__ import annotations

import dataclasses
from dataclasses import MISSING
from typing import TypeVar

__all__ = ["fast_init"]

T = TypeVar("T", bound=type)


def fast_init(cls: T) -> T:
    """Class decorator, applied above ``@dataclass(frozen=True, slots=True)``."""
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    if not (params.frozen and "__slots__" in cls.__dict__):
        raise TypeError(f"fast_init needs a frozen dataclass with slots, not {cls.__name__}")
    namespace: dict[str, object] = {"_MISSING": MISSING}
    args: list[str] = []
    body: list[str] = []
    for f in dataclasses.fields(cls):
        if not f.init or f.kw_only:
            raise TypeError(f"fast_init does not handle field {cls.__name__}.{f.name} (init=False or kw_only)")
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__  # the slot's member descriptor
        if f.default is not MISSING:
            namespace[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            args.append(f"{f.name}=_MISSING")
            body.append(f"if {f.name} is _MISSING: {f.name} = _factory_{f.name}()")
        else:
            args.append(f.name)
        body.append(f"_set_{f.name}(self, {f.name})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    source = f"def __init__(self, {', '.join(args)}):\n" + "".join(f"    {line}\n" for line in body or ["pass"])
    exec(source, namespace)  # noqa: S102 - source built above from field names only
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[misc]
    return cls
