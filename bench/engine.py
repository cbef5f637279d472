"""The engine benchmarks' driver: starts the packaged service in production mode on the benchmark's PostgreSQL,
signs its own bearer tokens (joserfc), drives requests through the HTTP API and reads the outcome from the
service's audit rows. Called by engine.sh; prints each case next to its anchor and the ratio."""
import json
import os
import statistics
import subprocess
import re
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

from joserfc import jwt
from joserfc.jwk import RSAKey

CASE, WORK, N, LIMIT = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
PSQL = os.path.join(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"), "psql")
AUDIENCE = "iam-steward-bench"
BASE = "http://localhost:8080"
COUNT = re.compile(r"^steward_iam_rate_wait_seconds_count(?:\{[^}]*\})?\s+(\S+)")
KEY = RSAKey.generate_key(2048)
PUBLIC = "".join(l for l in KEY.as_pem(private=False).decode().splitlines() if "-----" not in l)


def token(subject, group):
    now = int(time.time())
    return jwt.encode({"alg": "RS256"}, {"sub": subject, "groups": [group], "aud": AUDIENCE, "iss": "bench",
                                         "iat": now, "exp": now + 3600}, KEY)


TOKENS = {"alice": token("alice", "requester"), "bob": token("bob", "approver")}


def call(method, path, who, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method, headers={
        "Authorization": "Bearer " + TOKENS[who], "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def sql(db, query):
    out = subprocess.run([PSQL, "-h", os.environ["PG_SOCKET"], "-p", "55432", "-U", "steward", "-d", db, "-Atc", query],
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]


def start(name, overrides):
    db = "bench_" + name.replace("-", "_")
    subprocess.run([PSQL, "-h", os.environ["PG_SOCKET"], "-p", "55432", "-U", "steward", "-d", "postgres", "-q",
                    "-c", f"drop database if exists {db}", "-c", f"create database {db}"], check=True,
                   capture_output=True)
    props = {
        "quarkus.datasource.jdbc.url": f"jdbc:postgresql://localhost:55432/{db}",
        "quarkus.datasource.username": "steward", "quarkus.datasource.password": "unused",
        "steward.iam.backend": "memory",
        "steward.iam.permissions-boundary-arn": "arn:aws:iam::000000000000:policy/iam-steward/managed-user-boundary",
        "quarkus.oidc.public-key": PUBLIC, "quarkus.oidc.token.issuer": "bench",
        "quarkus.log.console.json.enabled": "false", "quarkus.otel.sdk.disabled": "true",
    }
    props.update(overrides)
    args = ["java", "-Xmx512m"] + [f"-D{k}={v}" for k, v in props.items()] + [
        "-jar", "target/quarkus-app/quarkus-run.jar"]
    log = open(os.path.join(WORK, name + ".log"), "w")
    proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT,
                            env=dict(os.environ, STEWARD_SECURITY_TOKEN_AUDIENCE=AUDIENCE))
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{name}: the service stopped at startup; see {WORK}/{name}.log")
        try:
            with urllib.request.urlopen(BASE + "/q/health/ready", timeout=5) as resp:
                if resp.status == 200:
                    return proc, db
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"{name}: not ready within 180 s; see {WORK}/{name}.log")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=60)


def approved(n, prefix, gap):
    """Submits and approves n CREATE_USER requests, one approval every `gap` seconds; returns their ids."""
    ids = []
    for i in range(n):
        rid = call("POST", "/v1/requests", "alice", {"type": "CREATE_USER", "userName": f"{prefix}-{i:05d}",
                                                     "reason": "engine benchmark"})["id"]
        call("POST", f"/v1/requests/{rid}/approvals", "bob", {"decision": "APPROVE", "comment": "ok"})
        ids.append(rid)
        time.sleep(gap)
    return ids


def wait_done(db, n, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = int(sql(db, "select count(*) from access_request where status in ('SUCCEEDED', 'FAILED')")[0])
        if done >= n:
            return
        time.sleep(0.5)
    raise SystemExit(f"only {done} of {n} requests reached an outcome within {timeout} s")


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


def latency():
    """Approval -> outcome of a CREATE_USER: wake-ups against the anchor, the same jar polling every second with
    one worker and no wake-ups (how the engine ran before)."""
    # The IAM call limit is lifted here: at its default (10 calls/s per account, about five calls per CREATE_USER)
    # the queue would build up behind it, and this case would measure the limit, not the engine.
    unlimited = {"steward.iam-rate.calls-per-second": "10000"}
    runs = [("wakeups", dict(unlimited)),
            ("poll-anchor", dict(unlimited, **{"steward.queue.listen": "false", "steward.queue.poll-interval": "1s",
                                               "steward.queue.workers": "1"}))]
    results = {}
    for name, overrides in runs:
        proc, db = start(name, overrides)
        try:
            approved(N, "lat-" + uuid.uuid4().hex[:6], 0.05)
            wait_done(db, N, 600)
            ms = [float(v) for v in sql(db, """
                select extract(epoch from s.occurred_at - a.occurred_at) * 1000 from audit_event a
                join audit_event s on s.request_id = a.request_id and s.to_status = 'SUCCEEDED'
                where a.to_status = 'APPROVED'""")]
            failed = sql(db, "select count(*) from access_request where status <> 'SUCCEEDED'")[0]
        finally:
            stop(proc)
        results[name] = (pct(ms, 50), pct(ms, 99))
        print(f"latency {name:12s}: {len(ms)} approvals -> SUCCEEDED, not succeeded {failed}; "
              f"p50 {results[name][0]:.1f} ms, p99 {results[name][1]:.1f} ms")
    w, a = results["wakeups"], results["poll-anchor"]
    print(f"latency ratio anchor/wakeups: p50 {a[0] / w[0]:.1f}x, p99 {a[1] / w[1]:.1f}x; "
          f"targets p50 < 100 ms: {'met' if w[0] < 100 else 'NOT met'}, p99 < 300 ms: "
          f"{'met' if w[1] < 300 else 'NOT met'}")


def limit():
    """1,000 approved requests under a limit of LIMIT IAM calls/s: the service's own count of IAM calls (the
    limiter's wait timer, one per call), sampled every 100 ms; the most in any one-second window, against LIMIT."""
    n = max(N, 1000)
    proc, db = start("limit", {"steward.iam-rate.calls-per-second": str(LIMIT), "steward.queue.workers": "8"})
    samples = []
    done = threading.Event()

    def sample():
        while not done.is_set():
            samples.append((time.time(), calls_made()))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    try:
        sampler.start()
        approved(n, "lim-" + uuid.uuid4().hex[:6], 0)
        wait_done(db, n, 3600)
        done.set()
        sampler.join()
        samples.append((time.time(), calls_made()))
        outcomes = sql(db, "select status || ' ' || count(*) from access_request group by status order by 1")
    finally:
        done.set()
        stop(proc)
    most = 0
    for i, (t0, c0) in enumerate(samples):
        for t1, c1 in samples[i:]:
            if t1 - t0 > 1.0:
                break
            most = max(most, c1 - c0)
    print(f"limit {LIMIT:g}/s: {n} requests, outcomes {outcomes}; IAM calls {samples[-1][1]:.0f} in "
          f"{samples[-1][0] - samples[0][0]:.1f} s; most in any 1 s window (100 ms samples) {most:.0f}; "
          f"ratio to the limit {most / LIMIT:.2f} ({'held' if most <= LIMIT else 'NOT held'})")


def calls_made():
    with urllib.request.urlopen(BASE + "/q/metrics", timeout=10) as resp:
        total = 0.0
        for line in resp.read().decode().splitlines():
            # name{labels} value, then perhaps an exemplar: the value is the field after the name.
            match = COUNT.match(line)
            if match:
                total += float(match.group(1))
        return total


{"latency": latency, "limit": limit}[CASE]()
