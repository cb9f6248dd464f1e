"""Build: the parser and the entity extractor compiled to C extensions with mypyc.

Everything else about the package is in ``pyproject.toml``. mypyc turns the typed Python
of ``cablekit/parse/``, ``segment.py`` and ``cablekit/extract/`` into C extensions that
run the same code faster (``benchmarks/RESULTS.md``: parse 1.27x); the ``.py`` files stay
the source of truth and the tests check that the two agree.

The compiled modules are optional: set ``CABLEKIT_PURE_PYTHON=1`` to build without them,
and a machine without a C compiler gets the pure-Python package with a warning instead
of a failed install. A type error in a compiled module stops the build: mypyc compiles
what mypy has checked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

SRC = Path(__file__).resolve().parent / "src"

# modules left interpreted: msgspec Structs (model.py) are not mypyc classes; the lazy
# properties of body/prepared.py need an instance __dict__; suggest.py and
# gazetteer_build.py do not run at ingest
INTERPRETED = {
    "cablekit/parse/body/prepared.py",
    "cablekit/extract/model.py",
    "cablekit/extract/suggest.py",
    "cablekit/extract/gazetteer_build.py",
}


def compiled_sources() -> list[str]:
    """The modules mypyc compiles, as paths relative to the project (``src/cablekit/...``)."""
    paths = [*SRC.glob("cablekit/parse/**/*.py"), SRC / "cablekit/segment.py"]
    paths += SRC.glob("cablekit/extract/*.py")
    names = sorted(p.relative_to(SRC).as_posix() for p in paths)
    return [f"src/{name}" for name in names if name not in INTERPRETED]


class OptionalBuildExt(build_ext):
    """Compile when a C compiler works; otherwise install the pure-Python modules.

    All or nothing: the modules share one compiled library, so a failure removes every
    extension built before it rather than leave some that cannot load.
    """

    def run(self) -> None:
        try:
            super().run()
        except Exception as problem:  # noqa: BLE001 - any compiler failure: fall back
            for ext in self.extensions:
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            reason = str(problem)[:200]
            print(f"cablekit: not compiled ({reason}); installing pure Python", file=sys.stderr)


def ext_modules() -> list:
    if os.environ.get("CABLEKIT_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # a build without the build requirements (setup.py run by hand)
        return []
    # modules outside the compiled set are only type-checked as far as they are typed
    return mypycify(["--ignore-missing-imports", *compiled_sources()], opt_level="3")


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
