-- The audit log becomes append-only and hash-chained.
--
-- Each row gets its place in the chain (seq: 1, 2, 3, … with no gaps), the hash of the row before it
-- (prev_hash; 64 zeros for the first row) and its own hash: the hex SHA-256 of prev_hash followed by the
-- canonical form of the row's content (see audit_event_hash). GET /v1/audit/verify recomputes every hash in
-- Java, so that a verifier never trusts code stored in the database it checks; the two implementations
-- must agree on the canonical form. Only PostgreSQL's built-in sha256() is used, no extension.
--
-- Who may write: the triggers below refuse UPDATE, DELETE and TRUNCATE whatever role runs them, and
-- PUBLIC is refused those privileges. A table's owner can still disable triggers, so production should
-- run the service as a role that does not own the tables (granted SELECT and INSERT on audit_event and
-- USAGE on its id sequence), while Flyway migrates as the owner. See deploy/README.md.

-- Rows a concurrent writer could add while the existing ones are chained would be left out of the chain.
lock table audit_event in exclusive mode;

alter table audit_event
    add column seq       bigint,
    add column prev_hash varchar(64),
    add column hash      varchar(64);

-- One field of the canonical form: its length in UTF-8 bytes, a colon and the bytes, or '-' for null.
-- Lengths make the form unambiguous: no value can pass for the end of one field and the start of another.
create function audit_field(value text) returns text
    language sql immutable strict parallel safe
    as $$ select octet_length(convert_to(value, 'UTF8'))::text || ':' || value $$;

-- The row's hash: SHA-256 over prev_hash and, in this order, seq, id, occurred_at (UTC, always six digits
-- of fraction: PostgreSQL keeps microseconds), actor, action, request_id, from_status, to_status, detail.
create function audit_event_hash(e audit_event) returns varchar
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
        || coalesce(audit_field(e.detail), '-'), 'UTF8')), 'hex')
    $$;

-- Rows written before this migration are chained once, in the order they were written (their ids).
do $$
declare
    r    audit_event;
    prev varchar := repeat('0', 64);
    n    bigint := 0;
begin
    for r in select * from audit_event order by id loop
        n := n + 1;
        r.seq := n;
        r.prev_hash := prev;
        r.hash := audit_event_hash(r);
        update audit_event set seq = r.seq, prev_hash = r.prev_hash, hash = r.hash where id = r.id;
        prev := r.hash;
    end loop;
end
$$;

alter table audit_event
    alter column seq set not null,
    alter column prev_hash set not null,
    alter column hash set not null,
    add constraint audit_event_seq_unique unique (seq);

-- Listing by request, newest first, walks this index.
drop index audit_event_request;
create index audit_event_request on audit_event (request_id, seq);

-- Every insert, by any role and whatever it supplies, is chained onto the head: the chain columns are
-- always computed here. Appends are serialised by a transaction-scoped advisory lock (the key is
-- 'auditlog' in ASCII; nothing else here takes advisory locks) rather than by locking a head row: no
-- second copy of the head to keep in step, no UPDATE in an append-only design, and PostgreSQL releases it
-- at commit or rollback. The head is read after the lock is granted, and this volatile function reads with
-- a fresh snapshot under READ COMMITTED (the service's isolation level), so it sees the previous holder's
-- committed row. Should a transaction at a stricter level read a stale head, the unique seq makes its insert
-- fail rather than fork the chain. The lock is held until commit: a transaction that has recorded audit
-- must not wait for another transaction that records audit.
create function audit_event_chain() returns trigger
    language plpgsql
    as $$
declare
    head_seq  bigint;
    head_hash varchar;
begin
    perform pg_advisory_xact_lock(7022629598041763687);
    select seq, hash into head_seq, head_hash from audit_event order by seq desc limit 1;
    new.seq := coalesce(head_seq, 0) + 1;
    new.prev_hash := coalesce(head_hash, repeat('0', 64));
    new.hash := audit_event_hash(new);
    return new;
end
$$;

create trigger audit_event_chain
    before insert on audit_event
    for each row execute function audit_event_chain();

-- Statement-level, so even an UPDATE or DELETE that matches no row is refused, and TRUNCATE with them.
create function audit_event_append_only() returns trigger
    language plpgsql
    as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using hint = 'audit rows are never changed or removed; record a new row instead';
end
$$;

create trigger audit_event_append_only
    before update or delete or truncate on audit_event
    for each statement execute function audit_event_append_only();

revoke update, delete, truncate on audit_event from public;
