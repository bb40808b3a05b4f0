"""What code written against a `magic_hour` package can touch, as JSON on stdout.

Run as a script (`python tests/helpers/sdk_surface.py`) in a process whose `magic_hour` is the
package to describe: the published SDK from its own folder, or ours. Both packages have the
same name, so each is described in a process of its own and the two descriptions compared
(tests/test_published_sdk.py).

The description names, for the package's top level, its client tree, its request TypedDicts and
its response models, what a caller uses: exported names, attribute paths to resource clients,
methods with their keyword arguments (which are required), TypedDict keys (which are
required) and model fields.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
import typing_extensions
from typing import Any

METHOD_KINDS = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


def method_arguments(method: Any) -> dict[str, Any]:
    """A method's keyword arguments, each with whether it is required (`**` if it takes any),
    and the names of those that may be given by position, in order."""
    arguments: dict[str, Any] = {}
    positional = []
    for name, parameter in inspect.signature(method).parameters.items():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            arguments["**"] = False
        elif parameter.kind in METHOD_KINDS:
            arguments[name] = parameter.default is inspect.Parameter.empty
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            positional.append(name)
    return {"arguments": arguments, "positional": positional}


def is_resource(value: object) -> bool:
    return type(value).__module__.startswith("magic_hour.resources")


def client_tree(client: object, path: str, tree: dict[str, Any]) -> None:
    """Every resource client reachable from `client` by attributes, with its public methods."""
    methods = {}
    for name in sorted(dir(type(client))):
        if name.startswith("_"):
            continue
        member = inspect.getattr_static(type(client), name)
        if isinstance(member, property) or not callable(member):
            value = getattr(client, name)
            if is_resource(value):
                client_tree(value, f"{path}.{name}" if path else name, tree)
        else:
            methods[name] = method_arguments(getattr(client, name))
    for name, value in sorted(vars(client).items()):
        if not name.startswith("_") and is_resource(value):
            client_tree(value, f"{path}.{name}" if path else name, tree)
    if path:
        tree[path] = methods


def typed_dicts(package: str) -> dict[str, Any]:
    """Each TypedDict of the package's `types.params`, with its keys and which are required."""
    module = importlib.import_module(package)
    found: dict[str, Any] = {}
    for name in sorted(getattr(module, "__all__", dir(module))):
        value = getattr(module, name)
        if isinstance(value, type) and typing_extensions.is_typeddict(value):
            keys = value.__required_keys__ | value.__optional_keys__
            found[name] = {key: key in value.__required_keys__ for key in sorted(keys)}
    return found


def models(package: str) -> dict[str, Any]:
    """Each pydantic model of the package's `types.models`, with its fields' Python names."""
    module = importlib.import_module(package)
    found: dict[str, Any] = {}
    for name in sorted(getattr(module, "__all__", dir(module))):
        value = getattr(module, name)
        fields = getattr(value, "model_fields", None)
        if isinstance(value, type) and isinstance(fields, dict):
            found[name] = {field: info.is_required() for field, info in fields.items()}
    return found


def describe() -> dict[str, Any]:
    import magic_hour

    clients: dict[str, Any] = {}
    for flavour in ("Client", "AsyncClient"):
        tree: dict[str, Any] = {}
        client_tree(getattr(magic_hour, flavour)(token="surface"), "", tree)
        clients[flavour] = tree
    modules = {info.name for info in pkgutil.iter_modules(magic_hour.__path__)}
    return {
        "file": magic_hour.__file__,
        "exports": sorted(getattr(magic_hour, "__all__", [])),
        "modules": sorted(modules),
        "environments": sorted(member.name for member in magic_hour.Environment),
        "clients": clients,
        "params": typed_dicts("magic_hour.types.params"),
        "models": models("magic_hour.types.models"),
    }


if __name__ == "__main__":
    json.dump(describe(), sys.stdout, indent=1, sort_keys=True)
