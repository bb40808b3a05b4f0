"""Where code written against one `magic_hour` package would break on another.

`differences(published, ours)` takes two descriptions made by helpers/sdk_surface.py and lists,
one line each, what the published package offers that ours does not, or asks for what the
published one does not:

    export BinaryResponse                          a name `magic_hour` does not export
    module helpers                                 a module of `magic_hour` we lack
    environment MOCK_SERVER                        an Environment member we lack
    resource Client v1.account                     a resource client we lack
    method Client v1.files.upload_file             a method we lack
    argument Client v1.x.create(name)              a keyword argument we refuse
    required Client v1.x.create(name)              an argument we require, the published one not
    position Client v1.x.check_result(name)        an argument the published one takes at this
                                                   place in a call by position, ours not
    params V1XCreateBodyAssets                     a TypedDict we lack
    key V1XCreateBody.name                         a TypedDict key we lack
    required-key V1XCreateBody.name                a key we require, the published one not
    model V1XCreateResponse                        a response model we lack
    field V1XCreateResponse.frame_cost             a model field we lack

The published SDK's resources and names that the specs do not describe are expected here; the
list of those we accept, each with its reason, is tests/fixtures/published-sdk-differences.txt.
"""

from __future__ import annotations

from typing import Any


def differences(published: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    found: list[str] = []
    found += [f"export {name}" for name in published["exports"] if name not in ours["exports"]]
    found += [f"module {name}" for name in published["modules"] if name not in ours["modules"]]
    found += [
        f"environment {name}"
        for name in published["environments"]
        if name not in ours["environments"]
    ]
    for flavour, tree in published["clients"].items():
        found += client_differences(flavour, tree, ours["clients"][flavour])
    found += keyed_differences(published["params"], ours["params"], "params", "key")
    found += keyed_differences(published["models"], ours["models"], "model", "field")
    return found


def client_differences(flavour: str, published: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for path, methods in published.items():
        if path not in ours:
            found.append(f"resource {flavour} {path}")
            continue
        for method, arguments in methods.items():
            where = f"{flavour} {path}.{method}"
            if method not in ours[path]:
                found.append(f"method {where}")
                continue
            accepted = ours[path][method]["arguments"]
            given = arguments["arguments"]
            found += [
                f"argument {where}({name})"
                for name in given
                if name != "**" and name not in accepted and "**" not in accepted
            ]
            found += [
                f"required {where}({name})"
                for name, required in accepted.items()
                if required and not given.get(name, False)
            ]
            places = ours[path][method]["positional"]
            found += [
                f"position {where}({name})"
                for index, name in enumerate(arguments["positional"])
                if index >= len(places) or places[index] != name
            ]
    return found


def keyed_differences(
    published: dict[str, Any], ours: dict[str, Any], kind: str, part: str
) -> list[str]:
    """TypedDicts (their keys) or models (their fields): each published one must be ours too,
    with every key or field; a key ours requires must be required in the published one."""
    found: list[str] = []
    for name, keys in published.items():
        if name not in ours:
            found.append(f"{kind} {name}")
            continue
        found += [f"{part} {name}.{key}" for key in keys if key not in ours[name]]
        if kind == "params":
            found += [
                f"required-key {name}.{key}"
                for key, required in ours[name].items()
                if required and not keys.get(key, False)
            ]
    return found
