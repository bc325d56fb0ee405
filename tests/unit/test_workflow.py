"""The publishing workflow: valid for GitHub, pinned, and doing what the README says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from devtools import ENGINE_PACKAGES

WORKFLOW = Path(__file__).resolve().parents[2] / ".github/workflows/pages.yml"


def check_schema(path: Path) -> subprocess.CompletedProcess[str]:
    """Validate against the GitHub workflow schema that ships with check-jsonschema (offline)."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_the_workflow_is_valid_for_github() -> None:
    result = check_schema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("pages: write", "pages: maybe"), encoding="utf-8"
    )
    assert check_schema(broken).returncode != 0


def test_runs_on_push_to_main_weekly_and_by_hand(workflow: dict[Any, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"] == {"branches": ["main"]}
    (schedule,) = triggers["schedule"]
    _minute, _hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*")
    assert weekday.isdigit()  # once a week
    assert "workflow_dispatch" in triggers


def test_may_deploy_pages_and_nothing_more(workflow: dict[Any, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_every_action_is_pinned_to_an_exact_version(workflow: dict[Any, Any]) -> None:
    used = [step["uses"] for step in steps(workflow) if "uses" in step]
    assert used
    exact = re.compile(r"[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})")  # a full tag or a commit
    loose = [uses for uses in used if not exact.fullmatch(uses)]
    assert loose == []


def test_tests_then_builds_for_the_pages_address_then_deploys_that_build(workflow: dict[Any, Any]) -> None:
    build = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert runs.index("make test") < next(i for i, run in enumerate(runs) if run.endswith("make build"))
    build_step = next(step for step in build if step.get("run", "").endswith("make build"))
    assert build_step["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert 'SITE_URL="${BASE_URL%/}/"' in build_step["run"]  # exactly one trailing slash
    assert "actions/configure-pages" in uses
    assert uses.index("actions/setup-python") < runs.index("make test")
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_sets_up_the_python_the_project_asks_for(workflow: dict[Any, Any]) -> None:
    uses = {step.get("uses", "").split("@")[0]: step for step in steps(workflow)}
    python = uses["actions/setup-python"]
    assert python["with"]["python-version-file"] == ".python-version"
    assert (WORKFLOW.parents[2] / ".python-version").read_text(encoding="utf-8").strip() == "3.13"
    assert "actions/setup-node" in uses


def test_installs_what_the_engine_tests_lack_on_the_runner_before_testing(workflow: dict[Any, Any]) -> None:
    runs = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    install = next(i for i, run in enumerate(runs) if "apt-get install" in run)
    # The runner has a Firefox of its own; WebKit's driver and Xvfb need root, which make test lacks.
    assert set(ENGINE_PACKAGES["webkit"]) <= set(runs[install].split())
    assert install < runs.index("make test")
