"""No two modules of the project import each other, directly or through others, at module level
or inside a function.

An import placed inside a function hides a cycle from Python but not from the reader: the two
modules can no longer be understood, tested or moved apart. This walks every import statement
of the project's own code (the apps and config), function-level ones included, and fails on
any cycle between modules, naming it.

One lazy import is the rule rather than a hidden cycle: the body of a Celery task (in an
app's `tasks.py`) imports the service it runs. Services import their tasks at module top to
queue them with `delay_on_commit()`; the task body runs in the worker, once every module is
loaded (docs/architecture.md, "Tasks").
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("config", "entities", "letters", "partnerships", "recommendations", "taskforce")
SKIPPED_PARTS = {"migrations", "tests"}


def _modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            relative = path.relative_to(ROOT).with_suffix("")
            if SKIPPED_PARTS & set(relative.parts):
                continue
            parts = list(relative.parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _imported(module: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `module` imports. `from package import name` counts as importing
    package.name when that is a module, else the package itself."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8")), in_task_body=False, is_tasks=module.endswith(".tasks")):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in known else source for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != module:
                found.add(target)
    return found


def _import_nodes(node, *, in_task_body: bool, is_tasks: bool):
    """Every import statement under `node`, except those inside a function of a tasks module."""
    for child in ast.iter_child_nodes(node):
        inside = in_task_body or (is_tasks and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))
        if isinstance(child, (ast.Import, ast.ImportFrom)) and not in_task_body:
            yield child
        yield from _import_nodes(child, in_task_body=inside, is_tasks=is_tasks)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for neighbour in graph.get(node, ()):
            if neighbour not in index:
                visit(neighbour)
                low[node] = min(low[node], low[neighbour])
            elif neighbour in on_stack:
                low[node] = min(low[node], index[neighbour])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {module: _imported(module, path, known) for module, path in modules.items()}


def test_the_checker_sees_a_cycle_hidden_in_a_function(tmp_path):
    hidden = tmp_path / "services.py"
    hidden.write_text("def queue():\n    from app.tasks import run\n")
    assert _imported("app.services", hidden, {"app.services", "app.tasks"}) == {"app.tasks"}
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]


def test_a_task_body_may_import_its_service(tmp_path):
    tasks = tmp_path / "tasks.py"
    tasks.write_text("import app.models\n\ndef run():\n    from app.services import work\n")
    assert _imported("app.tasks", tasks, {"app.services", "app.models", "app.tasks"}) == {"app.models"}


def test_no_module_imports_itself_back_through_others():
    cycles = _cycles(_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(cycle) for cycle in cycles)


def test_entities_imports_no_other_app():
    others = {package for package in PACKAGES if package not in ("entities", "config")}
    graph = _graph()
    leaks = sorted(
        f"{module} imports {target}"
        for module, targets in graph.items() if module.split(".")[0] == "entities"
        for target in targets if target.split(".")[0] in others
    )
    assert not leaks, "\n".join(leaks)
