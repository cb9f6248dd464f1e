"""Interpreted copies of modules that the install compiles with mypyc (``setup.py``).

A compiled module calls its own functions directly and reads dicts in C, so a test that
swaps one of its functions (``monkeypatch.setattr``) or passes a dict subclass reaches no
compiled caller. Such tests run on an interpreted copy made from the ``.py`` source.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path
from types import ModuleType


def is_compiled(name: str) -> bool:
    """Whether ``import name`` loads a C extension (a module mypyc compiled)."""
    spec = importlib.util.find_spec(name)
    return spec is not None and (spec.origin or "").endswith(".so")


def source_of(name: str) -> Path:
    """The ``.py`` file of module ``name``, compiled or not."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin, name
    origin = Path(spec.origin)
    return origin.with_name(origin.name.split(".")[0] + ".py")


def interpreted(name: str) -> ModuleType:
    """A fresh copy of module ``name`` run from its ``.py`` source by the interpreter.

    It is not put in ``sys.modules``: the rest of the package keeps using the module that
    ``import`` loads, and the copy's imports are those modules too.
    """
    path = source_of(name)
    loader = importlib.machinery.SourceFileLoader(name, str(path))
    spec = importlib.util.spec_from_loader(name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module
