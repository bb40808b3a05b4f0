"""Stage 2: the intermediate representation, the API in the generator's own terms.

`build_ir` reads the loaded spec once: the builders (schemas, operations, workflows, webhook
events) share one `Context` and each builds its objects whole. What it cannot take is a SpecError with one
located line per problem.
"""

from __future__ import annotations

from generator.ir.context import Context
from generator.ir.model import Api, Resource
from generator.ir.operations import OperationBuilder, resource_for
from generator.ir.schemas import SchemaBuilder
from generator.ir.webhooks import build_webhook_events
from generator.ir.workflows import build_workflows
from generator.load import HTTP_METHODS, LoadedSpec
from generator.problems import Problem, SpecError


def build_ir(spec: LoadedSpec) -> Api:
    """The intermediate representation of the loaded spec; raises SpecError on what it cannot take."""
    context = Context(spec)
    builder = OperationBuilder(context, SchemaBuilder(context))
    document = spec.document
    root = Resource(segment="", words=())
    operations = []
    for path in sorted(document.paths or {}):
        item = document.paths[path]
        for verb in HTTP_METHODS:
            operation = getattr(item, verb)
            if operation is None:
                continue
            built = builder.operation(path, verb, operation, item)
            if built is not None:
                resource_for(root, path).operations.append(built)
                operations.append(built)
    workflows = build_workflows(context, root)
    webhook_events = build_webhook_events(context, builder)
    if context.problems:
        raise SpecError(context.problems)
    servers = document.servers or []
    return Api(
        title=document.info.title,
        version=document.info.version,
        description=(document.info.description or "").strip(),
        base_url=servers[0].url if servers else "http://localhost",
        root=root,
        operations=operations,
        workflows=workflows,
        error_statuses=sorted({status for op in operations for status in op.error_statuses}),
        warnings=sorted(set(context.warnings), key=Problem.sort_key),
        webhook_events=webhook_events,
    )
