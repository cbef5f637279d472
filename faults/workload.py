"""The suite's load and its bookkeeping: flows of mixed requests sent the way a careful client sends them (one
Idempotency-Key per action, retried on connection errors, 5xx and 409 in-flight, across the live replicas), every
answer recorded with its time, and the ids of acknowledged (2xx) submissions kept for the checks."""
import itertools
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

FOLLOW_UPS = [("CREATE_ACCESS_KEY", {}), ("GRANT_CONSOLE_ACCESS", {}), ("ADD_TO_GROUP", {"profile": "readers"}),
              ("ENROL_MFA", {})]
SETTLED = {"SUCCEEDED", "FAILED", "REJECTED", "CANCELLED", "EXPIRED", "AWAITING_MFA_CODES"}


class Answers:
    """Every HTTP answer (or its absence) the load got: time, operation, status or error, latency, replica."""

    def __init__(self):
        self.rows = []
        self.lock = threading.Lock()

    def add(self, **row):
        with self.lock:
            self.rows.append(row)

    def between(self, start, end):
        with self.lock:
            return [r for r in self.rows if start <= r["at"] < end]


class Workload:
    def __init__(self, api, replicas, answers, prefix, op_deadline=240, client_timeout=30):
        self.api = api
        self.replicas = replicas
        self.answers = answers
        self.prefix = prefix
        self.op_deadline = op_deadline
        self.client_timeout = client_timeout
        self.acknowledged = {}          # request id -> type, from 2xx submissions
        self.approved = set()           # request ids whose approval was acknowledged
        self.gave_up = []               # actions that got no final answer within op_deadline
        self.refused = []               # final answers other than 2xx: (operation, status, problem type)
        self.users = []
        self.lock = threading.Lock()
        self.turn = itertools.count()

    def base(self):
        live = [r for r in self.replicas if r.alive()]
        if not live:
            return None
        return live[next(self.turn) % len(live)].url

    def send(self, op, method, path, who, body=None):
        """Sends one action until it is answered for good; returns the final response or None."""
        key = str(uuid.uuid4())
        deadline = time.time() + self.op_deadline
        last = None
        while time.time() < deadline:
            base = self.base()
            if base is None:
                time.sleep(0.2)
                continue
            started = time.time()
            wait = 0.5
            try:
                resp = self.api.call(method, path, who, body, key=key, base=base, timeout=self.client_timeout)
            except requests.Timeout:
                self.answers.add(at=started, op=op, status="timeout", took=time.time() - started, base=base)
                continue
            except requests.ConnectionError:
                self.answers.add(at=started, op=op, status="refused", took=time.time() - started, base=base)
                time.sleep(0.2)
                continue
            kind = ""
            last = resp.status_code
            if resp.headers.get("Content-Type", "").startswith("application/problem+json"):
                kind = (resp.json().get("type") or "").rsplit(":", 1)[-1]
            self.answers.add(at=started, op=op, status=resp.status_code, took=time.time() - started, base=base,
                             problem=kind, problem_json=resp.headers.get("Content-Type", "").startswith(
                                 "application/problem+json"), retry_after=resp.headers.get("Retry-After"))
            final = resp.status_code < 300 or (400 <= resp.status_code < 500 and resp.status_code not in (409, 429)) \
                or (resp.status_code == 409 and kind != "idempotency-in-flight")
            if final:
                if resp.status_code >= 300:
                    with self.lock:
                        self.refused.append((op, resp.status_code, kind))
                return resp
            try:
                wait = min(5.0, float(resp.headers.get("Retry-After", "0.5")))
            except ValueError:
                pass
            time.sleep(wait)
        with self.lock:
            self.gave_up.append((op, path, last))
        return None

    def request(self, kind, user, **fields):
        """Submits and approves one request; returns its id, or None when either was not acknowledged."""
        resp = self.send("submit", "POST", "/v1/requests", "alice",
                         dict(type=kind, userName=user, reason="fault-injection suite", **fields))
        if resp is None or resp.status_code != 202:
            return None
        request_id = resp.json()["id"]
        with self.lock:
            self.acknowledged[request_id] = kind
        resp = self.send("approve", "POST", f"/v1/requests/{request_id}/approvals", "bob",
                         {"decision": "APPROVE", "comment": "ok"})
        if resp is None or resp.status_code != 200:
            return None
        with self.lock:
            self.approved.add(request_id)
        return request_id

    def outcome(self, request_id, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            base = self.base()
            try:
                if base:
                    status = self.api.call("GET", f"/v1/requests/{request_id}", "alice", base=base,
                                           timeout=10).json().get("status")
                    if status in SETTLED:
                        return status
            except (requests.RequestException, ValueError):
                pass
            time.sleep(1)
        return None

    def flow(self, follow_ups=True):
        """A user created, then (once it exists) a key, console access, a group and an MFA device for it."""
        user = f"{self.prefix}-{uuid.uuid4().hex[:8]}"
        with self.lock:
            self.users.append(user)
        created = self.request("CREATE_USER", user)
        if created is None or not follow_ups:
            return
        if self.outcome(created, 300) != "SUCCEEDED":
            return
        for kind, fields in FOLLOW_UPS:
            self.request(kind, user, **fields)

    def run_flows(self, count, concurrency, follow_ups=True):
        with ThreadPoolExecutor(concurrency) as pool:
            for f in [pool.submit(self.flow, follow_ups) for _ in range(count)]:
                f.result()

    def run_for(self, seconds, concurrency, follow_ups=True):
        """Starts flows back to back on `concurrency` threads for `seconds`."""
        end = time.time() + seconds

        def loop():
            while time.time() < end:
                self.flow(follow_ups)
        threads = [threading.Thread(target=loop) for _ in range(concurrency)]
        for t in threads:
            t.start()
        return threads
