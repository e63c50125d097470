"""Every public function and method of the QGIS-free core carries type annotations (issue 14).

mypy (``[tool.mypy]`` in pyproject.toml) checks the annotations; this test makes sure they are there: it reads the
core's sources with ``ast`` (nothing is imported) and lists every public function or method (a name not starting
with ``_``, in a module and a class not starting with ``_`` either) whose return or any parameter other than the
first one of a method (self, cls) lacks an annotation.
"""

import ast
from pathlib import Path

import habitat_planning_plugin.core as core

CORE = Path(core.__file__).resolve().parent


def _is_static(function: ast.AST) -> bool:
    return any(
        isinstance(decorator, ast.Name) and decorator.id == "staticmethod"
        for decorator in getattr(function, "decorator_list", ())
    )


def _unannotated(function, in_class: bool):
    """Names of the parameters of ``function`` without an annotation, "return" when its return has none."""
    arguments = function.args
    parameters = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
    parameters += [extra for extra in (arguments.vararg, arguments.kwarg) if extra is not None]
    if in_class and not _is_static(function) and arguments.posonlyargs + arguments.args:
        parameters = parameters[1:]  # self or cls
    missing = [parameter.arg for parameter in parameters if parameter.annotation is None]
    if function.returns is None:
        missing.append("return")
    return missing


def _public_functions(tree: ast.Module):
    """(qualified name, line, node, in a class) of every public function and method, nested classes included."""

    def walk(node, prefix, in_class):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef) and not child.name.startswith("_"):
                yield from walk(child, prefix + child.name + ".", True)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and not child.name.startswith("_"):
                yield prefix + child.name, child.lineno, child, in_class

    yield from walk(tree, "", False)


def _core_modules():
    for path in sorted(CORE.rglob("*.py")):
        relative = path.relative_to(CORE).as_posix()
        if not any(part.startswith("_") and part != "__init__.py" for part in path.relative_to(CORE).parts):
            yield relative, path


def test_every_public_function_of_the_core_is_annotated():
    problems = []
    for relative, path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, line, function, in_class in _public_functions(tree):
            missing = _unannotated(function, in_class)
            if missing:
                problems.append(f"core/{relative}:{line} {name}: no annotation on {', '.join(missing)}")
    assert not problems, "public functions of core/ without type annotations:\n" + "\n".join(problems)


def test_the_check_finds_missing_annotations():
    """The walker itself, on a known source: what it must flag and what it must leave alone."""
    source = """
def typed(a: int, *args: str, b: float = 1.0, **kw: object) -> None: ...
def untyped_param(a, b: int) -> int: ...
def untyped_return(a: int): ...
def _private(a): ...
class Public:
    def method(self, a: int) -> int: ...
    def bare(self, a): ...
    @staticmethod
    def static(a) -> None: ...
    @classmethod
    def build(cls) -> "Public": ...
    def _hidden(self, a): ...
    class Inner:
        def deep(self, x): ...
class _Private:
    def method(self, a): ...
"""
    found = {
        name: _unannotated(function, in_class) for name, _, function, in_class in _public_functions(ast.parse(source))
    }
    assert {name: missing for name, missing in found.items() if missing} == {
        "untyped_param": ["a"],
        "untyped_return": ["return"],
        "Public.bare": ["a", "return"],
        "Public.static": ["a"],
        "Public.Inner.deep": ["x", "return"],
    }
