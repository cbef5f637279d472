-- Idempotency-Key: what each caller's key was first used for and, once that finished, the response it got,
-- so that a retry gets the same answer instead of doing the same thing twice. No credential or secret is
-- kept: only the request's fingerprint and the response of endpoints that return none.
create table idempotency_key (
    caller                varchar(256)  not null,
    idempotency_key       varchar(255)  not null,
    method                varchar(10)   not null,
    path                  varchar(2048) not null,
    body_sha256           varchar(64)   not null,
    state                 varchar(20)   not null,
    -- The attempt that holds the key; an attempt taken over after it was abandoned may no longer complete.
    attempt               uuid          not null,
    response_status       integer,
    response_content_type varchar(255),
    response_location     varchar(2048),
    response_etag         varchar(255),
    response_body         bytea,
    -- When the attempt holding the key started: a takeover starts the row afresh.
    created_at            timestamptz   not null,
    completed_at          timestamptz,
    expires_at            timestamptz   not null,
    primary key (caller, idempotency_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
