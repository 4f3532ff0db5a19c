"""The code's layers: no import cycle, models below the caching layer, nothing twice.

The import graph is read from the source (``ast``), so the test sees every import, not
only those a given run happens to execute:

- a cycle among the imports run when a module is imported (its top level and class
  bodies) fails, however the modules are reached;
- model modules never import the caching layer, even inside a function, and the cities
  app never imports the pillars built on it (``city.pilot_projects``, not an import);
- a template path is served from one template folder only, no two templates are copies,
  and no management command is defined by two apps (one would silently hide the other).
"""

import ast
import hashlib
import importlib
from collections import defaultdict
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import get_commands, load_command_class

ROOT = Path(settings.BASE_DIR)
PROJECT_PACKAGES = sorted(
    path.parent.name
    for path in ROOT.glob("*/__init__.py")
    if path.parent.name != "tests" and (path.parent / "apps.py").exists()
)
PILLARS = ("action", "dialogue", "knowledge")


def module_files():
    """Every project module by dotted name, packages under their own name."""
    modules = {}
    for package in PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def _statements(tree, at_import_time):
    """The import statements of a module: all of them, or only those run when it is
    imported (function bodies run later, when called)."""
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        if at_import_time and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        pending.extend(ast.iter_child_nodes(node))


def _targets(module, is_package, node, modules):
    """The project modules an import statement runs: the named module, the submodules it
    imports by name, and the packages above them (``__init__`` runs first) that are not
    already being imported around ``module`` itself."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            package = module.split(".") if is_package else module.split(".")[:-1]
            base = ".".join(package[: len(package) - node.level + 1] + [node.module or ""])
            base = base.rstrip(".")
        else:
            base = node.module
        names = [base] + [f"{base}.{alias.name}" for alias in node.names]
    found = set()
    for name in names:
        while name:
            if name in modules and not (module == name or module.startswith(f"{name}.")):
                found.add(name)
            name = name.rpartition(".")[0]
    return found


def import_graph(modules, at_import_time):
    graph = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        is_package = path.name == "__init__.py"
        graph[module] = set()
        for node in _statements(tree, at_import_time):
            graph[module] |= _targets(module, is_package, node, modules)
    return graph


def cycles(graph):
    """Each group of modules that import one another in a circle (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph[module]):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_back_through_others():
    assert cycles(import_graph(module_files(), at_import_time=True)) == []


def test_the_cycle_detector_finds_a_cycle(tmp_path):
    """The detector itself: two modules of a package importing each other are a cycle."""
    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "orders.py").write_text("from shop.stock import reserve\n")
    (package / "stock.py").write_text("from . import orders\n\ndef later():\n    import os\n")
    (package / "prices.py").write_text("def total():\n    from shop import orders\n")
    modules = {
        "shop": package / "__init__.py",
        "shop.orders": package / "orders.py",
        "shop.stock": package / "stock.py",
        "shop.prices": package / "prices.py",
    }
    assert cycles(import_graph(modules, at_import_time=True)) == [["shop.orders", "shop.stock"]]


@pytest.mark.parametrize("module", [m for m in module_files() if ".settings." not in m])
def test_every_module_imports(module):
    """Settings modules aside (each is a whole configuration, read by itself)."""
    importlib.import_module(module)


def model_modules(modules):
    return [m for m in modules if m.endswith(".models") or ".models." in m]


def test_models_never_import_the_caching_layer():
    """Models describe content; what is kept between requests, and for how long, is the
    caching layer's business (caching/), even inside a method."""
    graph = import_graph(module_files(), at_import_time=False)
    leaks = {
        module: sorted(m for m in graph[module] if m.startswith("mc2cm_portal.caching"))
        for module in model_modules(graph)
    }
    assert {module: found for module, found in leaks.items() if found} == {}


def test_apps_import_only_the_apps_they_build_on():
    """The core's models know no content app and the cities' models no pillar, even inside
    a method: pillars build on the cities and the core, never the other way round. A city
    finds its pillar pages through named relations; the home page names the models it
    lists (``apps.get_model``), as page-type rules do."""
    graph = import_graph(module_files(), at_import_time=False)
    forbidden = {
        "mc2cm_portal": ("cities", *PILLARS),
        "cities": PILLARS,
    }
    wrong = {
        module: sorted(m for m in graph[module] if m.split(".")[0] in forbidden[app])
        for module in model_modules(graph)
        if (app := module.split(".")[0]) in forbidden
    }
    assert {module: found for module, found in wrong.items() if found} == {}


def project_apps():
    return [c for c in apps.get_app_configs() if c.name.split(".")[0] in PROJECT_PACKAGES]


def test_each_template_is_served_from_one_place_and_none_is_a_copy():
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    app_folders = [Path(config.path) / "templates" for config in project_apps()]
    folders += [folder for folder in app_folders if folder.is_dir()]
    places, contents = defaultdict(list), defaultdict(list)
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                places[name].append(str(folder.relative_to(ROOT)))
                contents[hashlib.sha256(path.read_bytes()).hexdigest()].append(name)
    assert {name: found for name, found in places.items() if len(found) > 1} == {}
    assert [sorted(names) for names in contents.values() if len(names) > 1] == []


def test_no_management_command_is_defined_twice():
    """A project command named like another app's hides it (or is hidden), depending on
    the order of INSTALLED_APPS. The one allowed case is an extension: a project command
    that subclasses the command it stands in for (``publish_scheduled``, which adds a lock
    around Wagtail's own) and comes first, so it is the one that runs."""
    defined = defaultdict(list)
    for config in apps.get_app_configs():
        for path in (Path(config.path) / "management" / "commands").glob("[!_]*.py"):
            defined[path.stem].append(config.name)
    project = {config.name for config in project_apps()}

    def extends_the_other(name, owners):
        runs = load_command_class(get_commands()[name], name)
        return type(runs).__module__.startswith(tuple(project)) and all(
            isinstance(runs, load_command_class(owner, name).__class__) for owner in owners
        )

    twice = {
        name: owners
        for name, owners in defined.items()
        if len(owners) > 1 and project.intersection(owners) and not extends_the_other(name, owners)
    }
    assert twice == {}
