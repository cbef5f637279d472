-- IAM Steward's two database roles. Run once, as a superuser (or a role with CREATEROLE), connected to the
-- service's database, before the service first starts:
--
--   createdb iam_steward
--   psql -d iam_steward -v ON_ERROR_STOP=1 -f deploy/postgresql/roles.sql
--   psql -d iam_steward -c '\password steward_owner' -c '\password steward_app'
--
-- steward_owner owns the schema and every table: Flyway migrates as it (quarkus.flyway.username). steward_app is
-- what the service connects as (quarkus.datasource.username); it owns nothing, so it cannot switch off the audit
-- log's append-only triggers. Its privileges on the tables are given after every migration by the owner, from
-- src/main/resources/db/migration/afterMigrate__app_role_grants.sql, so that they follow the schema. Another name
-- for the app role goes in quarkus.flyway.placeholders.app_role (and here).
do $$
begin
    if not exists (select from pg_roles where rolname = 'steward_owner') then
        create role steward_owner login;
    end if;
    if not exists (select from pg_roles where rolname = 'steward_app') then
        create role steward_app login;
    end if;
    execute format('grant connect on database %I to steward_owner, steward_app', current_database());
end
$$;

-- The owner creates the tables in the public schema and owns it; nobody else may create anything there.
alter schema public owner to steward_owner;
revoke create on schema public from public;
grant usage on schema public to steward_app;
