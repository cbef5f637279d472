-- A delivery that was signed and valid but that the service refused while processing it (an unknown reporter, a
-- user that already exists, a request type it does not know) keeps its reason here, listed for admins by
-- GET /v1/webhooks/refused, newest first.
alter table webhook_inbox add column refusal varchar(2000);
create index webhook_inbox_refused on webhook_inbox (updated_at desc, id desc) where refusal is not null;
