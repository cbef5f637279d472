-- A job checks its request's plan against IAM once, before its first step; this remembers that it did.
alter table execution_job add column plan_checked boolean not null default false;
