"""Where the client sends its requests."""

import enum


class Environment(enum.Enum):
    """The API servers: the production API, and the local mock server for offline work."""

    ENVIRONMENT = "https://api.magichour.ai"
    MOCK_SERVER = "http://127.0.0.1:4010"
