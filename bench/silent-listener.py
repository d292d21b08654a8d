#!/usr/bin/env python3
"""A loopback TCP port that accepts connections and never answers: a hung server.

    silent-listener.py PORT_FILE [SECONDS]

Listens on 127.0.0.1 only, on a free port that it writes to PORT_FILE; accepts every
connection, keeps it open and never reads or writes. Exits after SECONDS (default 300),
so a benchmark that dies cannot leave it behind for long.
"""
import os
import selectors
import socket
import sys
import time


def main():
    port_file = sys.argv[1]
    lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 300.0
    deadline = time.monotonic() + lifetime

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    with open(port_file + ".tmp", "w") as out:
        out.write(str(listener.getsockname()[1]))
    # Renamed into place so that a reader never sees a half-written number.
    os.replace(port_file + ".tmp", port_file)

    held = []
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    while (left := deadline - time.monotonic()) > 0:
        for _key, _events in selector.select(timeout=min(left, 1.0)):
            connection, _address = listener.accept()
            held.append(connection)


if __name__ == "__main__":
    main()
