-- Requests, findings and key rotations belong to one target account, named by its id in the configuration.
-- Rows made before there were several accounts belong to the account the service acted on then; its id is
-- the Flyway placeholder default_account ('default', the id of the account made of the older settings).
alter table access_request add column account varchar(64);
update access_request set account = '${default_account}';
alter table access_request alter column account set not null;
create index access_request_account on access_request (account, created_at desc, id desc);

alter table finding add column account varchar(64);
update finding set account = '${default_account}';
alter table finding alter column account set not null;
-- The same user name, hence the same fingerprint, can exist in two accounts.
alter table finding drop constraint finding_fingerprint_key;
alter table finding add constraint finding_account_fingerprint_key unique (account, fingerprint);

alter table key_rotation add column account varchar(64);
update key_rotation set account = '${default_account}';
alter table key_rotation alter column account set not null;

alter table issued_credential add column account varchar(64);
update issued_credential set account = '${default_account}';
alter table issued_credential alter column account set not null;
-- A user name, hence its USER and CONSOLE rows, can exist in two accounts.
alter table issued_credential drop constraint issued_credential_kind_credential_key;
alter table issued_credential add constraint issued_credential_account_kind_credential_key
    unique (account, kind, credential);
