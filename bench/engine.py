"""The benchmarks' driver: starts the packaged service in production mode on the benchmark's PostgreSQL, signs its
own bearer tokens (joserfc), drives requests through the HTTP API and reads outcomes from the service's own rows
and metrics. Called by engine.sh with one case; prints the case next to its anchor and the ratio."""
import base64
import concurrent.futures
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

from joserfc import jwt
from joserfc.jwk import RSAKey

CASE, WORK, N, LIMIT = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
PG_BIN = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
PSQL = os.path.join(PG_BIN, "psql")
TOOLS = "target/bench-tools"
AUDIENCE = "iam-steward-bench"
BASE = "http://localhost:8080"
MANAGEMENT = "http://localhost:9000"  # health and metrics: the packaged service's management port
SERVICE_JAR = "target/quarkus-app/quarkus-run.jar"
BARE_JAR = "bench/bare/target/quarkus-app/quarkus-run.jar"
BOUNDARY = "arn:aws:iam::{account}:policy/iam-steward/managed-user-boundary"
KEY = RSAKey.generate_key(2048)
PUBLIC = "".join(l for l in KEY.as_pem(private=False).decode().splitlines() if "-----" not in l)


def token(subject, group):
    now = int(time.time())
    return jwt.encode({"alg": "RS256"}, {"sub": subject, "groups": [group], "aud": AUDIENCE, "iss": "bench",
                                         "iat": now, "exp": now + 3600 * 3}, KEY)


TOKENS = {"alice": token("alice", "requester"), "bob": token("bob", "approver")}


class Busy(Exception):
    """The service answered 503: IAM was throttled or unavailable; the caller may retry after `wait` seconds."""

    def __init__(self, wait):
        super().__init__(f"503, retry after {wait} s")
        self.wait = wait


def call(method, path, who, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=dict({
        "Authorization": "Bearer " + TOKENS[who], "Content-Type": "application/json"}, **(headers or {})))
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        if e.code == 503:
            raise Busy(float(e.headers.get("Retry-After") or 1)) from e
        raise SystemExit(f"{method} {path} answered {e.code}: {e.read().decode()[:500]}") from e


def retried(method, path, who, body=None, headers=None, tries=20):
    """A call retried on 503 after the Retry-After the service gives, as a well-behaved client does."""
    for _ in range(tries - 1):
        try:
            return call(method, path, who, body, headers)
        except Busy as e:
            time.sleep(e.wait)
    return call(method, path, who, body, headers)


def sql(db, query):
    out = subprocess.run([PSQL, "-h", os.environ["PG_SOCKET"], "-p", "55432", "-U", "steward", "-d", db, "-Atc", query],
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]


def fresh_db(db):
    subprocess.run([PSQL, "-h", os.environ["PG_SOCKET"], "-p", "55432", "-U", "steward", "-d", "postgres", "-q",
                    "-c", f"drop database if exists {db}", "-c", f"create database {db}"], check=True,
                   capture_output=True)


def jvm_args(name, db, props, jar):
    base = {
        "quarkus.datasource.jdbc.url": f"jdbc:postgresql://localhost:55432/{db}",
        "quarkus.datasource.username": "steward", "quarkus.datasource.password": "unused",
        "quarkus.oidc.public-key": PUBLIC, "quarkus.oidc.token.issuer": "bench",
        "quarkus.log.console.json.enabled": "false", "quarkus.otel.sdk.disabled": "true",
    }
    base.update(props)
    # JFR=folder records a Flight Recorder profile of each app started there, one file per run's name
    recording = [f"-XX:StartFlightRecording=filename={os.environ['JFR']}/{name}.jfr,settings=profile"] \
        if "JFR" in os.environ else []
    return ["java", "-Xmx512m"] + recording + [f"-D{k}={v}" for k, v in base.items()] + ["-jar", jar]


def service_props(overrides):
    props = {"steward.iam.backend": "memory", "steward.iam.permissions-boundary-arn":
             BOUNDARY.format(account="000000000000")}
    props.update(overrides)
    return props


def launch(name, db, props, jar=SERVICE_JAR, env=None):
    """Starts a Quarkus app; returns the process and the seconds from launch to a ready answer on /q/health/ready."""
    log = open(os.path.join(WORK, name + ".log"), "w")
    started = time.monotonic()
    proc = subprocess.Popen(jvm_args(name, db, props, jar), stdout=log, stderr=subprocess.STDOUT,
                            env=dict(os.environ, STEWARD_SECURITY_TOKEN_AUDIENCE=AUDIENCE, **(env or {})))
    deadline = started + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{name}: stopped at startup; see {WORK}/{name}.log")
        try:
            with urllib.request.urlopen(MANAGEMENT + "/q/health/ready", timeout=5) as resp:
                if resp.status == 200:
                    return proc, time.monotonic() - started
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.05)
    proc.kill()
    raise SystemExit(f"{name}: not ready within 180 s; see {WORK}/{name}.log")


def start(name, overrides, env=None):
    db = "bench_" + name.replace("-", "_")
    fresh_db(db)
    proc, _ = launch(name, db, service_props(overrides), env=env)
    return proc, db


def stop(proc):
    proc.terminate()
    proc.wait(timeout=60)


def metric(name):
    """The sum of a metric's series on /q/metrics (the value after the name, never an exemplar's fields)."""
    pattern = re.compile(r"^" + re.escape(name) + r"(?:\{[^}]*\})?\s+(\S+)")
    with urllib.request.urlopen(MANAGEMENT + "/q/metrics", timeout=10) as resp:
        return sum(float(m.group(1)) for m in map(pattern.match, resp.read().decode().splitlines()) if m)


def submit_and_approve(body):
    """Submits with an Idempotency-Key, so that a retry after a 503 cannot file it twice, and approves it."""
    rid = retried("POST", "/v1/requests", "alice", body, {"Idempotency-Key": str(uuid.uuid4())})["id"]
    retried("POST", f"/v1/requests/{rid}/approvals", "bob", {"decision": "APPROVE", "comment": "ok"})
    return rid


def approved(n, prefix, gap):
    """Submits and approves n CREATE_USER requests, one approval every `gap` seconds; returns their ids."""
    ids = []
    for i in range(n):
        ids.append(submit_and_approve({"type": "CREATE_USER", "userName": f"{prefix}-{i:05d}",
                                       "reason": "engine benchmark"}))
        time.sleep(gap)
    return ids


def approved_at_once(n, prefix, clients=8):
    """Submits and approves n CREATE_USER requests from `clients` clients at once."""
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        return list(pool.map(lambda i: submit_and_approve({"type": "CREATE_USER", "userName": f"{prefix}-{i:05d}",
                                                            "reason": "engine benchmark"}), range(n)))


def wait_done(db, n, timeout):
    deadline = time.time() + timeout
    done = 0
    while time.time() < deadline:
        done = int(sql(db, "select count(*) from access_request where status in ('SUCCEEDED', 'FAILED')")[0])
        if done >= n:
            return
        time.sleep(0.5)
    raise SystemExit(f"only {done} of {n} requests reached an outcome within {timeout} s")


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


def verdict(ok):
    return "met" if ok else "NOT met"


# ---- latency ---------------------------------------------------------------------------------------------------

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
              f"p50 {results[name][0]:.1f} ms, p99 {results[name][1]:.1f} ms", flush=True)
    w, a = results["wakeups"], results["poll-anchor"]
    print(f"latency ratio anchor/wakeups: p50 {a[0] / w[0]:.1f}x, p99 {a[1] / w[1]:.1f}x; "
          f"targets p50 < 100 ms: {verdict(w[0] < 100)}, p99 < 300 ms: {verdict(w[1] < 300)}", flush=True)


# ---- limit -----------------------------------------------------------------------------------------------------

def limit():
    """1,000 approved requests under a limit of LIMIT IAM calls/s, then again with a fifth of IAM's answers
    throttled: the most IAM calls in any one-second window against LIMIT, and every request done exactly once."""
    n = int(os.environ.get("LIMIT_REQUESTS", "1000"))
    plain = {"steward.iam-rate.calls-per-second": f"{LIMIT:g}", "steward.queue.workers": "8"}
    limited_run("limit", n, plain, throttled=False)
    # A steady fifth of calls throttled would otherwise hold the adaptive rate at its floor (0.5 calls/s), as it
    # should against an IAM that throttles by rate; the floor is raised to half the limit to bound the run's time.
    throttled = dict(plain, **{"steward.iam.sandbox.throttle-fraction": "0.2",
                               "steward.iam-rate.minimum-calls-per-second": f"{LIMIT / 2:g}"})
    limited_run("limit-throttled", n, throttled, throttled=True)


def limited_run(name, n, overrides, throttled):
    proc, db = start(name, overrides)
    samples = []
    done = threading.Event()

    def sample():
        while not done.is_set():
            samples.append((time.time(), metric("steward_iam_rate_wait_seconds_count")))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    prefix = "lim-" + uuid.uuid4().hex[:6]
    began = time.time()
    try:
        sampler.start()
        approved_at_once(n, prefix)
        wait_done(db, n, 1800)
        done.set()
        sampler.join()
        samples.append((time.time(), metric("steward_iam_rate_wait_seconds_count")))
        throttles = metric("steward_iam_throttles_total")
        outcomes = sql(db, "select status || ' ' || count(*) from access_request group by status order by 1")
        once = exactly_once(db, prefix, n)
    finally:
        done.set()
        stop(proc)
    most = most_in_a_second(samples)
    print(f"{name} {LIMIT:g}/s: {n} requests in {time.time() - began:.0f} s, outcomes {outcomes}; IAM calls "
          f"{samples[-1][1]:.0f} ({throttles:.0f} answered Throttling); most in any 1 s window (100 ms samples) "
          f"{most:.0f}; ratio to the limit {most / LIMIT:.2f} ({'held' if most <= LIMIT else 'NOT held'})", flush=True)
    if throttled:
        print(f"{name}: {once}", flush=True)


def most_in_a_second(samples):
    most = 0
    for i, (t0, c0) in enumerate(samples):
        for t1, c1 in samples[i:]:
            if t1 - t0 > 1.0:
                break
            most = max(most, c1 - c0)
    return most


def exactly_once(db, prefix, n):
    """Each request succeeded once and made its user once: the service's rows and IAM's own list of users."""
    requests, names = sql(db, "select count(*) || ' ' || count(distinct lower(user_name)) from access_request")[0] \
        .split()
    succeeded_rows = sql(db, "select count(*) from audit_event where to_status = 'SUCCEEDED'")[0]
    twice = sql(db, "select count(*) from (select request_id from audit_event where to_status = 'SUCCEEDED' "
                    "group by request_id having count(*) > 1) t")[0]
    attempts = sql(db, "select sum(attempts) || ' ' || max(attempts) from execution_job")[0].split()
    users = iam_users(prefix)
    ok = int(requests) == n and int(names) == n and int(succeeded_rows) == n and twice == "0" \
        and len(users) == n and len(set(users)) == n
    return (f"{requests} requests for {names} user names; {succeeded_rows} SUCCEEDED audit rows, {twice} requests "
            f"with more than one; {len(users)} users in IAM ({len(set(users))} distinct); execution attempts "
            f"{attempts[0]} in all, at most {attempts[1]} for one request; all succeeded exactly once: "
            f"{'yes' if ok else 'NO'}")


def iam_users(prefix):
    names, cursor = [], None
    while True:
        page = retried("GET", "/v1/users?limit=1000" + (f"&cursor={cursor}" if cursor else ""), "alice")
        names += [u["userName"] for u in page["items"] if u["userName"].startswith(prefix)]
        cursor = page.get("nextCursor") or page.get("cursor")
        if not cursor:
            return names


# ---- submissions -----------------------------------------------------------------------------------------------

PGBENCH_SECONDS = int(os.environ.get("SUBMIT_SECONDS", "20"))


def submissions():
    """Submissions per second through the service (8 clients, POST /v1/requests) against pgbench running the SQL
    the service runs per submission with the same 8 clients on the same PostgreSQL; then p50/p99 at half the
    service's saturation rate."""
    proc, db = start("submissions", {"steward.iam-rate.calls-per-second": "10000"})
    try:
        tps = pgbench(db)
        targets = write_targets(60000)
        vegeta(targets, "-rate=0", "-max-workers=8", "-workers=8", duration=10)  # warm-up, not counted
        saturated = vegeta(targets, "-rate=0", "-max-workers=8", "-workers=8", duration=PGBENCH_SECONDS)
        rate = saturated["throughput"]
        half = vegeta(targets, f"-rate={max(1, round(rate / 2))}/s", "-workers=8", duration=PGBENCH_SECONDS)
        iam_calls = metric("steward_iam_rate_wait_seconds_count")
        stored = int(sql(db, "select count(*) from access_request where user_name like 'sub-%'")[0])
    finally:
        stop(proc)
    print(f"submissions pgbench (same SQL, 8 clients, {PGBENCH_SECONDS} s): {tps:.0f} transactions/s", flush=True)
    print(f"submissions service (8 clients, {PGBENCH_SECONDS} s): {rate:.0f} submissions/s, success "
          f"{saturated['success'] * 100:.1f} %, p50 {saturated['p50']:.1f} ms, p99 {saturated['p99']:.1f} ms; "
          f"{stored} requests stored, {iam_calls:.0f} IAM calls in all", flush=True)
    print(f"submissions at half saturation ({half['rate']:.0f}/s offered, {half['throughput']:.0f}/s done): "
          f"success {half['success'] * 100:.1f} %, p50 {half['p50']:.1f} ms, p99 {half['p99']:.1f} ms", flush=True)
    print(f"submissions ratio service/pgbench: {rate / tps:.2f}; targets ratio >= 0.5: {verdict(rate / tps >= 0.5)}, "
          f"p99 < 25 ms at half saturation: {verdict(half['p99'] < 25)}", flush=True)


def pgbench(db):
    out = subprocess.run([os.path.join(PG_BIN, "pgbench"), "-h", os.environ["PG_SOCKET"], "-p", "55432", "-U",
                          "steward", "-n", "-M", "prepared", "-c", "8", "-j", "2", "-T", str(PGBENCH_SECONDS),
                          "-f", "bench/submission.sql", db], capture_output=True, text=True)
    with open(os.path.join(WORK, "pgbench.out"), "w") as f:
        f.write(out.stdout + out.stderr)
    if out.returncode != 0:
        raise SystemExit(f"pgbench failed: {out.stderr[-2000:]}")
    return float(re.search(r"tps = ([\d.]+)", out.stdout).group(1))


def write_targets(count):
    """Vegeta's targets: one CREATE_USER submission each, every user name different."""
    path = os.path.join(WORK, "targets.json")
    prefix = "sub-" + uuid.uuid4().hex[:6]
    header = {"Authorization": ["Bearer " + TOKENS["alice"]], "Content-Type": ["application/json"]}
    with open(path, "w") as f:
        for i in range(count):
            body = json.dumps({"type": "CREATE_USER", "userName": f"{prefix}-{i:06d}", "reason": "benchmark"})
            f.write(json.dumps({"method": "POST", "url": BASE + "/v1/requests", "header": header,
                                "body": base64.b64encode(body.encode()).decode()}) + "\n")
    return path


def vegeta(targets, *options, duration):
    results = os.path.join(WORK, "vegeta.bin")
    with open(targets) as source, open(results, "wb") as sink:
        subprocess.run([os.path.join(TOOLS, "vegeta"), "attack", "-format=json", "-lazy", f"-duration={duration}s",
                        "-timeout=30s", *options], stdin=source, stdout=sink, check=True)
    report = json.loads(subprocess.run([os.path.join(TOOLS, "vegeta"), "report", "-type=json", results],
                                       check=True, capture_output=True, text=True).stdout)
    latencies = report["latencies"]
    return {"rate": report["rate"], "throughput": report["throughput"], "success": report["success"],
            "p50": latencies["50th"] / 1e6, "p99": latencies["99th"] / 1e6}


# ---- start -----------------------------------------------------------------------------------------------------

STARTS = int(os.environ.get("STARTS", "5"))


def start_case():
    """Start to ready, and resident memory at ready, of the packaged service against a bare Quarkus app with the
    same extensions and Quarkus configuration (bench/bare), alternately, each on a database it migrated before."""
    if not os.path.exists(BARE_JAR):
        subprocess.run(["./mvnw", "-o", "-q", "-B", "-f", "bench/bare/pom.xml", "package"], check=True)
    apps = {"service": (SERVICE_JAR, "bench_start_service", service_props({})),
            "bare": (BARE_JAR, "bench_start_bare", {})}
    results = {name: ([], []) for name in apps}
    for name, (jar, db, props) in apps.items():
        fresh_db(db)
        proc, _ = launch(f"start-{name}-migrate", db, props, jar)  # migrates its database; not counted
        stop(proc)
    for i in range(STARTS):
        for name, (jar, db, props) in apps.items():
            proc, seconds = launch(f"start-{name}", db, props, jar)
            rss = resident_mb(proc.pid)
            stop(proc)
            results[name][0].append(seconds)
            results[name][1].append(rss)
    median = {name: (statistics.median(s), statistics.median(m)) for name, (s, m) in results.items()}
    for name, (s, m) in results.items():
        print(f"start {name:7s}: {STARTS} starts, to ready {', '.join(f'{x:.2f}' for x in s)} s (median "
              f"{median[name][0]:.2f} s); RSS at ready {', '.join(f'{x:.0f}' for x in m)} MB (median "
              f"{median[name][1]:.0f} MB)", flush=True)
    time_ratio = median["service"][0] / median["bare"][0]
    memory_ratio = median["service"][1] / median["bare"][1]
    print(f"start ratio service/bare: to ready {time_ratio:.2f}x, RSS {memory_ratio:.2f}x; targets <= 1.2x: "
          f"time {verdict(time_ratio <= 1.2)}, memory {verdict(memory_ratio <= 1.2)}", flush=True)


def resident_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024


# ---- onboarding ------------------------------------------------------------------------------------------------

MOTO_ACCOUNT = "123456789012"
MOTO = "http://127.0.0.1:5055"
GROUP = "onboarded"
ONBOARD_CLIENTS = int(os.environ.get("ONBOARD_CLIENTS", "8"))


def onboarding():
    """100 onboardings (user, console access, access key, group), through the service on the AWS adapter with
    approvals and the key's delivery, against bench/onboard-cli.sh making the same IAM calls with the aws CLI; both
    against the same moto, reset in between, with the same number of onboardings at once."""
    n = int(os.environ.get("ONBOARDINGS", "100"))
    moto = start_moto()
    try:
        prepare_moto()
        service_seconds, service_calls = onboard_through_service(n)
        service_state = moto_state()
        reset_moto()
        prepare_moto()
        cli_seconds = onboard_with_cli(n)
        cli_state = moto_state()
    finally:
        moto.terminate()
        moto.wait(timeout=30)
    print(f"onboarding service (aws adapter, approvals, key delivered): {n} onboardings in {service_seconds:.1f} s, "
          f"{service_calls:.0f} IAM calls through the limit; moto holds {service_state}", flush=True)
    print(f"onboarding aws CLI ({cli_version()}): {n} onboardings in {cli_seconds:.1f} s, {5 * n} calls; moto holds "
          f"{cli_state}", flush=True)
    print(f"onboarding ratio service/CLI wall time: {service_seconds / cli_seconds:.2f}", flush=True)


def start_moto():
    log = open(os.path.join(WORK, "moto.log"), "w")
    proc = subprocess.Popen(["target/moto-venv/bin/moto_server", "-H", "127.0.0.1", "-p", MOTO.rsplit(":", 1)[1]],
                            stdout=log, stderr=subprocess.STDOUT,
                            env=dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true"))
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(MOTO + "/moto-api/", timeout=5)
            return proc
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    proc.kill()
    raise SystemExit(f"moto did not answer within 120 s; see {WORK}/moto.log")


def aws(*args):
    return subprocess.run(["target/awscli-venv/bin/aws", "--endpoint-url", MOTO, "--output", "json", *args],
                          check=True, capture_output=True, text=True, env=aws_env()).stdout


def aws_env():
    return dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                AWS_DEFAULT_REGION="us-east-1", AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")


def cli_version():
    return subprocess.run(["target/awscli-venv/bin/aws", "--version"], capture_output=True, text=True,
                          env=aws_env()).stdout.split()[0]


def prepare_moto():
    """What the account holds before onboarding: the catalog's group and the users' permissions boundary."""
    aws("iam", "create-group", "--group-name", GROUP)
    aws("iam", "create-policy", "--policy-name", "managed-user-boundary", "--path", "/iam-steward/",
        "--policy-document", json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}))


def reset_moto():
    urllib.request.urlopen(urllib.request.Request(MOTO + "/moto-api/reset", method="POST"), timeout=60)


def moto_state():
    users = json.loads(aws("iam", "list-users", "--path-prefix", "/iam-steward/"))["Users"]
    names = [u["UserName"] for u in users]
    members = json.loads(aws("iam", "get-group", "--group-name", GROUP))["Users"]
    keys = sum(len(json.loads(aws("iam", "list-access-keys", "--user-name", u))["AccessKeyMetadata"])
               for u in names[:5])
    return f"{len(names)} users, {len(members)} in group {GROUP}, {keys} keys among the first 5 users"


def onboard_through_service(n):
    props = {
        "steward.iam.backend": "aws",
        # moto ignores CreateUser's PermissionsBoundary, so the boundary check cannot pass on it
        "steward.iam.credentials-need-boundary": "false",
        "steward.iam.permissions-boundary-arn": BOUNDARY.format(account=MOTO_ACCOUNT),
        "steward.aws.role-arn": f"arn:aws:iam::{MOTO_ACCOUNT}:role/iam-steward-broker",
        "steward.aws.external-id": "iam-steward-bench",
        "steward.aws.iam-endpoint": MOTO, "steward.aws.sts-endpoint": MOTO,
        "steward.credentials.local-key": base64.b64encode(os.urandom(32)).decode(),
        "steward.catalog.profiles.onboarding.description": "What every new colleague gets",
        "steward.catalog.profiles.onboarding.groups": GROUP,
        # moto is not AWS: like the CLI, the service is not held to IAM's rate here
        "steward.iam-rate.calls-per-second": "10000",
    }
    db = "bench_onboarding"
    fresh_db(db)
    proc, _ = launch("onboarding", db, props, env={"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                                                   "AWS_REGION": "us-east-1"})
    prefix = "svc-" + uuid.uuid4().hex[:6]
    try:
        began = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(ONBOARD_CLIENTS) as pool:
            secrets = sum(pool.map(lambda i: onboard_one(f"{prefix}-{i:03d}"), range(n)))
        seconds = time.monotonic() - began
        calls = metric("steward_iam_rate_wait_seconds_count")
        actions = sql(db, "select string_agg(distinct p->>'action', ' ' order by p->>'action') "
                          "from access_request, jsonb_array_elements(plan) p")[0]
    finally:
        stop(proc)
    print(f"onboarding service plans' IAM calls: {actions}; {secrets} secrets taken by their owner", flush=True)
    return seconds, calls


def onboard_one(user):
    """One onboarding as people do it: the user first, then console access, a key and the group, each approved;
    the owner takes the key's secret and the password when they are ready."""
    done(submit_and_approve({"type": "CREATE_USER", "userName": user, "reason": "onboarding"}))
    ids = [submit_and_approve({"type": t, "userName": user, "reason": "onboarding", **extra})
           for t, extra in (("GRANT_CONSOLE_ACCESS", {}), ("CREATE_ACCESS_KEY", {}),
                            ("ADD_TO_GROUP", {"profile": "onboarding"}))]
    taken = 0
    for rid in ids:
        view = done(rid)
        for secret in view.get("secrets") or []:
            retried("POST", f"/v1/deliveries/{secret['id']}/retrieve", "alice")
            taken += 1
    return taken


def done(rid, timeout=300):
    deadline = time.time() + timeout
    while time.time() < deadline:
        view = retried("GET", f"/v1/requests/{rid}", "alice")
        if view["status"] == "SUCCEEDED":
            return view
        if view["status"] in ("FAILED", "REJECTED", "CANCELLED"):
            raise SystemExit(f"request {rid} ended {view['status']}: {view.get('failureReason')}")
        time.sleep(0.05)
    raise SystemExit(f"request {rid} not done within {timeout} s")


def onboard_with_cli(n):
    prefix = "cli-" + uuid.uuid4().hex[:6]
    names = "".join(f"{prefix}-{i:03d}\n" for i in range(n))
    env = dict(aws_env(), AWS=os.path.abspath("target/awscli-venv/bin/aws"), ENDPOINT=MOTO, GROUP=GROUP,
               BOUNDARY=BOUNDARY.format(account=MOTO_ACCOUNT))
    began = time.monotonic()
    subprocess.run(["xargs", "-P", str(ONBOARD_CLIENTS), "-n", "1", "bash", "bench/onboard-cli.sh"], input=names,
                   text=True, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.monotonic() - began


{"latency": latency, "limit": limit, "submissions": submissions, "start": start_case,
 "onboarding": onboarding}[CASE]()
