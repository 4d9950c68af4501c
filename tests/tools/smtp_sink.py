#!/usr/bin/python3
"""A real SMTP server for aduan's tests (Debian's python3-aiosmtpd).

Every accepted message becomes one JSON line in --log: its Message-ID, recipients, subject
and the decoded body. A repeat of a Message-ID already accepted is acknowledged but logged
as a duplicate, the way a receiver drops repeats. Faults on request: --refuse N answers
"451 try again later" to the first N messages, --delay S waits S seconds before answering.
The listening port is written to --port-file once the server accepts connections.
"""
import argparse
import asyncio
import email
import email.policy
import json
import signal
import socket
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, log_path, refuse, delay):
        self.log_path = log_path
        self.refuse = refuse
        self.delay = delay
        self.seen = set()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message_id = str(msg.get("Message-ID", "")).strip("<>")
        body = msg.get_body(preferencelist=("plain",))
        record = {
            "message_id": message_id,
            "to": envelope.rcpt_tos,
            "from": envelope.mail_from,
            "subject": str(msg.get("Subject", "")),
            "event": str(msg.get("X-Aduan-Event", "")),
            "body": body.get_content() if body else "",
            "duplicate": message_id in self.seen,
            "at": time.time(),
        }
        self.seen.add(message_id)
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--log", required=True)
    parser.add_argument("--refuse", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0)
    args = parser.parse_args()
    port = args.port or free_port()
    controller = Controller(Sink(args.log, args.refuse, args.delay), hostname="127.0.0.1", port=port)
    controller.start()
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(str(port))
        import os
        os.replace(args.port_file + ".tmp", args.port_file)
    stop = asyncio.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.is_set():
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    controller.stop()


if __name__ == "__main__":
    main()
