"""A real SMTP server on a loopback port (aiosmtpd) that counts what it accepted, by
Message-ID, so the fault tests can check "delivered once, none twice" at the server."""

from __future__ import annotations

import socket
import threading
from collections import Counter
from collections.abc import Callable
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class CountingHandler:
    def __init__(self):
        self.lock = threading.Lock()
        self.accepted: Counter[str] = Counter()
        self.refuse_next = 0
        self.seen = 0
        self.before_accept: Callable[[int], bool] | None = None  # return False to refuse

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content or envelope.content)
        with self.lock:
            self.seen += 1
            if self.refuse_next > 0:
                self.refuse_next -= 1
                return "451 4.3.0 Try again later"
            if self.before_accept is not None and not self.before_accept(self.seen):
                return "451 4.3.0 Aborted"
            self.accepted[message["Message-ID"]] += 1
        return "250 2.0.0 Message accepted for delivery"

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.accepted.values())

    def duplicates(self) -> dict[str, int]:
        with self.lock:
            return {mid: n for mid, n in self.accepted.items() if n > 1}


class SmtpServer:
    """Start/stop on a fixed port, so the "server down, then up" case can be played."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.handler = CountingHandler()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
