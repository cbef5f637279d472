-- Posture findings: what the credential report and account summary show to be wrong. One row per thing found
-- (kind + subject), kept across scans: first and last seen, and resolved when a later scan no longer sees it.

create table finding (
    id                     uuid          primary key,
    fingerprint            varchar(600)  not null unique,
    kind                   varchar(40)   not null,
    severity               varchar(10)   not null,
    status                 varchar(10)   not null,
    subject                varchar(300)  not null,
    user_name              varchar(64),
    evidence               jsonb         not null,
    first_seen             timestamptz   not null,
    last_seen              timestamptz   not null,
    resolved_at            timestamptz,
    remediation_request_id uuid references access_request (id)
);
-- Keyset paging, newest first, and the filters of GET /v1/findings.
create index finding_first_seen on finding (first_seen desc, id desc);
create index finding_open on finding (status, kind, severity);
