"""The fault-injection driver: one PostgreSQL 15 cluster, one moto with the faults proxy in front of its IAM, and,
for each scenario, a fresh database and the packaged service (two replicas for `kill`). Each scenario ends with the
goals checked against moto's state and the database; figures go to stdout and target/faults/<scenario>.json.

    run.py [kill] [postgres] [iam]"""
import collections
import json
import os
import sys
import threading
import time

import requests

from checks import answers_summary, dump, settle, verify
from stack import GROUP, ROOT, Api, Moto, Postgres, Proxy, Service, Tokens, local_key
from workload import Answers, Workload

WORK = os.path.join(ROOT, "target", "faults")
KILLS = int(os.environ.get("KILLS", "6"))
RATE = os.environ.get("IAM_RATE", "30")
os.makedirs(WORK, exist_ok=True)


class Stack:
    def __init__(self):
        self.pg = Postgres(WORK, 55433)
        self.moto = Moto(WORK, 55000)
        self.proxy = Proxy(WORK, 55001, self.moto.url)
        self.tokens = Tokens()
        self.key = local_key()
        self.replicas = []

    def __enter__(self):
        self.pg.init()
        self.moto.start()
        self.proxy.start()
        return self

    def __exit__(self, *exc):
        for replica in self.replicas:
            replica.stop()
        self.proxy.stop()
        self.moto.stop()
        self.pg.stop()

    def replica(self, name, db, index, **overrides):
        props = {"steward.iam-rate.calls-per-second": RATE}
        props.update(overrides)
        replica = Service(name, WORK, 8080 + index, 9000 + index, db, self.pg, self.proxy.url, self.moto.url,
                       self.tokens.public, self.key, props)
        self.replicas.append(replica)
        return replica


class Prober(threading.Thread):
    """Asks a replica's readiness every second; records status (or timeout) and how long the answer took."""

    def __init__(self, replica):
        super().__init__(daemon=True)
        self.replica = replica
        self.rows = []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            started = time.time()
            try:
                status = requests.get(self.replica.health + "/ready", timeout=30).status_code
            except requests.Timeout:
                status = "timeout"
            except requests.ConnectionError:
                status = "refused"
            self.rows.append({"at": started, "status": status, "took": time.time() - started})
            self.stop.wait(1)

    def between(self, start, end):
        rows = [r for r in self.rows if start <= r["at"] < end]
        return {"probes": len(rows), "by status": dict(collections.Counter(str(r["status"]) for r in rows)),
                "max s": round(max((r["took"] for r in rows), default=0), 2)}


def proxy_effects(prefix, since):
    """What moto did for this scenario's users, from the proxy's log: calls that reached moto and answered 200."""
    made = collections.Counter()
    with open(os.path.join(WORK, "proxy.log")) as log:
        for line in log:
            if not line.startswith("{"):
                continue
            call = json.loads(line)
            if call["at"] >= since and call["user"].startswith(prefix + "-") and call["outcome"] == 200:
                made[call["action"]] += 1
    return {a: made[a] for a in ("CreateUser", "CreateAccessKey", "DeleteAccessKey", "CreateLoginProfile",
                                 "CreateVirtualMFADevice", "DeleteVirtualMFADevice", "AddUserToGroup")}


def finish(stack, name, db, workload, replicas, extra, started):
    settled_in = settle(stack.pg, db, 420)
    result = verify(stack.pg, db, stack.moto, workload, GROUP)
    result.update(extra)
    result["settled after load, s"] = None if settled_in is None else round(settled_in, 1)
    result["IAM effects seen at moto"] = proxy_effects(workload.prefix, started)
    result["actions given up by the client"] = len(workload.gave_up)
    result["load (1/5/15 min)"] = open("/proc/loadavg").read().split()[:3]
    result["took s"] = round(time.time() - started, 1)
    for r in replicas:
        r.stop()
    dump(os.path.join(WORK, f"{name}.json"), result)
    print(f"\n=== {name}\n{json.dumps(result, indent=2, default=str)}", flush=True)
    return result


def kill(stack):
    """kill -9 of a replica, alternately of two, while it runs a job; restarted at once each time."""
    started = time.time()
    db = "faults_kill"
    stack.pg.create_database(db)
    replicas = [stack.replica("kill-a", db, 0).start(), stack.replica("kill-b", db, 1).start()]
    answers = Answers()
    # A client gives an action 60 s: one whose first call died with its replica stays "in progress" (409) for
    # steward.idempotency.in-flight-timeout (5 minutes), and the load should go on meanwhile.
    workload = Workload(Api(stack.tokens, replicas[0].url), replicas, answers, "kill", op_deadline=60)
    done = threading.Event()

    def load():
        while not done.is_set():
            workload.flow()
    loaders = [threading.Thread(target=load) for _ in range(6)]
    for t in loaders:
        t.start()
    kills = []
    try:
        for i in range(KILLS):
            kills.append(kill_one(stack, db, replicas[i % 2]))
            print(f"kill {i + 1}: {kills[-1]}", flush=True)
    finally:
        done.set()
        for t in loaders:
            t.join()
    extra = {"kills": kills, "answers": answers_summary(answers.rows)}
    return finish(stack, "kill", db, workload, replicas, extra, started)


def running(stack, db):
    """The running jobs: id -> (lease owner, lease end)."""
    return {r[0]: (r[1], r[2]) for r in stack.pg.sql(
        "select id, lease_owner, lease_until from execution_job where state = 'RUNNING'", db)}


def kill_one(stack, db, target):
    """Kills `target` with SIGKILL while both replicas run jobs (or, after 60 s, while any job runs) and restarts
    it. Its jobs are the running ones that no heartbeat renews and nobody finishes in the next 6.5 s (the heartbeat
    is 5 s; a lease is 15 s, so none of them can be taken over that soon); then how long until each is taken over."""
    time.sleep(6)
    deadline = time.time() + 60
    while time.time() < deadline:
        now = running(stack, db)
        if len({owner for owner, _ in now.values()}) >= 2:
            break
        time.sleep(0.05)
    target.kill9()
    at = time.time()
    before = running(stack, db)
    ready = {}

    def restart():
        target.start()
        ready["after"] = time.time() - at
    restarter = threading.Thread(target=restart)
    restarter.start()
    time.sleep(6.5)
    after = running(stack, db)
    live = {owner for job, (owner, until) in before.items() if after.get(job) != (owner, until)}
    stranded = [job for job, (owner, _) in before.items() if owner not in live]
    resumed = {}
    while len(resumed) < len(stranded) and time.time() - at < 120:
        now = running(stack, db)
        for job in stranded:
            if job not in resumed and (job not in now or now[job][0] != before[job][0]):
                resumed[job] = time.time() - at
        time.sleep(0.1)
    restarter.join()
    return {"replica": target.name, "jobs it was running": len(stranded),
            "taken over after s (max)": round(max(resumed.values()), 1) if resumed else None,
            "not taken over in 120 s": len(stranded) - len(resumed),
            "restarted replica ready after s": round(ready["after"], 1) if ready else None}


def postgres(stack):
    """PostgreSQL restarted, then stopped for 20 s, under submission load on one replica."""
    started = time.time()
    db = "faults_pg"
    stack.pg.create_database(db)
    replica = stack.replica("pg", db, 0).start()
    prober = Prober(replica)
    prober.start()
    answers = Answers()
    workload = Workload(Api(stack.tokens, replica.url), [replica], answers, "pg", op_deadline=120)
    threads = workload.run_for(75, 4)
    time.sleep(15)
    t_restart = time.time()
    stack.pg.restart()
    restart_took = time.time() - t_restart
    time.sleep(15)
    t_stop = time.time()
    stack.pg.stop()
    time.sleep(20)
    stack.pg.start()
    t_up = time.time()
    for t in threads:
        t.join()
    prober.stop.set()
    after = [r for r in answers.between(t_up, time.time()) if r["op"] == "submit"]
    first_ok = min((r["at"] + r["took"] for r in after if r["status"] == 202), default=None)
    extra = {
        "restart took s": round(restart_took, 1),
        "answers during the restart": answers_summary(answers.between(t_restart, t_restart + restart_took + 2)),
        "answers while stopped": answers_summary(answers.between(t_stop, t_up)),
        "answers after it came back": answers_summary(answers.between(t_up, time.time())),
        "first acknowledged submission after it came back, s": None if first_ok is None else round(first_ok - t_up, 2),
        "409 idempotency-in-flight after it came back": sum(
            1 for r in answers.between(t_up, time.time()) if r.get("problem") == "idempotency-in-flight"),
        "readiness while stopped": prober.between(t_stop, t_up),
        "answers": answers_summary(answers.rows),
    }
    return finish(stack, "postgres", db, workload, [replica], extra, started)


def iam(stack):
    """IAM slowed (creating calls' answers 15 s late, then every answer 3 s late) and stalled for 60 s."""
    started = time.time()
    db = "faults_iam"
    stack.pg.create_database(db)
    replica = stack.replica("iam", db, 0).start()
    prober = Prober(replica)
    prober.start()
    answers = Answers()
    workload = Workload(Api(stack.tokens, replica.url), [replica], answers, "iam", op_deadline=240)
    phases = [("slow creating calls (answers 15 s late, after the effect)",
               {"slow": {"actions": ["CreateAccessKey", "CreateVirtualMFADevice", "CreateLoginProfile"],
                         "seconds": 15}}, 60),
              ("slow (every answer 3 s late)", {"slow": {"actions": ["*"], "seconds": 3}}, 30),
              ("stalled (calls held 60 s, then dropped unforwarded)", {"stall": True}, 60),
              ("passing through", {}, 30)]
    threads = workload.run_for(sum(p[2] for p in phases) - 20, 3)
    stop_submitting = threading.Event()

    def submitter():
        while not stop_submitting.is_set():
            workload.flow(follow_ups=False)
            stop_submitting.wait(1)
    threads.append(threading.Thread(target=submitter))
    threads[-1].start()
    extra = {"phases": []}
    for label, mode, seconds in phases:
        at = time.time()
        stack.proxy.set(**mode)
        time.sleep(seconds)
        extra["phases"].append({"phase": label, "answers": answers_summary(answers.between(at, time.time())),
                                "readiness": prober.between(at, time.time())})
    stack.proxy.set()
    stop_submitting.set()
    for t in threads:
        t.join()
    prober.stop.set()
    extra["proxy"] = stack.proxy.stats()["calls"]
    extra["answers"] = answers_summary(answers.rows)
    return finish(stack, "iam", db, workload, [replica], extra, started)


def table(results):
    head = ("scenario", "requests (acknowledged)", "orphan keys / MFA devices / login profiles",
            "orphans removed, audited", "more than one outcome", "acknowledged lost", "not settled", "500 answers",
            "actions given up")
    rows = [head]
    for name, r in results.items():
        f = r["figures"]
        rows.append((name, f"{r['requests']} ({r['acknowledged']})",
                     f"{f.get('orphan keys', 0)} / {f.get('orphan MFA devices', 0)} / {f.get('orphan login profiles', 0)}",
                     str(f.get("orphans removed and audited", 0)), str(f.get("requests with more than one outcome", 0)),
                     str(f.get("acknowledged submissions lost", 0)), str(f.get("requests not settled", 0)),
                     str(r["answers"]["500"]), str(r["actions given up by the client"])))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    chosen = sys.argv[1:] or ["kill", "postgres", "iam"]
    print(f"machine: {os.cpu_count()} cores; load at start: {open('/proc/loadavg').read().split()[:3]}", flush=True)
    results = {}
    with Stack() as stack:
        for name in chosen:
            results[name] = {"kill": kill, "postgres": postgres, "iam": iam}[name](stack)
    print()
    table(results)
    print(f"load at end: {open('/proc/loadavg').read().split()[:3]}")
