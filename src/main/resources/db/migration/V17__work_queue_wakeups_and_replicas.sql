-- The three queues (execution_job, webhook_inbox, notification) are worked by one mechanism: short leases that
-- each replica's heartbeat renews, and a wake-up sent by the transaction that makes a row due.

-- A row that becomes due (inserted, retried, handed back, requeued, redelivered) wakes the workers of every
-- replica: pg_notify inside the writing transaction is delivered only when it commits, and one transaction's
-- notifications on a channel with the same payload are delivered once. The poll stays as a fallback.
create function work_queue_wake() returns trigger language plpgsql as $$
begin
    perform pg_notify('steward_work', tg_table_name);
    return null;
end
$$;

create trigger execution_job_wake after insert or update of state, run_after on execution_job
    for each row when (new.state = 'QUEUED') execute function work_queue_wake();
create trigger webhook_inbox_wake after insert or update of state, run_after on webhook_inbox
    for each row when (new.state = 'QUEUED') execute function work_queue_wake();
create trigger notification_wake after insert or update of state, run_after on notification
    for each row when (new.state = 'PENDING') execute function work_queue_wake();

-- A heartbeat renews every lease its replica's workers hold: renewing finds them by owner.
create index execution_job_lease_owner on execution_job (lease_owner) where lease_owner is not null;
create index webhook_inbox_lease_owner on webhook_inbox (lease_owner) where lease_owner is not null;
create index notification_lease_owner on notification (lease_owner) where lease_owner is not null;

-- The replicas working the queues, each with the time of its last heartbeat: those seen lately share the
-- IAM call rate. A replica that stops cleanly deletes its row; one that crashed ages out.
create table work_queue_replica (
    id         varchar(100) primary key,
    seen_at    timestamptz  not null,
    started_at timestamptz  not null
);

-- Leases taken before this version ran for five minutes; a job still RUNNING under one keeps it until it ends or
-- runs out, as before. Nothing else about the rows changes: every queued, running, waiting, done or failed row
-- is claimed, renewed, retried and kept as it was.
