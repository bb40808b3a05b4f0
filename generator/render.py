"""Stage 3: the intermediate representation through the Jinja2 templates, into file texts.

Runtime code that does not depend on the spec lives in `templates/runtime/` and is copied
as is; everything else comes from a template. The result maps each output path (relative,
POSIX) to its text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from generator.views.cli import COMMANDS_FILE, build_cli, cli_json, cli_page
from generator.views.docs import build_docs, relative_link
from generator.views.mock import MOCK_DESCRIPTION_FILE, mock_json
from generator.views.python import PyApi
from generator.views.python.model import PyResource
from generator.views.python.source import laid_out_assignment, python_literal, wrapped_literal
from generator.views.surface import SURFACE_FILE, surface_json

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
PYTEST_PLUGIN = "pytest_plugin.py"


def render(api: PyApi, overrides: Path | None = None) -> dict[str, str]:
    """`overrides`: a folder laid out as `templates/`, whose files replace the built-in ones of the
    same path (a Jinja2 template or a runtime module) and whose other runtime files are added."""
    folders = [overrides, TEMPLATES_DIR] if overrides is not None else [TEMPLATES_DIR]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters["literal"] = python_literal
    environment.filters["wrapped_literal"] = wrapped_literal
    environment.globals["laid_out_assignment"] = laid_out_assignment

    def render_one(template: str, **context: object) -> str:
        return environment.get_template(template).render(api=api, **context)

    package = api.package
    docs = build_docs(api)
    cli = build_cli(api)
    cli_doc = cli_page(cli)
    files: dict[str, str] = {
        "pyproject.toml": render_one("pyproject.toml.j2", cli=cli),
        "README.md": render_one("README.md.j2", docs=docs, cli=cli_doc),
        cli_doc.path: render_one(
            "cli.md.j2", page=cli_doc, package_readme=relative_link(cli_doc.path, "README.md")
        ),
        docs.offline.path: render_one("testing.md.j2", docs=docs, page=docs.offline),
        docs.webhooks.path: render_one("webhooks.md.j2", docs=docs, page=docs.webhooks),
        # The surface as data: what `--changes` compares the specs with.
        SURFACE_FILE: surface_json(api),
        # The API as the shipped mock server serves it.
        f"{package}/{MOCK_DESCRIPTION_FILE}": mock_json(api.ir),
        # The command line's commands, arguments and flags, which its runtime builds from.
        f"{package}/{COMMANDS_FILE}": cli_json(cli),
        f"{package}/cli/__init__.py": render_one("cli_init.py.j2", cli=cli),
        f"{package}/cli/__main__.py": render_one("cli_main.py.j2", cli=cli),
        f"{package}/__init__.py": render_one("package_init.py.j2"),
        f"{package}/client.py": render_one("client.py.j2"),
        f"{package}/conventions.py": render_one("conventions.py.j2"),
        f"{package}/environment.py": render_one("environment.py.j2"),
        f"{package}/errors.py": render_one("errors.py.j2"),
        f"{package}/resources/__init__.py": '"""The API\'s resources, one package each."""\n',
        f"{package}/types/__init__.py": '"""Request (`params`) and response (`models`) types."""\n',
        f"{package}/types/{api.webhooks_module}.py": render_one("webhooks.py.j2"),
        f"{package}/types/params/__init__.py": render_one(
            "types_init.py.j2",
            kind="params",
            classes=api.params_classes,
            doc="Request body types (TypedDicts).",
        ),
        f"{package}/types/models/__init__.py": render_one(
            "types_init.py.j2",
            kind="models",
            classes=api.model_classes,
            doc="Response types (pydantic models).",
        ),
    }
    for resource in api.resources:
        files.update(_resource_files(resource, render_one))
    for page in docs.resource_pages:
        files[page.path] = render_one(
            "resource_readme.md.j2", page=page, package_readme=relative_link(page.path, "README.md")
        )
    for types_page in docs.types_pages:
        files[types_page.path] = render_one(
            "types_readme.md.j2",
            page=types_page,
            package_readme=relative_link(types_page.path, "README.md"),
        )
    for params in api.params_classes:
        files[f"{package}/types/params/{params.module}.py"] = render_one(
            "params_class.py.j2", cls=params
        )
    for model in api.model_classes:
        files[f"{package}/types/models/{model.module}.py"] = render_one(
            "model_class.py.j2", cls=model
        )

    # The built-in runtime first, so that an override's file of the same path replaces it.
    for folder in reversed(folders):
        # The pytest plugin sits beside the package, so that pytest loading it at start-up
        # costs nothing until a test asks for one of its fixtures.
        plugin = folder / PYTEST_PLUGIN
        if plugin.is_file():
            files[f"_{package}_pytest.py"] = plugin.read_text(encoding="utf-8")
        runtime = folder / "runtime"
        for source in sorted(
            p for p in runtime.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        ):
            files[f"{package}/{source.relative_to(runtime).as_posix()}"] = source.read_text(
                encoding="utf-8"
            )
    return dict(sorted(files.items()))


def _resource_files(resource: PyResource, render_one: Callable[..., str]) -> dict[str, str]:
    return {
        f"{resource.directory}/__init__.py": render_one("resource_init.py.j2", resource=resource),
        f"{resource.directory}/client.py": render_one("resource_client.py.j2", resource=resource),
    }
