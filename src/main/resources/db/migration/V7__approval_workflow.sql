-- The approval workflow: the rule each request was submitted under, the plan hash approvals sign, expiry of
-- pending requests, time-bound access, and comments.

alter table access_request
    add column risk                 varchar(10)   not null default 'LOW',
    add column requester_manager    varchar(256),
    add column approval_rule        varchar(100)  not null default 'default',
    add column approvals_required   integer       not null default 1,
    -- Groups stored as ",a,b," so that a query can match one group exactly with LIKE.
    add column approver_groups      varchar(2000) not null default ',approver,',
    add column owner_must_approve   boolean       not null default false,
    add column manager_must_approve boolean       not null default false,
    -- Requests submitted before this column existed get their hash computed when next planned or decided.
    add column plan_hash            varchar(64),
    add column pending_until        timestamptz,
    add column expiry_handled_at    timestamptz,
    add column expiry_request_id    uuid references access_request (id);

-- The sweeps look only at what they may have to act on.
create index access_request_pending_until on access_request (pending_until) where status = 'PENDING_APPROVAL';
create index access_request_time_bound on access_request (expires_at)
    where status = 'SUCCEEDED' and expires_at is not null and expiry_handled_at is null;
-- Keyset paging of listings, newest first.
create index access_request_created on access_request (created_at desc, id desc);

-- A change to the request voids the approvals given so far; the approver may then decide again.
alter table decision
    add column plan_hash     varchar(64),
    add column voided_at     timestamptz,
    add column voided_reason varchar(1000);
alter table decision drop constraint decision_request_id_approver_key;
create unique index decision_in_force on decision (request_id, approver) where voided_at is null;

create table request_comment (
    id         bigint generated always as identity primary key,
    request_id uuid          not null references access_request (id),
    author     varchar(256)  not null,
    text       varchar(2000) not null,
    at         timestamptz   not null
);
create index request_comment_request on request_comment (request_id, id);
