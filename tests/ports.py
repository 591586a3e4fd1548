"""A free loopback port for the servers tests start (stand-in Bot API webhooks, PostgreSQL, Chroma)."""

from __future__ import annotations

import socket


def free_port() -> int:
    """Ask the kernel for an unused port on 127.0.0.1 (another process could take it before use; rare)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
