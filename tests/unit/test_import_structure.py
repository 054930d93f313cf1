"""The project's import structure: no import cycles between its modules, and imports inside
functions (which hide a cycle instead of removing it) stay within a small budget.

Read from the source with `ast`; nothing is imported. To list the function-level imports (of
another checkout: give its folder):
    .venv/bin/python tests/unit/test_import_structure.py [FOLDER]
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".git", ".venv", "node_modules", "migrations", "tests", "static", "assets", "locale", "templates"}
# Imports inside functions, project-wide (migrations and tests excluded). What is left is app loading:
# an AppConfig module is imported before any model exists, so its ready() imports the modules that use
# models (signal receivers; the views Oscar's app configs plug in). Lower the budget when you remove one;
# raise it only for such a real cycle with another app, and say there why.
FUNCTION_LEVEL_IMPORT_BUDGET = 9


def module_files(root=ROOT):
    for path in sorted(root.rglob("*.py")):
        if not SKIPPED & set(path.relative_to(root).parts):
            yield path


def module_name(path, root=ROOT):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_block(node):
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(tree):
    """(node, inside_function) for every import statement outside `if TYPE_CHECKING:`."""
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            if _type_checking_block(child):
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.append((child, in_function))
            visit(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))

    visit(tree, False)
    return found


def targets(node, module, is_package, known):
    """The project modules an import statement loads."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module
        names = [f"{prefix}.{alias.name}" if f"{prefix}.{alias.name}" in known else prefix for alias in node.names]
    out = set()
    for name in names:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name:
            out.add(name)
    return out


def read_project(root=ROOT):
    files = {module_name(path, root): path for path in module_files(root)}
    graph, function_level = {}, []
    for module, path in files.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        edges = set()
        for node, in_function in imports(tree):
            edges |= targets(node, module, path.name == "__init__.py", files)
            if in_function:
                function_level.append(f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(node)}")
        graph[module] = edges - {module}
    return graph, function_level


def cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_import_cycles_between_project_modules():
    graph, _ = read_project()
    assert "booking.models" in graph and graph["booking.wizard"] >= {"booking.models", "booking.operations"}
    assert cycles(graph) == []


def test_cycle_detection_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_booking_models_import_no_views_and_the_admin_forms_no_models():
    """The models name their admin forms directly (Wagtail's base_form_class); the forms take what
    they check from their formsets, so neither a string path nor a cycle is needed."""
    graph, _ = read_project()
    assert not graph["booking.models"] & {"booking.wizard", "booking.routes"}
    assert "booking.admin_forms" in graph["booking.models"]
    assert "booking.models" not in graph["booking.admin_forms"]


def test_the_wizard_state_is_plain_python():
    """booking/wizard_state.py, and the project modules it imports, import no Django, Wagtail or ORM."""
    graph, _ = read_project()
    seen, todo = set(), ["booking.wizard_state"]
    while todo:
        module = todo.pop()
        seen.add(module)
        todo.extend(graph[module] - seen)
    for module in seen:
        path = ROOT / (module.replace(".", "/") + ".py")
        for node, _in_function in imports(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            assert not [n for n in names if n.split(".")[0] in {"django", "wagtail", "oscar", "modelcluster"}], module
    assert seen == {"booking.wizard_state", "core.parsing"}


def test_function_level_imports_stay_within_budget():
    _, function_level = read_project()
    booking = [line for line in function_level if line.startswith("booking/")]
    assert booking == [], "\n".join(booking)
    assert len(function_level) <= FUNCTION_LEVEL_IMPORT_BUDGET, "\n".join(function_level)


if __name__ == "__main__":
    graph, function_level = read_project(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT)
    print("\n".join(function_level))
    print(f"{len(function_level)} function-level imports; cycles: {cycles(graph)}")
