"""The production-like stack, one piece per class: a private PostgreSQL 15 cluster, moto as IAM (and STS), the
faults proxy in front of moto, the packaged service in production mode (one or more replicas), and a local token
issuer whose public key the service trusts. Used by local_run.py and by the fault-injection driver."""
import base64
import json
import os
import signal
import subprocess
import sys
import time
import uuid

import boto3
import requests
from joserfc import jwt
from joserfc.jwk import RSAKey

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PG_BIN = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
ACCOUNT = "123456789012"
AUDIENCE = "iam-steward-local"
ISSUER = "iam-steward-local-issuer"
BOUNDARY = f"arn:aws:iam::{ACCOUNT}:policy/iam-steward/managed-user-boundary"
GROUP = "fault-readers"
AWS_ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1"}


def wait_until(what, condition, timeout, every=0.2):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if condition():
                return
        except (requests.RequestException, OSError, subprocess.CalledProcessError):
            pass
        time.sleep(every)
    raise RuntimeError(f"{what}: not within {timeout} s")


class Postgres:
    """A cluster of its own under `work`, trust authentication, superuser `steward`; run as `postgres` when root."""

    def __init__(self, work, port):
        self.data = os.path.join(work, "pg")
        self.sock = os.path.join(work, "pg-sock")
        self.port = port
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def init(self):
        subprocess.run(["rm", "-rf", self.data, self.sock], check=True)
        os.makedirs(self.data)
        os.makedirs(self.sock)
        if self.as_user:
            subprocess.run(["chown", "postgres", self.data, self.sock], check=True)
        self._run("initdb", "-D", self.data, "-U", "steward", "--auth=trust")
        self.start()

    def start(self):
        self._run("pg_ctl", "-D", self.data, "-o", f"-p {self.port} -k {self.sock} -c max_connections=200",
                  "-l", os.path.join(self.sock, "pg.log"), "-w", "start")

    def stop(self, mode="fast"):
        self._run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop", check=False)

    def restart(self):
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "restart", "-o",
                  f"-p {self.port} -k {self.sock} -c max_connections=200")

    def sql(self, query, db="steward"):
        out = subprocess.run([os.path.join(PG_BIN, "psql"), "-h", self.sock, "-p", str(self.port), "-U", "steward",
                              "-d", db, "-AtF", "\t", "-c", query], check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def create_database(self, db):
        self.sql(f"drop database if exists {db}", db="postgres")
        self.sql(f"create database {db}", db="postgres")

    def _run(self, tool, *args, check=True):
        subprocess.run(self.as_user + [os.path.join(PG_BIN, tool), *args], check=check, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)


class Moto:
    """moto_server from the pinned virtualenv, with AWS's managed policies loaded (GRANT_CONSOLE_ACCESS attaches
    IAMUserChangePassword), and what the service expects to find there: the boundary policy and a group."""

    def __init__(self, work, port):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = os.path.join(work, "moto.log")
        self.proc = None

    def start(self):
        exe = os.path.join(os.path.dirname(sys.executable), "moto_server")
        env = dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true", **AWS_ENV)
        self.proc = subprocess.Popen([exe, "-H", "127.0.0.1", "-p", str(self.port)], env=env,
                                     stdout=open(self.log, "w"), stderr=subprocess.STDOUT)
        wait_until("moto answering", lambda: requests.get(self.url + "/moto-api/", timeout=5).ok, 120)
        iam = self.iam()
        iam.create_policy(PolicyName="managed-user-boundary", Path="/iam-steward/", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}))
        iam.create_group(GroupName=GROUP)

    def iam(self):
        return boto3.client("iam", endpoint_url=self.url, region_name="us-east-1",
                            aws_access_key_id="testing", aws_secret_access_key="testing")

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=20)


class Proxy:
    """faults/proxy.py in front of moto: passes everything through until told to slow or stall answers."""

    def __init__(self, work, port, target):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.target = target
        self.log = os.path.join(work, "proxy.log")
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen([sys.executable, os.path.join(ROOT, "faults", "proxy.py"), str(self.port),
                                      self.target], stdout=open(self.log, "w"), stderr=subprocess.STDOUT)
        wait_until("proxy answering", lambda: requests.get(self.url + "/faults-proxy/stats", timeout=5).ok, 30)

    def set(self, **mode):
        requests.post(self.url + "/faults-proxy/mode", json=mode, timeout=10).raise_for_status()

    def stats(self):
        return requests.get(self.url + "/faults-proxy/stats", timeout=10).json()

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=20)


class Tokens:
    """A local token issuer: an RSA key made once per run; the service is given its public key."""

    def __init__(self):
        self.key = RSAKey.generate_key(2048)
        self.public = "".join(l for l in self.key.as_pem(private=False).decode().splitlines() if "-----" not in l)
        self.cache = {}

    def token(self, subject, group, hours=8):
        if subject not in self.cache:
            now = int(time.time())
            self.cache[subject] = jwt.encode({"alg": "RS256"}, {"sub": subject, "groups": [group], "aud": AUDIENCE,
                                                                "iss": ISSUER, "iat": now, "exp": now + 3600 * hours},
                                             self.key)
        return self.cache[subject]


class Service:
    """One replica of the packaged service (target/quarkus-app) in production mode."""

    def __init__(self, name, work, http_port, management_port, db, pg, iam_endpoint, sts_endpoint, public_key,
                 local_key, overrides=None):
        self.name = name
        self.url = f"http://127.0.0.1:{http_port}"
        self.health = f"http://127.0.0.1:{management_port}/q/health"
        self.log = os.path.join(work, f"{name}.log")
        self.proc = None
        self.props = {
            "quarkus.http.port": http_port, "quarkus.management.port": management_port,
            "quarkus.datasource.jdbc.url": f"jdbc:postgresql://127.0.0.1:{pg.port}/{db}",
            "quarkus.datasource.username": "steward", "quarkus.datasource.password": "unused",
            "quarkus.oidc.public-key": public_key, "quarkus.oidc.token.issuer": ISSUER,
            "steward.iam.backend": "aws",
            "steward.aws.role-arn": f"arn:aws:iam::{ACCOUNT}:role/iam-steward-broker",
            "steward.aws.external-id": "iam-steward-local",
            "steward.aws.iam-endpoint": iam_endpoint, "steward.aws.sts-endpoint": sts_endpoint,
            "steward.iam.permissions-boundary-arn": BOUNDARY,
            # moto does not keep a user's permissions boundary, so the check that a user has it cannot pass there
            "steward.iam.credentials-need-boundary": "false",
            "steward.credentials.local-key": local_key,
            "steward.catalog.profiles.readers.description": "Read-only group for the local run",
            "steward.catalog.profiles.readers.groups": GROUP,
            "quarkus.log.console.json.enabled": "false", "quarkus.otel.sdk.disabled": "true",
        }
        self.props.update(overrides or {})

    def start(self, wait=True):
        args = ["java", "-Xmx384m"] + [f"-D{k}={v}" for k, v in self.props.items()] + [
            "-jar", os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")]
        env = dict(os.environ, STEWARD_SECURITY_TOKEN_AUDIENCE=AUDIENCE, **AWS_ENV)
        log = open(self.log, "a")
        log.write(f"---- start {time.strftime('%H:%M:%S')}\n")
        log.flush()
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout=240):
        def ready():
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name}: the service stopped at startup; see {self.log}")
            return requests.get(self.health + "/ready", timeout=5).status_code == 200
        wait_until(f"{self.name} ready", ready, timeout)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self, timeout=60):
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def local_key():
    return base64.b64encode(os.urandom(32)).decode()


def new_user_name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


class Api:
    """The service's HTTP API as the people of the local issuer call it: alice requests, bob approves."""

    PEOPLE = {"alice": "requester", "bob": "approver", "erin": "auditor"}

    def __init__(self, tokens, base):
        self.tokens = tokens
        self.base = base

    def call(self, method, path, who, body=None, key=None, base=None, timeout=30):
        headers = {"Authorization": "Bearer " + self.tokens.token(who, self.PEOPLE[who])}
        if key:
            headers["Idempotency-Key"] = key
        return requests.request(method, (base or self.base) + path, json=body, headers=headers, timeout=timeout)

    def submit(self, kind, user, key=None, base=None, **fields):
        return self.call("POST", "/v1/requests", "alice", dict(type=kind, userName=user, reason="local run", **fields),
                         key=key, base=base)

    def approve(self, request_id, key=None, base=None):
        return self.call("POST", f"/v1/requests/{request_id}/approvals", "bob",
                         {"decision": "APPROVE", "comment": "ok"}, key=key, base=base)

    def status(self, request_id, base=None):
        return self.call("GET", f"/v1/requests/{request_id}", "alice", base=base).json()

    def wait_status(self, request_id, statuses, timeout=60):
        seen = {}

        def reached():
            seen.update(self.status(request_id))
            return seen.get("status") in statuses
        wait_until(f"request {request_id} in {statuses} (last: {seen.get('status')})", reached, timeout, every=0.3)
        return seen
