-- Break-glass: a requester whose rule allows it approves their own request, with a reason, when its approvers
-- cannot be reached. The rule's break-glass terms are fixed on the request at submission, like its other
-- approval terms; the use itself, the end of the access it granted, and the later review are kept on the request.
alter table access_request
    add column break_glass_groups varchar(1000),
    add column break_glass_access_seconds bigint,
    add column break_glass_review_seconds bigint,
    add column break_glass_reason varchar(1000),
    add column break_glass_at timestamp with time zone,
    add column break_glass_until timestamp with time zone,
    add column break_glass_review_due timestamp with time zone,
    add column break_glass_reviewed_by varchar(256),
    add column break_glass_reviewed_at timestamp with time zone,
    add column break_glass_review varchar(1000);

-- Break-glass uses still waiting for their review, oldest due first: what the review sweep reads.
create index access_request_break_glass_review on access_request (break_glass_review_due)
    where break_glass_at is not null and break_glass_reviewed_at is null;
