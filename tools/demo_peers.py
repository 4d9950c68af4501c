#!/usr/bin/python3
"""The demo's stand-ins for the outside world, on loopback only.

- an SMTP server (Debian's python3-aiosmtpd) that files every email into the Maildir
  DIR/mail and prints one line per message;
- a WhatsApp/SMS gateway that checks the HMAC-SHA256 signature aduan puts on each request
  and appends the message to DIR/gateway.log, printing it too.

tools/run starts it and points aduan at it; read the mail with any Maildir reader, or
`ls DIR/mail/new`.
"""
import argparse
import hashlib
import hmac
import json
import mailbox
import os
import signal
import sys
import threading
import time
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


class MailHandler:
    def __init__(self, maildir):
        self.box = mailbox.Maildir(maildir, create=True)

    async def handle_DATA(self, server, session, envelope):
        self.box.add(envelope.content)
        msg = message_from_bytes(envelope.content, policy=policy.default)
        print(f"mail  to {', '.join(envelope.rcpt_tos)}: {msg['Subject']}", flush=True)
        return "250 OK"


def gateway_handler(secret, log_path):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            stamp = self.headers.get("X-Aduan-Timestamp", "")
            expected = "sha256=" + hmac.new(secret.encode(), stamp.encode() + b"." + body,
                                            hashlib.sha256).hexdigest()
            if not hmac.compare_digest(expected, self.headers.get("X-Aduan-Signature", "")):
                self.send_response(401)
                self.end_headers()
                return
            message = json.loads(body)
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps(message, ensure_ascii=False) + "\n")
            print(f"{message['channel']:5} to {message['to']}: {message['text']}", flush=True)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--smtp-port", type=int, default=2525)
    parser.add_argument("--gateway-port", type=int, default=9025)
    parser.add_argument("--secret", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    smtp = Controller(MailHandler(os.path.join(args.dir, "mail")), hostname="127.0.0.1",
                      port=args.smtp_port)
    smtp.start()
    http = ThreadingHTTPServer(("127.0.0.1", args.gateway_port),
                               gateway_handler(args.secret, os.path.join(args.dir, "gateway.log")))
    threading.Thread(target=http.serve_forever, daemon=True).start()
    print(f"demo mailbox: {args.dir}/mail (SMTP 127.0.0.1:{args.smtp_port}); "
          f"demo gateway: {args.dir}/gateway.log (http://127.0.0.1:{args.gateway_port}/send)",
          flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    http.shutdown()
    smtp.stop()


if __name__ == "__main__":
    sys.exit(main())
