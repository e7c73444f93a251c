"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd): each accepted message is written to a folder
as one .eml file, with the envelope's recipients in an X-Envelope-To header. A recipient whose address contains "refuse"
is refused for good (550); while a file named TEMPFAIL is in the folder, every message is refused for now (451).
Usage: smtp_sink.py PORT FOLDER — prints READY once listening; stops on SIGTERM."""
import os
import signal
import sys
import threading
import time
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "refuse" in address.lower():
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if os.path.exists(os.path.join(self.folder, "TEMPFAIL")):
            return "451 4.3.0 Try again later"
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(("X-Envelope-To: " + ",".join(envelope.rcpt_tos) + "\r\n").encode("ascii"))
            f.write(envelope.original_content)
        os.rename(temporary, os.path.join(self.folder, name + ".eml"))
        return "250 Message accepted"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    print("READY", flush=True)
    stopped.wait()
    controller.stop()


if __name__ == "__main__":
    main()
