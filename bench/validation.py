"""How long the client takes to check one `animation.create` request against the spec.

Microseconds per check (median of several timed runs); `make bench` runs it.

    python bench/validation.py [--json]
"""

from __future__ import annotations

import statistics
import timeit

from common import Row, report

from magic_hour.core import validation
from magic_hour.resources.v1.animation.client import _CREATE_BODY_RULE

BODY = {
    "name": "My Animation video",
    "fps": 12,
    "end_seconds": 15,
    "height": 960,
    "width": 512,
    "style": {
        "art_style": "Painterly Illustration",
        "art_style_custom": "string",
        "camera_effect": "Simple Zoom In",
        "prompt_type": "custom",
        "prompt": "Cyberpunk city",
        "transition_speed": 5,
    },
    "assets": {
        "audio_source": "file",
        "audio_file_path": "api-assets/id/1234.mp3",
        "youtube_url": "string",
        "image_file_path": "api-assets/id/1234.png",
    },
}


def main() -> None:
    def check() -> None:
        validation.check_request(
            parameters=None, parameters_rule=None, body=BODY, body_rule=_CREATE_BODY_RULE
        )

    number = 20_000
    runs = [timeit.timeit(check, number=number) / number * 1e6 for _ in range(7)]
    report([Row("validate one animation.create body", statistics.median(runs), "µs")])


if __name__ == "__main__":
    main()
