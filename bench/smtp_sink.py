#!/usr/bin/env python3
"""A minimal SMTP server that accepts every message and logs it as a JSON line (time, sender, recipients,
Message-ID, Subject), for the SMTP outage drill. Standard library only (smtpd is gone from Python 3.12).

  smtp_sink.py PORT LOG.jsonl
"""
import email
import email.policy
import json
import socketserver
import sys
import threading
import time

LOCK = threading.Lock()


class Session(socketserver.StreamRequestHandler):

    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        try:
            self.converse()
        except ConnectionError:
            pass  # a client that hangs up (the drill's port probe) ends its session

    def converse(self):
        self.reply("220 sink ESMTP")
        sender, recipients = None, []
        for raw in self.rfile:
            command = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = command[:4].upper()
            if verb == "EHLO":
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 sink")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip(), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip())
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                lines = []
                for data in self.rfile:
                    if data in (b".\r\n", b".\n"):
                        break
                    lines.append(data[1:] if data.startswith(b"..") else data)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                with LOCK, open(self.server.log_path, "a") as log:
                    log.write(json.dumps({"t": time.time(), "from": sender, "to": recipients,
                                          "message_id": message["Message-ID"], "subject": message["Subject"]}) + "\n")
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            else:
                self.reply("502 not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    server = Server(("127.0.0.1", int(sys.argv[1])), Session)
    server.log_path = sys.argv[2]
    server.serve_forever()
