-- The service's intent to make a secret-bearing credential in IAM (an access key, a virtual MFA device), committed
-- before the call. A later attempt of the same step that finds a credential it has no secret for knows, from this
-- row, that an earlier call may have made it and lost the answer: it removes that credential and makes a fresh one.
create table credential_intent (
    id          bigint generated always as identity primary key,
    request_id  uuid         not null references access_request (id),
    step        integer      not null,
    -- ACCESS_KEY or MFA
    kind        varchar(20)  not null,
    user_name   varchar(64)  not null,
    -- how many calls the step has started; more than one means an earlier one ended without an answer
    calls       integer      not null,
    recorded_at timestamptz  not null,
    unique (request_id, step)
);
