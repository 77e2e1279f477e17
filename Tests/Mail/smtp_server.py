"""A real SMTP server on loopback for s11's mail tests (aiosmtpd), keeping every message it receives.

    python3 smtp_server.py FOLDER

Listens on 127.0.0.1 at a free port, prints "PORT n" once it is ready, and writes each message
it receives, as received, to FOLDER/NNN.eml. It stops when its standard input closes.
"""
import os
import socket
import sys
from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, "%03d.eml" % self.count)
        with open(path + ".part", "wb") as out:
            out.write(envelope.original_content or envelope.content)
        os.rename(path + ".part", path)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    port = free_port()
    controller = Controller(Keep(sys.argv[1]), hostname="127.0.0.1", port=port)
    controller.start()
    print("PORT %d" % port, flush=True)
    sys.stdin.read()
    controller.stop()
