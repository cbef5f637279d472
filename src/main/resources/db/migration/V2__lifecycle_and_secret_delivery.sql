-- Request types beyond CREATE_USER: who owns the user, which key a request concerns, how far execution got;
-- and the one-time delivery of secrets, envelope-encrypted.

alter table access_request
    add column owner          varchar(256),
    add column expires_at     timestamptz,
    add column access_key_id  varchar(128),
    add column steps_done     integer not null default 0;
alter table access_request alter column path drop not null;
update access_request set owner = requester where owner is null;
-- Requests on users created outside the service may have no owner.


create table secret_delivery (
    id              uuid primary key,
    request_id      uuid         not null references access_request (id),
    step            integer      not null,
    user_name       varchar(64)  not null,
    recipient       varchar(256) not null,
    kind            varchar(40)  not null,
    label           varchar(256),
    -- The sealed secret; both are set to null when it is retrieved or expires, leaving a tombstone.
    ciphertext      bytea,
    wrapped_key     bytea,
    key_id          varchar(2048) not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    destroyed_at    timestamptz,
    destroyed_why   varchar(20),
    unique (request_id, step)
);
create index secret_delivery_expiry on secret_delivery (expires_at);
