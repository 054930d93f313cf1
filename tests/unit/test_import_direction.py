"""Dependencies point one way: api and bot may use booking; shop and booking may use pages, ops and
core; ops may use pages and core; pages may use core; core uses none of them. The layers below reach
the apps above only through Wagtail hooks (core/hooks.py) and per-view declarations, never by
importing them. Read from the source (every import statement, also inside functions), so the rule
holds without running the code."""

import ast
from pathlib import Path

import pytest

from tests.project_apps import PROJECT_APPS

ROOT = Path(__file__).resolve().parents[2]
# The lower apps and the project apps each may use; every other app (shop, booking, api, bot and any
# app added later: tests/project_apps.py) sits above them and is reached only through hooks.
LOWER = {"core": set(), "ops": {"core", "pages"}, "pages": {"core"}}  # ops: pages.demo for its demo loader
UPPER = sorted(set(PROJECT_APPS) - set(LOWER))
# app -> the project apps it must never import
FORBIDDEN = {
    **{app: set(PROJECT_APPS) - allowed - {app} for app, allowed in LOWER.items()},
    "shop": {"bot"},
    # The API (api/) and the Telegram bot (bot/) are built on booking, never the other way;
    # booking reaches the bot only through hooks.
    "booking": {"api", "bot"},
    # The API uses bot.linking (the Telegram deep link of its telegram-link endpoint); the bot never uses the API.
    "bot": {"api"},
}
# Strings that would name an app above (a dotted path for import_string, a template of theirs…).
NAMED = tuple(f"{app}{separator}" for app in UPPER for separator in "./")


def imported_packages(path, app):
    """The top-level package of every module `path` imports (relative imports stay in `app`)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            yield node.lineno, app if node.level else (node.module or "").split(".")[0]


def docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                yield body[0].value


def source_files(app):
    return sorted(p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_lower_layers_never_import_the_apps_above(app):
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {package}"
        for path in source_files(app)
        for line, package in imported_packages(path, app)
        if package in FORBIDDEN[app]
    ]
    assert wrong == []


@pytest.mark.parametrize("app", ["core", "ops"])
def test_core_and_ops_name_no_module_or_template_of_shop_or_booking(app):
    wrong = []
    for path in source_files(app):
        tree = ast.parse(path.read_text())
        docs = {id(node) for node in docstrings(tree)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                if any(name in node.value for name in NAMED):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value[:60]!r}")
    assert wrong == []


def test_an_app_added_later_is_above_the_lower_layers():
    assert {"shop", "booking", "api", "bot"} <= set(UPPER)
    assert all(set(UPPER) <= FORBIDDEN[app] for app in LOWER)


def test_the_scan_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\n\ndef f():\n    from booking.models import Appointment\n    from . import x\n")
    assert list(imported_packages(module, "core")) == [(1, "os"), (4, "booking"), (5, "core")]
