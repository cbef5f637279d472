-- Rotation state per access key, so that a rotation survives restarts and every replica sees the same one.
-- One row per old key, ever: a rotation that failed or was rolled back is not started again by itself.

create table key_rotation (
    id              uuid          primary key,
    user_name       varchar(64)   not null,
    old_key_id      varchar(128)  not null unique,
    -- The report names keys only by when they were made: this lets a scan skip keys already in rotation.
    old_key_made_at timestamptz   not null,
    new_key_id      varchar(128),
    status          varchar(20)   not null,
    step_request_id uuid references access_request (id),
    started_at      timestamptz   not null,
    new_key_at      timestamptz,
    deactivated_at  timestamptz,
    updated_at      timestamptz   not null,
    note            varchar(1000)
);
create index key_rotation_unsettled on key_rotation (status) where status not in ('DONE', 'FAILED', 'ROLLED_BACK');
create index key_rotation_started on key_rotation (started_at desc, id desc);
