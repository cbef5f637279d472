-- What a plan could not look at is said with it: e.g. "service-specific credentials: not listed, the endpoint does
-- not implement ListServiceSpecificCredentials" when offboarding against an emulator. Plans made before have none.
alter table access_request add column plan_notes jsonb not null default '[]';
