"""A small HTTP proxy in front of moto's IAM, for the fault-injection suite.

    proxy.py PORT TARGET_URL

Passes every call through until told otherwise on POST /faults-proxy/mode with a JSON body:
  {"slow": {"actions": ["CreateAccessKey"] or ["*"], "seconds": 15}}  the call reaches moto and takes effect; its
                                                                       answer comes `seconds` later (a slow IAM)
  {"stall": true}   calls are held, not forwarded, until {"stall": false}; then each held call is dropped without an
                    answer and without reaching moto (IAM unreachable: no effect)
  {}                back to passing through
GET /faults-proxy/stats answers counts per action and status; every call is also one JSON line on stdout."""
import http.client
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PORT, TARGET = int(sys.argv[1]), urlsplit(sys.argv[2])
HOP = {"host", "content-length", "connection", "expect", "transfer-encoding", "upgrade", "keep-alive"}
CONTROL = "/faults-proxy/"
state = {"slow": None, "stall": False}
stall_lifted = threading.Condition()
stats = {}
lock = threading.Lock()
out = threading.Lock()


def count(action, outcome):
    with lock:
        stats.setdefault(action, {}).setdefault(outcome, 0)
        stats[action][outcome] += 1


def emit(record):
    with out:
        sys.stdout.write(json.dumps(record) + "\n")
        sys.stdout.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith(CONTROL):
            with lock:
                body = json.dumps({"mode": state, "calls": stats}).encode()
            return self.answer(200, body)
        self.forward(b"")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith(CONTROL + "mode"):
            mode = json.loads(body or b"{}")
            with stall_lifted:
                state["slow"] = mode.get("slow")
                state["stall"] = bool(mode.get("stall"))
                stall_lifted.notify_all()
            return self.answer(200, b"ok")
        self.forward(body)

    def answer(self, status, body, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def forward(self, body):
        form = parse_qs(body.decode(errors="replace"))
        action = form.get("Action", [""])[0]
        user = form.get("UserName", form.get("VirtualMFADeviceName", [""]))[0] \
            or form.get("SerialNumber", [""])[0].rsplit("/", 1)[-1]
        started = time.time()
        record = {"at": round(started, 3), "action": action, "user": user}
        with stall_lifted:
            held = state["stall"]
            while state["stall"]:
                stall_lifted.wait()
        if held:
            count(action, "dropped")
            record.update(outcome="dropped", held=round(time.time() - started, 1))
            emit(record)
            self.close_connection = True
            return
        connection = http.client.HTTPConnection(TARGET.hostname, TARGET.port, timeout=120)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
        connection.request(self.command, self.path, body=body, headers=headers)
        reply = connection.getresponse()
        payload = reply.read()
        slow = state["slow"]
        if slow and ("*" in slow["actions"] or action in slow["actions"]):
            time.sleep(slow["seconds"])
            record["slowed"] = slow["seconds"]
        record.update(outcome=reply.status)
        count(action, str(reply.status))
        try:
            self.answer(reply.status, payload,
                        [(k, v) for k, v in reply.getheaders() if k.lower() not in HOP])
            record["answered"] = True
        except OSError:
            record["answered"] = False
            self.close_connection = True
        emit(record)
        connection.close()


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that went away (a killed replica) is part of the suite


Server(("127.0.0.1", PORT), Handler).serve_forever()
