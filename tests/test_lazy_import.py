"""`import magic_hour` loads what a client needs and nothing more; every public name still
imports. Each check runs in a fresh interpreter, so no other test's imports count."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import magic_hour
import magic_hour.core.progress
import magic_hour.errors

# Printed by a fresh interpreter: the modules it has loaded once the lines before have run.
LOADED = "import json, sys; print(json.dumps(sorted(sys.modules)))"
# What a Client must not bring with it: the resources and their pydantic models, the error
# subclasses, webhooks, generate's machinery and the offline kit.
NOT_WITH_A_CLIENT = (
    "magic_hour.resources",
    "magic_hour.types",
    "magic_hour.errors",
    "magic_hour.conventions",
    "magic_hour.core.webhooks",
    "magic_hour.core.workflow",
    "magic_hour.core.downloads",
    "magic_hour.core.assets",
    "magic_hour.core.polling",
    "magic_hour.core.progress",
    "magic_hour.mock",
    "magic_hour.testing",
)


def loaded_after(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\n{LOADED}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    modules: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return modules


def test_a_client_loads_no_resource_model_or_error_class() -> None:
    modules = loaded_after("import magic_hour; magic_hour.Client(token='key')")
    assert "magic_hour.client" in modules
    unwanted = [m for m in modules if m.startswith(NOT_WITH_A_CLIENT)]
    assert unwanted == []
    # pydantic.main holds BaseModel: loaded, some model class was built.
    assert "pydantic.main" not in modules


def test_a_resource_and_its_models_load_on_first_use() -> None:
    modules = loaded_after(
        "import magic_hour; magic_hour.Client(token='key').v1.ai_image_generator"
    )
    assert "magic_hour.resources.v1.ai_image_generator.client" in modules
    assert "magic_hour.types.models.v1_ai_image_generator_create_response" in modules
    # Only the resources asked for, and those they return.
    assert "magic_hour.resources.v1.ai_video_generator.client" not in modules


def test_every_public_name_imports_as_before() -> None:
    for name in magic_hour.__all__:
        value = getattr(magic_hour, name)
        if name in ("Progress", "ProgressCallback"):
            assert value is getattr(magic_hour.core.progress, name)
        elif name not in ("Client", "AsyncClient", "Environment"):
            assert value is getattr(magic_hour.errors, name), name
    assert set(magic_hour.__all__) <= set(dir(magic_hour))
    star: dict[str, object] = {}
    exec("from magic_hour import *", star)
    assert set(magic_hour.__all__) <= set(star)


def test_names_and_submodules_import_from_a_fresh_interpreter() -> None:
    # What code written for the published SDK, and for earlier versions of this one, says.
    code = (
        "import magic_hour\n"
        "from magic_hour import Client, AsyncClient, Environment, NotFoundError, Progress\n"
        "from magic_hour import conventions\n"
        "from magic_hour.types import models, params\n"
        "assert magic_hour.errors.NotFoundError is NotFoundError\n"
        "assert magic_hour.MagicHourError is magic_hour.core.errors.MagicHourError\n"
        "assert conventions.SCHEDULES['image'].first > 0\n"
        "assert models.V1AiImageGeneratorCreateResponse\n"
    )
    assert "magic_hour.errors" in loaded_after(code)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchName"):
        magic_hour.NoSuchName  # type: ignore[attr-defined]
