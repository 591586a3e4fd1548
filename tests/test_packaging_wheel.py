"""The wheel carries everything a user needs: built from the sources, installed in a fresh virtualenv outside the
checkout, `salescoach sample` loads the sample company from the installed package and `salescoach ask` answers.

Slow (a wheel build, a virtualenv, the sample knowledge base indexed with the real bundled model), kept in the
suite because it is the only check that the package data and the migrations ship.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = (
    "core", "ingest", "knowledge", "authority", "compliance", "coaching", "workflows", "bot", "cli", "web", "samples",
)

pytestmark = [pytest.mark.slow, pytest.mark.model]


def _run(args: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{args}: {result.stdout[-1500:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the sources (the build leaves nothing in the checkout)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    for package in PACKAGES:
        shutil.copytree(REPO / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(dist), "."],
        cwd=source,
    )
    (built,) = dist.glob("salescoach-*.whl")
    return built


def test_the_wheel_holds_the_sample_company_and_the_migrations_but_not_the_evaluation_sets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "samples/__init__.py",
        "samples/policy.yaml",
        "samples/roster.csv",
        "samples/kpis.csv",
        "samples/channels.csv",
        "samples/onboarding.yaml",
        "samples/kb/sales-duty-manual.md",
        "core/migrations/env.py",
        "compliance/examples.json",
        "compliance/examples.npy",
        "core/migrations/versions/0001_baseline.py",
    ):
        assert needed in names, needed
    kb = {name for name in names if name.startswith("samples/kb/")}
    assert len(kb) == sum(1 for path in (REPO / "samples" / "kb").rglob("*") if path.is_file())
    assert not [name for name in names if name.startswith(("samples/eval/", "samples/fresh/", "samples/realdocs/"))]


def test_an_installed_wheel_outside_the_checkout_loads_the_sample_and_answers(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    _run([str(venv / "bin" / "pip"), "install", "--quiet", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)
    # The dependencies come from the project's environment (no network here); salescoach itself only from the wheel.
    env = {
        **os.environ,
        "PYTHONPATH": sysconfig.get_paths()["purelib"],
        "SALESCOACH_HOME": str(tmp_path / "home"),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import samples, workflows.onboarding as o; print(samples.folder()); print(o.BUNDLED_PLAN)",
        ],
        cwd=elsewhere,
        env=env,
    ).stdout.split()
    assert all(Path(path).is_relative_to(venv) for path in where), where
    salescoach = str(venv / "bin" / "salescoach")
    loaded = _run([salescoach, "sample"], cwd=elsewhere, env=env)
    assert "roster: " in loaded.stderr and "knowledge base: " in loaded.stderr, loaded.stderr
    question = "When do I escalate an overdue payment to my manager?"
    answer = json.loads(_run([salescoach, "ask", "--json", "--as", "S003", question], cwd=elsewhere, env=env).stdout)
    assert answer["grounded"] is True, answer
    sources = [Path(citation["source"]) for citation in answer["citations"]]
    # Indexed from the installed package data: the cited files live in the virtualenv, not in the checkout.
    assert sources and all(source.is_relative_to(venv) for source in sources), sources
    assert any(source.name.startswith("sales-duty-manual") for source in sources), sources
    current = _run([salescoach, "db", "current"], cwd=elsewhere, env=env)
    assert current.stdout.splitlines()[-1] == "up to date"
