"""`generate`: its own arguments, steps, example and docstring, from the IR's workflow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator import conventions
from generator.ir.examples import example_value
from generator.ir.model import InputFile, Schema, Workflow
from generator.views.python.docstrings import with_examples
from generator.views.python.figures import POLL_FIGURES, WAIT_FIGURES
from generator.views.python.model import PyArgument, PyHelperDoc
from generator.views.python.source import python_literal

# What an input-file field of `generate`'s request classes says on top of the spec's words.
LOCAL_FILE_NOTE = (
    "`generate` also takes the path of a local file here: it uploads it first. A URL, or a path"
    f" in the API's storage (`{conventions.STORAGE_PREFIX}...`), is sent as it is."
)
# The arguments `generate` takes on top of `create`'s: (name, annotation, default, description).
WORKFLOW_ARGUMENTS = (
    (
        "wait_for_completion",
        "bool",
        "True",
        "Wait until the project is complete, errored or canceled.",
    ),
    ("download_outputs", "bool", "True", "Download the outputs of a complete project."),
    (
        "download_directory",
        'typing.Union[str, "os.PathLike[str]", None]',
        "None",
        "Where to save the outputs (default: the current directory); created if missing."
        " An existing file is never replaced: a taken name gets a `-1`, `-2`, ... suffix.",
    ),
    (
        "wait_timeout",
        "typing.Optional[float]",
        "None",
        f"Seconds to wait for the project before GenerationTimeoutError (default: {WAIT_FIGURES}).",
    ),
    (
        "poll_interval",
        "typing.Optional[float]",
        "None",
        f"Seconds between the first status checks, backing off from there (default: {POLL_FIGURES}).",
    ),
    (
        "on_progress",
        "typing.Optional[ProgressCallback]",
        "None",
        "Called with a `Progress` on each status change and as each chunk of an output is saved.",
    ),
)
# Names `generate` uses itself: its own arguments and the locals of its body.
GENERATE_NAMES = frozenset(
    {name for name, *_ in WORKFLOW_ARGUMENTS} | {"workflow", "uploaded", "created"}
)
_WAIT = "`wait_timeout`"


def steps(workflow: Workflow, create_path: str, getter_path: str) -> list[str]:
    fields = ", ".join(f"`{_field_path(f.path)}`" for f in workflow.input_files)
    uploads = [
        f"Uploads each local file given in {fields}"
        f" (URLs and `{conventions.STORAGE_PREFIX}...` paths pass through)."
    ]
    return [
        *(uploads if workflow.input_files else []),
        f"Creates the project with `{create_path}.create`.",
        f"Polls `{getter_path}.get` until the project is complete, errored or canceled.",
        "Downloads its outputs to `download_directory`.",
    ]


def example_call(
    access_path: str,
    arguments: list[PyArgument],
    input_files: list[InputFile],
    python_keys: Callable[[Any, Schema], Any],
) -> str:
    """The `create` example with local files where the spec shows uploaded ones: uploading them
    is what `generate` adds."""
    lines = []
    for argument in arguments:
        example = argument.example
        paths = [f.path[1:] for f in input_files if f.path[0] == argument.wire_name]
        value = example_value(argument.schema) if paths and argument.location == "body" else None
        if value is not None:
            local = with_local_files(value, paths)
            example = python_literal(python_keys(local, argument.schema))
        if example is not None:
            lines.append(f"    {argument.py_name}={example},")
    for keyword in ("wait_for_completion=True", "download_outputs=True"):
        lines.append(f"    {keyword},")
    lines.append('    download_directory="outputs",')
    return f"{access_path}.generate(\n" + "\n".join(lines) + "\n)"


def docstrings(
    summary: str,
    generate_steps: list[str],
    endpoint: str,
    create_method: str,
    result_model: str,
    call: str,
) -> tuple[str, str]:
    """The sync and async docstrings of `generate`. The arguments and errors it shares with
    `create` (`create_method`, the sync client's) are documented there, once."""
    title = f"{' '.join(summary.split()) or 'generate'}: create, wait for the result, download it."
    parts = [
        title,
        "\n".join(f"{n}. {step}" for n, step in enumerate(generate_steps, 1)),
        endpoint,
        f"Takes the arguments of `{create_method}` (documented there), and these.",
    ]
    lines = ["Args:"]
    for name, _, _, text in WORKFLOW_ARGUMENTS:
        lines.append(f"    {name}: {text}")
    lines.append(
        "    request_options: Additional options for each request (timeout, retries, headers)."
    )
    parts.append("\n".join(lines))
    parts.append(
        f"Returns:\n    {result_model}: the project as last fetched; `downloaded_paths`"
        " lists the saved files (None when nothing was downloaded). A project that ends in"
        " `error` or `canceled` is returned too: check `status` and `error`."
    )
    raises = [
        "Raises:",
        "    RequestValidationError: an argument breaks the spec, or a local file is missing or"
        " of a type the API does not take; nothing was sent.",
        "    UploadError: a local file could not be uploaded; no project was created.",
        f"    GenerationTimeoutError: the project did not finish within {_WAIT}.",
        "    DownloadError: an output could not be downloaded; no partial file is left.",
        "    GenerationInterrupted: Ctrl-C while waiting; it carries the project id.",
        f"    APIStatusError: as `{create_method}` raises it, or the project's get.",
        "    GenerationError: anything else failed once the project existed (an `on_progress`"
        " that raises, say); the original is its `__cause__`. Every error raised after the"
        " create carries `project_id` and names the `check_result` call that resumes it.",
    ]
    parts.append("\n".join(raises))
    sync_method = f"{create_method.rpartition('.')[0]}.generate"
    return with_examples("\n\n".join(parts), title, call, sync_method)


def check_result_doc(
    access_path: str,
    class_name: str,
    id_argument: str,
    result_model: str,
    example_id: str,  # Python source
    getter_endpoint: str,
) -> PyHelperDoc:
    """`check_result`: `generate`'s waiting and downloading, for a project that exists already
    (made elsewhere, or before an interruption)."""
    by_name = {name: (default, text) for name, _, default, text in WORKFLOW_ARGUMENTS}
    arguments: list[tuple[str, str | None, str]] = [
        (id_argument, None, f"The project's id (`{id_argument}` of the get).")
    ]
    arguments += [(name, default, text) for name, (default, text) in by_name.items()]
    return helper_doc(
        name="check_result",
        summary="Check on a project by its id: wait until it is done, download its outputs.",
        details=(
            "For a project `generate` created and did not see through (it was interrupted, or"
            " ran out of `wait_timeout`), or one created some other way."
        ),
        endpoint=getter_endpoint,
        then="until done",
        arguments=arguments,
        returns=(
            result_model,
            "the project as last fetched; `downloaded_paths` lists the saved files (None when"
            " nothing was downloaded).",
        ),
        raises=[
            ("GenerationTimeoutError", f"the project did not finish within {_WAIT}."),
            ("DownloadError", "an output could not be downloaded; no partial file is left."),
            ("GenerationInterrupted", "Ctrl-C while waiting; it carries the project id."),
            ("NotFoundError", "no project has this id."),
        ],
        # The spec's example project exists on the mock server; its outputs are the spec's URLs.
        example_call=(
            f"{access_path}.check_result({id_argument}={example_id}," " download_outputs=False)"
        ),
        sync_method=f"{class_name}.check_result",
    )


def upload_file_doc(access_path: str, class_name: str, uploader_endpoint: str) -> PyHelperDoc:
    return helper_doc(
        name="upload_file",
        summary=(
            "Upload one file to the API's storage; returns the `file_path` to put in an"
            " input-file field."
        ),
        details="",
        endpoint=uploader_endpoint,
        then="then `PUT` the file to the URL it gives",
        arguments=[
            (
                "file",
                None,
                "A local file: its path (a `str` or path-like), its bytes, or a binary file"
                " object. A URL, or a path already in the API's storage, is returned as it is.",
            )
        ],
        returns=("str", "the file's path in the API's storage."),
        raises=[
            (
                "RequestValidationError",
                "the file is missing, or of a type the API does not take; nothing was sent.",
            ),
            ("UploadError", "the file could not be uploaded."),
        ],
        example_call=f'{access_path}.upload_file("path/to/image.png")',
        sync_method=f"{class_name}.upload_file",
    )


def helper_doc(
    *,
    name: str,
    summary: str,
    details: str,
    endpoint: str,
    then: str,
    arguments: list[tuple[str, str | None, str]],
    returns: tuple[str, str],
    raises: list[tuple[str, str]],
    example_call: str,
    sync_method: str,
) -> PyHelperDoc:
    """The facts, and the docstrings written from them."""
    lines = [f"    {argument}: {text}" for argument, _, text in arguments]
    lines.append(
        "    request_options: Additional options for each request (timeout, retries, headers)."
    )
    parts = [
        summary,
        *([details] if details else []),
        "Args:\n" + "\n".join(lines),
        f"Returns:\n    {returns[0]}: {returns[1]}",
        "Raises:\n" + "\n".join(f"    {error}: {when}" for error, when in raises),
    ]
    docstring, async_docstring = with_examples(
        "\n\n".join(parts), summary.partition(":")[0].partition(";")[0], example_call, sync_method
    )
    return PyHelperDoc(
        name=name,
        summary=summary,
        details=details,
        endpoint=endpoint,
        then=then,
        arguments=arguments,
        returns=returns,
        raises=raises,
        example_call=example_call,
        docstring=docstring,
        async_docstring=async_docstring,
    )


def _field_path(path: tuple[str, ...]) -> str:
    """An input file's place in the body as a reader writes it: `assets.face_mappings[].new_face`."""
    return ".".join(path).replace(".[]", "[]")


# Where the examples' local input files are: `path/to/1234.png` for `api-assets/id/1234.png`.
LOCAL_FOLDER = "path/to/"


def with_local_files(value: Any, paths: list[tuple[str, ...]]) -> Any:
    """`value` with each storage path (`api-assets/id/1234.png`) at one of `paths` made a local
    file name (`path/to/1234.png`)."""
    if any(path == () for path in paths):
        if isinstance(value, str) and value.startswith(conventions.STORAGE_PREFIX):
            return LOCAL_FOLDER + value.rpartition("/")[2]
        return value
    if isinstance(value, list):
        inner = [path[1:] for path in paths if path[0] == "[]"]
        return [with_local_files(item, inner) for item in value]
    if isinstance(value, dict):
        return {
            key: with_local_files(item, [p[1:] for p in paths if p[0] == key])
            for key, item in value.items()
        }
    return value
