"""The goals checked against outside evidence after a scenario: moto's own state (through boto3) and the service's
database, never the service's API."""
import collections
import json
import time

UNSETTLED = ("APPROVED", "EXECUTING")


def settle(pg, db, timeout):
    """Waits until no approved request waits or runs; returns the seconds it took, or None when it did not."""
    started = time.time()
    while time.time() - started < timeout:
        try:
            left = int(pg.sql(f"select count(*) from access_request where status in {UNSETTLED}", db)[0][0])
            if left == 0:
                return time.time() - started
        except Exception:  # noqa: BLE001 - the database may still be coming back
            pass
        time.sleep(1)
    return None


def moto_state(iam, prefix):
    users = {}
    for page in iam.get_paginator("list_users").paginate(PathPrefix="/iam-steward/"):
        for u in page["Users"]:
            if u["UserName"].startswith(prefix + "-"):
                users[u["UserName"]] = {}
    for name, facts in users.items():
        facts["keys"] = {k["AccessKeyId"] for k in iam.list_access_keys(UserName=name)["AccessKeyMetadata"]}
        try:
            iam.get_login_profile(UserName=name)
            facts["profile"] = True
        except iam.exceptions.NoSuchEntityException:
            facts["profile"] = False
        facts["groups"] = {g["GroupName"] for g in iam.list_groups_for_user(UserName=name)["Groups"]}
        facts["mfa"] = {d["SerialNumber"] for d in iam.list_mfa_devices(UserName=name)["MFADevices"]}
    unassigned = collections.Counter()
    for page in iam.get_paginator("list_virtual_mfa_devices").paginate(AssignmentStatus="Unassigned"):
        for d in page["VirtualMFADevices"]:
            name = d["SerialNumber"].rsplit("/", 1)[-1]
            if name.startswith(prefix + "-"):
                unassigned[name] += 1
    return users, unassigned


def verify(pg, db, moto, workload, group):
    """Figures for the goals: orphans, exactly once, acknowledged submissions lost, stuck requests."""
    rows = pg.sql("select id, type, status, user_name, coalesce(failure_reason, '') from access_request", db)
    requests = {r[0]: {"type": r[1], "status": r[2], "user": r[3], "reason": r[4]} for r in rows}
    by_user = collections.defaultdict(list)
    for r in requests.values():
        by_user[r["user"]].append(r)
    outcomes = {r[0]: int(r[1]) for r in pg.sql(
        "select request_id, count(*) from audit_event where to_status in ('SUCCEEDED', 'FAILED') group by 1", db)}
    ledger_keys = collections.defaultdict(set)
    for user, credential in pg.sql("select user_name, credential from issued_credential "
                                   "where kind = 'ACCESS_KEY' and state <> 'REMOVED'", db):
        ledger_keys[user].add(credential)
    removed = int(pg.sql("select count(*) from audit_event where action = 'execution.orphan-removed'", db)[0][0])
    users, unassigned = moto_state(moto.iam(), workload.prefix)

    f = collections.Counter()
    notes = []
    for name in set(users) | set(by_user):
        mine = by_user.get(name, [])
        done = collections.Counter(r["type"] for r in mine if r["status"] == "SUCCEEDED")
        waiting_mfa = sum(1 for r in mine if r["type"] == "ENROL_MFA" and r["status"] == "AWAITING_MFA_CODES")
        facts = users.get(name)
        if facts is None:
            if done["CREATE_USER"]:
                f["users missing"] += 1
                notes.append(f"{name}: CREATE_USER succeeded, no user in moto")
            continue
        if not done["CREATE_USER"]:
            f["users without a succeeded request"] += 1
            notes.append(f"{name}: in moto, CREATE_USER {[r['status'] for r in mine if r['type'] == 'CREATE_USER']}")
        orphan_keys = facts["keys"] - ledger_keys[name]
        f["orphan keys"] += len(orphan_keys)
        if orphan_keys:
            notes.append(f"{name}: keys {sorted(orphan_keys)} in moto, not in the ledger; requests "
                         f"{[(r['type'], r['status'], r['reason'][:120]) for r in mine if 'KEY' in r['type']]}")
        f["keys in the ledger, not in moto"] += len(ledger_keys[name] - facts["keys"])
        if len(facts["keys"]) > done["CREATE_ACCESS_KEY"]:
            f["keys beyond succeeded requests"] += len(facts["keys"]) - done["CREATE_ACCESS_KEY"]
        if facts["profile"] and not done["GRANT_CONSOLE_ACCESS"]:
            f["orphan login profiles"] += 1
            notes.append(f"{name}: login profile without a succeeded GRANT_CONSOLE_ACCESS "
                         f"{[(r['status'], r['reason'][:120]) for r in mine if r['type'] == 'GRANT_CONSOLE_ACCESS']}")
        if done["GRANT_CONSOLE_ACCESS"] and not facts["profile"]:
            f["succeeded, no effect"] += 1
        if done["ADD_TO_GROUP"] and group not in facts["groups"]:
            f["succeeded, no effect"] += 1
        extra_mfa = unassigned.get(name, 0) - waiting_mfa
        if extra_mfa > 0:
            f["orphan MFA devices"] += extra_mfa
            notes.append(f"{name}: {unassigned.get(name, 0)} unassigned MFA devices, {waiting_mfa} awaiting codes")
        if len(facts["mfa"]) > done["ENROL_MFA"]:
            f["orphan MFA devices"] += len(facts["mfa"]) - done["ENROL_MFA"]
    acknowledged = workload.acknowledged
    f["acknowledged submissions lost"] = sum(1 for i in acknowledged if i not in requests)
    f["acknowledged approvals lost"] = sum(1 for i in workload.approved
                                          if requests.get(i, {}).get("status") == "PENDING_APPROVAL")
    f["requests with more than one outcome"] = sum(1 for n in outcomes.values() if n > 1)
    f["requests not settled"] = sum(1 for r in requests.values() if r["status"] in UNSETTLED)
    f["orphans removed and audited"] = removed
    statuses = collections.Counter((r["type"], r["status"]) for r in requests.values())
    failed = collections.Counter(r["reason"][:160] for r in requests.values() if r["status"] == "FAILED")
    return {"figures": dict(f), "requests": len(requests), "acknowledged": len(acknowledged),
            "given up by the client (last answer)": dict(collections.Counter(
                f"{op} {last}" for op, _, last in workload.gave_up)),
            "final refusals": dict(collections.Counter(f"{op} {status} {kind}" for op, status, kind in workload.refused)),
            "statuses": {f"{t} {s}": n for (t, s), n in sorted(statuses.items())},
            "failure reasons": dict(failed), "notes": notes[:40]}


def answers_summary(rows):
    """Counts of answers by status, the 500s, and whether the 5xx were problem+json with Retry-After."""
    by_status = collections.Counter(str(r["status"]) for r in rows)
    five = [r for r in rows if isinstance(r["status"], int) and r["status"] >= 500]
    took = sorted(r["took"] for r in rows)
    return {"answers": len(rows), "by status": dict(sorted(by_status.items())),
            "500": by_status.get("500", 0),
            "5xx not problem+json": sum(1 for r in five if not r.get("problem_json")),
            "503 without Retry-After": sum(1 for r in five if r["status"] == 503 and not r.get("retry_after")),
            "problems": dict(collections.Counter(f"{r['status']} {r.get('problem', '')}" for r in rows
                                                 if isinstance(r["status"], int) and r["status"] >= 400)),
            "latency p50 s": round(took[len(took) // 2], 2) if took else None,
            "latency max s": round(took[-1], 2) if took else None}


def dump(path, data):
    with open(path, "w") as out:
        json.dump(data, out, indent=2, default=str)
