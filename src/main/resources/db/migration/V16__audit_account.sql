-- Audit rows name the target account they are about (by its id in the configuration), when there is one:
-- a request's rows name the request's account, a posture scan's the account scanned.
--
-- The account is part of the hash chain, but only when it is set: the canonical form of a row whose account
-- is null is exactly the form V5 defined, so every row written before this migration keeps its hash and
-- GET /v1/audit/verify stays intact; a row written with an account appends it, length-prefixed like every
-- other field, after detail. Setting, changing or removing a row's account then breaks the chain at that row.
-- AuditChain.canonical in the service computes the same form, and the two must stay identical.
--
-- Adding a nullable column writes no row, so the append-only triggers and the chain's advisory lock are
-- untouched; the insert trigger looks this function up by name at every insert and uses the new form at once.
alter table audit_event add column account varchar(64);

create or replace function audit_event_hash(e audit_event) returns varchar
    language sql stable parallel safe
    as $$
    select encode(sha256(convert_to(e.prev_hash
        || coalesce(audit_field(e.seq::text), '-')
        || coalesce(audit_field(e.id::text), '-')
        || coalesce(audit_field(to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), '-')
        || coalesce(audit_field(e.actor), '-')
        || coalesce(audit_field(e.action), '-')
        || coalesce(audit_field(e.request_id::text), '-')
        || coalesce(audit_field(e.from_status), '-')
        || coalesce(audit_field(e.to_status), '-')
        || coalesce(audit_field(e.detail), '-')
        || coalesce(audit_field(e.account), ''), 'UTF8')), 'hex')
    $$;

-- Listing one account's rows, newest first, walks this index.
create index audit_event_account on audit_event (account, seq);
