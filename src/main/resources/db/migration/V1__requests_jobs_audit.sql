-- Requests, approvers' decisions, the durable execution queue and the audit log.

create table access_request (
    id             uuid primary key,
    type           varchar(40)  not null,
    status         varchar(40)  not null,
    requester      varchar(256) not null,
    user_name      varchar(64)  not null,
    path           varchar(512) not null,
    tags           jsonb        not null,
    reason         varchar(1000) not null,
    plan           jsonb        not null,
    user_arn       varchar(2048),
    failure_reason varchar(4000),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    completed_at   timestamptz,
    version        bigint       not null
);
create index access_request_status on access_request (status, created_at);
create index access_request_requester on access_request (requester, created_at);
create index access_request_user_name on access_request (lower(user_name));

create table decision (
    id         bigint generated always as identity primary key,
    request_id uuid         not null references access_request (id),
    approver   varchar(256) not null,
    verdict    varchar(10)  not null,
    comment    varchar(1000),
    at         timestamptz  not null,
    unique (request_id, approver)
);

create table execution_job (
    id          bigint generated always as identity primary key,
    request_id  uuid        not null unique references access_request (id),
    state       varchar(20) not null,
    attempts    integer     not null,
    run_after   timestamptz not null,
    lease_owner varchar(100),
    lease_until timestamptz,
    last_error  varchar(4000),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
-- Claiming scans only unfinished jobs.
create index execution_job_due on execution_job (run_after, id) where state in ('QUEUED', 'RUNNING');

create table audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor       varchar(256) not null,
    action      varchar(100) not null,
    request_id  uuid,
    from_status varchar(40),
    to_status   varchar(40),
    detail      varchar(4000)
);
create index audit_event_request on audit_event (request_id, id);
