-- Rotation policies, on-demand rotation and owner notifications: each rotation records the policy it follows,
-- the owner told about it, and the ROTATE_ACCESS_KEY request that ordered it (null for the sweep's own).
alter table key_rotation add column policy varchar(64) not null default 'default';
alter table key_rotation add column owner varchar(256);
alter table key_rotation add column ordered_by uuid references access_request (id);

-- Exemptions from rotation: a whole user (access_key_id null) or one of its keys, until expires_at.
create table rotation_exemption (
    id            uuid          primary key,
    user_name     varchar(64)   not null,
    access_key_id varchar(128),
    owner         varchar(256)  not null,
    reason        varchar(1000) not null,
    expires_at    timestamptz   not null,
    created_by    varchar(256)  not null,
    created_at    timestamptz   not null
);
create index rotation_exemption_user on rotation_exemption (lower(user_name), expires_at);
create index rotation_exemption_created on rotation_exemption (created_at desc, id desc);
