-- Exemptions from rotation belong to one target account: the same user name in another account is another user.
-- Exemptions made before belong to the account the service acted on then, as V14 has it for requests.
alter table rotation_exemption add column account varchar(64);
update rotation_exemption set account = '${default_account}';
alter table rotation_exemption alter column account set not null;
drop index rotation_exemption_user;
create index rotation_exemption_user on rotation_exemption (account, lower(user_name), expires_at);
create index rotation_exemption_account on rotation_exemption (account, created_at desc, id desc);

-- A key may be rotated again once its rotation has ended (done, failed or rolled back); only a rotation still
-- under way holds the key, so two starts of the same key, two overlapping sweeps' say, still make one row.
alter table key_rotation drop constraint key_rotation_old_key_id_key;
create unique index key_rotation_open_old_key on key_rotation (old_key_id)
    where status not in ('DONE', 'FAILED', 'ROLLED_BACK');
create index key_rotation_old_key on key_rotation (old_key_id, started_at desc);
