"""The sample company (policy, roster, KPIs, onboarding plan, knowledge base), installed with the package.

Why a package: `salescoach sample` and the bundled onboarding plan must work from a wheel installed outside the
checkout, so the files are package data read through importlib.resources. Only the demo data ships (kb/ and the
top-level csv/yaml files); the evaluation sets (eval/, fresh/, realdocs/) stay in the repository.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def folder() -> Path:
    """The installed sample folder, as a real path (importers, the knowledge-base sync and the CLI take paths).

    A wheel is installed unzipped, so importlib.resources gives a folder on disk for this package.
    """
    root = files(__name__)
    if not isinstance(root, Path):  # pragma: no cover - only a zipped install, which pip never makes
        raise RuntimeError(f"the sample company is not on disk ({root}); install salescoach unzipped")
    return root


def sample_file(name: str) -> Path:
    """One file of the sample company, e.g. `sample_file("onboarding.yaml")`."""
    return folder() / name
