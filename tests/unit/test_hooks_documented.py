"""Every hook of the project is named and documented in one place, core/hooks.py: apps register and ask
for the project's own hooks through its constants, and spell out only the names of Wagtail's own hooks."""

import ast
from pathlib import Path

from core import hooks as project_hooks
from tests.project_apps import PROJECT_APPS

ROOT = Path(__file__).resolve().parents[2]
APPS = PROJECT_APPS
WAGTAIL_HOOKS = {
    "construct_homepage_panels",
    "register_admin_urls",
    "register_admin_menu_item",
    "register_admin_viewset",
    "register_account_menu_item",
    "filter_form_submissions_for_user",
}


def project_hook_names():
    return {value for name, value in vars(project_hooks).items() if name.isupper() and isinstance(value, str)}


def hook_calls():
    """(file:line, first argument) of every hooks.register(…) and hooks.get_hooks(…) in the apps."""
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("register", "get_hooks", "register_temporarily")
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "hooks"
                    and node.args
                ):
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node.func.attr, node.args[0]


def test_every_hook_constant_is_documented_with_its_signature_and_implementers():
    doc = project_hooks.__doc__
    for name in project_hook_names():
        entry = doc[doc.index(f'"{name}"') :].split("\n\n")[0]
        assert "fn(" in entry and "Implemented by" in entry, name


def test_apps_spell_out_only_wagtails_own_hook_names():
    spelled = [
        (where, arg.value)
        for where, _call, arg in hook_calls()
        if isinstance(arg, ast.Constant) and arg.value not in WAGTAIL_HOOKS
    ]
    assert spelled == []


def test_every_project_hook_is_asked_for_and_implemented():
    constants = {name for name, value in vars(project_hooks).items() if name.isupper() and isinstance(value, str)}
    asked = {arg.id for _where, call, arg in hook_calls() if call == "get_hooks" and isinstance(arg, ast.Name)}
    registered = {arg.id for _where, call, arg in hook_calls() if call == "register" and isinstance(arg, ast.Name)}
    assert constants - asked == set() and constants - registered == set()


def readme_hook_rows():
    """{hook name: (asked by, implemented by)} from README's table in "How the code is organised"."""
    rows = {}
    for line in (ROOT / "README.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            name = cells[0].split("`")[1].split("(")[0].split(" ")[0]
            if name in project_hook_names():
                rows[name] = (cells[1], {app.strip() for app in cells[2].split(",")})
    return rows


def test_readmes_hook_table_names_every_hook_and_the_apps_that_implement_it():
    """A newcomer learns the hooks from README's table: it lists each one, and its implementers are
    exactly the apps whose code registers it."""
    values = {name: value for name, value in vars(project_hooks).items() if name.isupper() and isinstance(value, str)}
    implementers = {}
    for where, call, arg in hook_calls():
        if call == "register" and isinstance(arg, ast.Name) and arg.id in values:
            implementers.setdefault(values[arg.id], set()).add(where.split("/")[0])
    rows = readme_hook_rows()
    assert set(rows) == project_hook_names()
    assert {name: implemented for name, (_asked, implemented) in rows.items()} == implementers
