"""Webhook events: the webhook reference's `webhooks` map, each event's body and payload.

Each event is a POST the API sends to the user's endpoint; its request body is the event,
`{"type": <its name>, "payload": <the project>}`, an object schema built as a response's. Its
kind and the status that fires it come from its name (`<kind>.<phase>`, conventions.py).
"""

from __future__ import annotations

import dataclasses

from generator import conventions
from generator.ir.context import Context
from generator.ir.examples import example_value
from generator.ir.model import WebhookEvent
from generator.ir.operations import OperationBuilder
from generator.load import WEBHOOKS, Pointer
from generator.naming import words


def build_webhook_events(context: Context, builder: OperationBuilder) -> list[WebhookEvent]:
    """Every event of the loaded webhook documents, by name; problems go to the context."""
    spec = context.spec
    events = []
    for name in sorted(spec.webhooks):
        item = spec.webhooks[name]
        file = spec.webhook_files[name]
        base: Pointer = (WEBHOOKS, name, "post")
        if item.post is None or item.post.requestBody is None:
            message = f"webhook '{name}': an event is a 'post' with a request body (the event)"
            context.problem(file, (WEBHOOKS, name), message, key=True)
            continue
        built = builder.request_body(
            file, (*base, "requestBody"), item.post.requestBody, (*words(name), "event"), part=()
        )
        if built is None:
            continue
        body = built[0]
        payload = next(
            (f for f in body.fields if f.wire_name == conventions.WEBHOOK_PAYLOAD_FIELD), None
        )
        if payload is None or payload.schema.object is None:
            message = (
                f"webhook '{name}': the event needs a '{conventions.WEBHOOK_PAYLOAD_FIELD}'"
                " object with properties"
            )
            context.problem(file, (*base, "requestBody", "content"), message, key=True)
            continue
        kind, _, phase = name.partition(".")
        status = conventions.WEBHOOK_PHASES.get(phase)
        lifecycle = kind in conventions.PROJECT_TAGS.values() and status is not None
        example = example_value(body, complete=True)
        example[conventions.WEBHOOK_TYPE_FIELD] = name
        project = example.get(conventions.WEBHOOK_PAYLOAD_FIELD)
        if lifecycle and isinstance(project, dict) and "status" in project:
            # The reference's payload examples all say `complete`; an event's project is in
            # the status that fired it.
            project["status"] = status
        events.append(
            WebhookEvent(
                name=name,
                kind=kind if lifecycle else None,
                phase=phase if lifecycle else None,
                status=status if lifecycle else None,
                summary=(item.post.summary or "").strip(),
                description=(item.post.description or "").strip(),
                tags=list(item.post.tags or []),
                body=body,
                payload=dataclasses.replace(payload.schema, nullable=False),
                example=example,
                file=file,
                location=context.locate(file, (WEBHOOKS, name), key=True),
            )
        )
    return events
