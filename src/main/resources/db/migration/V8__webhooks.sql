-- Ticketing systems and webhooks: the ticket a request came from, the inbox of signed deliveries from ticketing
-- systems, and the outbox of notifications to subscribers.

-- A request filed from a ticket names it, with the ticket's last known status. A ticket-gated request executes
-- only while its ticket is in an approved status; one ticket files one request.
alter table access_request
    add column ticket_source   varchar(100),
    add column ticket          varchar(255),
    add column ticket_status   varchar(255),
    add column ticket_approved boolean not null default false,
    add column ticket_gated    boolean not null default false;
create unique index access_request_ticket on access_request (ticket_source, ticket) where ticket is not null;

-- Deliveries received from ticketing systems, after their signature was verified: answered at once, then
-- processed by a worker. A delivery id is accepted once per source; the body's hash tells a retry of the same
-- delivery from another body sent under the same id. A row is marked done in the transaction of its effect.
create table webhook_inbox (
    id          bigint generated always as identity primary key,
    source_id   varchar(100)  not null,
    delivery_id varchar(255)  not null,
    body_sha256 varchar(64)   not null,
    body        bytea         not null,
    state       varchar(20)   not null,
    attempts    integer       not null default 0,
    run_after   timestamptz   not null,
    lease_owner varchar(100),
    lease_until timestamptz,
    outcome     varchar(2000),
    last_error  varchar(2000),
    received_at timestamptz   not null,
    updated_at  timestamptz   not null,
    unique (source_id, delivery_id)
);
create index webhook_inbox_due on webhook_inbox (run_after, id) where state in ('QUEUED', 'RUNNING');

-- Notifications of request changes, written in the transaction of the change and sent by a worker; those that
-- ran out of attempts stay FAILED until an admin redelivers them. The payload is kept as sent, byte for byte.
create table notification (
    id          uuid          primary key,
    target      varchar(200)  not null,
    event_type  varchar(50)   not null,
    request_id  uuid          references access_request (id),
    payload     text          not null,
    state       varchar(20)   not null,
    attempts    integer       not null default 0,
    run_after   timestamptz   not null,
    lease_owner varchar(100),
    lease_until timestamptz,
    last_error  varchar(2000),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    delivered_at timestamptz
);
create index notification_due on notification (run_after, id) where state in ('PENDING', 'RUNNING');
create index notification_failed on notification (updated_at desc, id desc) where state = 'FAILED';
