-- The privileges of the service's own database role, given again after every migration (a Flyway callback, run by
-- the owner that migrates), so that they always match the schema: nothing more than the service uses.
--
-- The role is the placeholder app_role (quarkus.flyway.placeholders.app_role, steward_app by default), created once
-- with deploy/postgresql/roles.sql. Where it does not exist (dev mode, tests), the service runs as the owner and
-- nothing is done here.
--
-- Every table not named below gets nothing; a new table needs its line here, or the service cannot use it (and
-- deploy/DatabaseRoleTest fails).
do $$
declare
    app   constant text := '${app_role}';
    t     text;
begin
    if not exists (select from pg_roles where rolname = app) then
        return;
    end if;
    -- Replicas starting together would otherwise grant at the same time ("tuple concurrently updated").
    perform pg_advisory_xact_lock(hashtext('iam-steward app_role grants'));
    -- From nothing, so that a privilege given by an earlier version of this file and no longer needed goes.
    execute format('revoke all on all tables in schema public from %I', app);
    execute format('revoke all on all sequences in schema public from %I', app);
    execute format('grant usage on schema public to %I', app);

    -- The audit log is read and appended to, never changed: without UPDATE, DELETE and TRUNCATE the role is refused
    -- before the append-only triggers are even asked, and not owning the table it cannot switch them off.
    execute format('grant select, insert on audit_event to %I', app);

    -- Rows the service writes and changes but never deletes.
    foreach t in array array['access_request', 'decision', 'request_comment', 'execution_job', 'secret_delivery',
            'finding', 'key_rotation', 'issued_credential', 'credential_intent'] loop
        execute format('grant select, insert, update on %I to %I', t, app);
    end loop;

    -- Rows the service also deletes: keys past retention, processed deliveries and notifications, replicas that
    -- stopped, lifted exemptions; and Quartz's clustered store, which deletes fired and replaced triggers and the
    -- state of replicas gone.
    foreach t in array array['idempotency_key', 'webhook_inbox', 'notification', 'work_queue_replica',
            'rotation_exemption', 'qrtz_job_details', 'qrtz_triggers', 'qrtz_simple_triggers', 'qrtz_cron_triggers',
            'qrtz_simprop_triggers', 'qrtz_blob_triggers', 'qrtz_calendars', 'qrtz_paused_trigger_grps',
            'qrtz_fired_triggers', 'qrtz_scheduler_state', 'qrtz_locks'] loop
        execute format('grant select, insert, update, delete on %I to %I', t, app);
    end loop;
end
$$;
