"""Settings say everything once: every setting the code reads is defined in
config/settings/base.py (or is one of Django's own), read as `settings.X` without a
second default, and every environment variable the settings read is in README's
configuration table. Reads the source as text (ast), imports nothing of the project."""

import ast
import re
from pathlib import Path

from django.conf import global_settings
from oscar import defaults as oscar_defaults

from tests.project_apps import PROJECT_APPS

ROOT = Path(__file__).resolve().parent.parent.parent
SETTINGS_DIR = ROOT / "config" / "settings"
CODE = [*PROJECT_APPS, "config", "run.py", "site"]


def python_files():
    for name in CODE:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for file in files:
            if SETTINGS_DIR not in file.parents and "migrations" not in file.parts:
                yield file


def settings_reads():
    """(file:line, name, has_default) for `settings.NAME` and `getattr(settings, "NAME"[, default])`."""
    for file in python_files():
        tree = ast.parse(file.read_text(), filename=str(file))
        for node in ast.walk(tree):
            where = f"{file.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "settings":
                if node.attr.isupper():
                    yield where, node.attr, False
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "hasattr")
                and len(node.args) >= 2
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id == "settings"
                and isinstance(node.args[1], ast.Constant)
            ):
                yield where, node.args[1].value, len(node.args) > 2 or node.func.id == "hasattr"


def base_names():
    """Every name base.py assigns (also inside its if-blocks) and what its star import brings."""
    tree = ast.parse((SETTINGS_DIR / "base.py").read_text())
    names = {name for name in dir(oscar_defaults) if name.isupper()}
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            if isinstance(target, ast.Name):
                names.add(target.id)
    return names


def env_names():
    """Names read with env(...), env.int(...), env.list(...) … anywhere in config/settings/."""
    names = {}
    for file in sorted(SETTINGS_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(file.read_text())):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            func = node.func
            is_env = (isinstance(func, ast.Name) and func.id == "env") or (
                isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "env"
            )
            if is_env:
                names.setdefault(node.args[0].value, f"{file.name}:{node.lineno}")
    return names


def test_the_scan_finds_settings_and_variables():
    reads = {name for _where, name, _default in settings_reads()}
    assert {"STRIPE_SECRET_KEY", "BOOKING_MANAGE_LINK_DAYS", "TRUSTED_PROXY_HOPS"} <= reads
    assert {"SECRET_KEY", "DATABASE_URL", "BOOKING_LIMIT_IP_PER_DAY"} <= set(env_names())


def test_every_setting_the_code_reads_is_defined_in_base_or_by_django():
    defined = base_names() | {name for name in dir(global_settings) if name.isupper()}
    missing = sorted({f"{name} ({where})" for where, name, _default in settings_reads() if name not in defined})
    assert not missing, f"read by the code but not defined in config/settings/base.py: {missing}"


def test_no_setting_is_read_with_a_second_default():
    doubled = sorted(f"{name} ({where})" for where, name, has_default in settings_reads() if has_default)
    assert not doubled, f"give these their default in base.py and read them as settings.X: {doubled}"


def test_every_environment_variable_is_in_the_readme_configuration_table():
    readme = (ROOT / "README.md").read_text()
    section = re.search(r"^## Configuration\n(.*?)^## ", readme, re.S | re.M).group(1)
    table = "\n".join(line for line in section.splitlines() if line.startswith("|"))
    missing = sorted(f"{name} ({where})" for name, where in env_names().items() if f"`{name}`" not in table)
    assert not missing, f"environment variables missing from README's configuration table: {missing}"
