-- pgbench's anchor for the submissions benchmark (bench/engine.sh submissions): the statements the service runs in
-- one CREATE_USER submission's transaction, as PostgreSQL logs them (log_statement=all), with the same columns and
-- values of the same size; run with -M prepared, as the JDBC driver prepares them. The plan's colons are written
-- \x3a, since pgbench would take ':name' in a literal for one of its variables.
\set hi random(1, 9223372036854775807)
\set lo random(1, 9223372036854775807)
BEGIN;
insert into access_request (access_key_id, account, approvals_required, approver_groups, break_glass_access_seconds,
    break_glass_groups, break_glass_review_seconds, manager_must_approve, owner_must_approve, approval_rule,
    break_glass_at, break_glass_reason, break_glass_review, break_glass_review_due, break_glass_reviewed_at,
    break_glass_reviewed_by, break_glass_until, completed_at, created_at, expires_at, expiry_handled_at,
    expiry_request_id, failure_reason, owner, path, pending_until, plan, plan_hash, profile, reason, requester,
    requester_manager, risk, status, steps_done, submit_traceparent, tags, ticket, ticket_approved, ticket_gated,
    ticket_source, ticket_status, type, updated_at, user_arn, user_name, version, id)
values (null, 'default', 1, ',approver,', null, null, null, false, false, 'default', null, null, null, null, null,
    null, null, null, now(), null, null, null, null, 'alice', '/iam-steward/', now() + interval '7 days',
    E'[{"action"\x3a "iam\x3aCreateUser", "parameters"\x3a {"Path"\x3a "/iam-steward/", "UserName"\x3a "pgbench-user-000000", "PermissionsBoundary"\x3a "arn\x3aaws\x3aiam\x3a\x3a000000000000\x3apolicy/iam-steward/managed-user-boundary", "Tags.iam-steward\x3aowner"\x3a "alice", "Tags.iam-steward\x3arequester"\x3a "alice", "Tags.iam-steward\x3arequest-id"\x3a "dbe93784-a2e8-4d35-818d-edea553eb043"}}]',
    'c4d6cf6107f73223093793f5274a6462b9c418e3edad7af556a543cabfdc16ea', null, 'benchmark', 'alice', null, 'LOW',
    'PENDING_APPROVAL', 0, null, '{}', null, false, false, null, null, 'CREATE_USER', now(), null,
    'pgb-' || cast(:hi as bigint), 0, (lpad(to_hex(cast(:hi as bigint)), 16, '0') || lpad(to_hex(cast(:lo as bigint)), 16, '0'))::uuid);
insert into audit_event (account, action, actor, detail, from_status, occurred_at, request_id, to_status)
values ('default', 'request.submitted', 'alice', 'benchmark', null, now(),
    (lpad(to_hex(cast(:hi as bigint)), 16, '0') || lpad(to_hex(cast(:lo as bigint)), 16, '0'))::uuid, 'PENDING_APPROVAL')
returning *;
select sd1_0.id, sd1_0.ciphertext, sd1_0.created_at, sd1_0.destroyed_at, sd1_0.destroyed_why, sd1_0.expires_at,
    sd1_0.key_id, sd1_0.kind, sd1_0.label, sd1_0.recipient, sd1_0.request_id, sd1_0.step, sd1_0.user_name,
    sd1_0.wrapped_key
from secret_delivery sd1_0
where sd1_0.request_id = (lpad(to_hex(cast(:hi as bigint)), 16, '0') || lpad(to_hex(cast(:lo as bigint)), 16, '0'))::uuid
    and sd1_0.kind <> 'MFA_VERIFIER'
order by sd1_0.step;
COMMIT;
