-- A new access key is proven to authenticate (STS GetCallerIdentity signed with it) before its secret can be
-- fetched. Secrets sealed before this migration, and secrets that are not access keys, need no proof.
alter table secret_delivery add column key_proof varchar(20) not null default 'NOT_NEEDED';
alter table secret_delivery add column proven_at timestamptz;
alter table secret_delivery add column proof_checks integer not null default 0;
alter table secret_delivery add column proof_failure text;

-- A rotation keeps how its new key was proven; the old key is deactivated only after that.
alter table key_rotation add column new_key_proven_at timestamptz;
alter table key_rotation add column new_key_proof_checks integer;
alter table key_rotation add column new_key_proof_failure text;
