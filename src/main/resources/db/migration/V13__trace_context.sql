-- The W3C trace context (traceparent) of the work that caused later work, so that a worker, on any replica, can
-- continue the trace: the request's submission, the approval that queued its job, the HTTP call that received a
-- webhook delivery and the change that wrote a notification. Ids only; null when tracing was not active.
alter table access_request add column submit_traceparent varchar(55);
alter table execution_job add column traceparent varchar(55);
alter table webhook_inbox add column traceparent varchar(55);
alter table notification add column traceparent varchar(55);
