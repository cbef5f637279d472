#!/usr/bin/env bash
# The anchor of the onboarding benchmark (bench/engine.sh onboarding): one onboarding with the aws CLI, making the
# IAM calls the service's plans make for CREATE_USER, GRANT_CONSOLE_ACCESS, CREATE_ACCESS_KEY and ADD_TO_GROUP.
#   AWS=... ENDPOINT=... GROUP=... BOUNDARY=... bench/onboard-cli.sh USER
set -euo pipefail
user=$1
iam() { "$AWS" --endpoint-url "$ENDPOINT" --output json iam "$@"; }
iam create-user --user-name "$user" --path /iam-steward/ --permissions-boundary "$BOUNDARY" \
    --tags Key=iam-steward:owner,Value=alice Key=iam-steward:requester,Value=alice \
    Key=iam-steward:request-id,Value="$(cat /proc/sys/kernel/random/uuid)"
iam create-login-profile --user-name "$user" --password "Aa1!$(head -c 18 /dev/urandom | base64 | tr '/+' '_-')" \
    --password-reset-required
iam attach-user-policy --user-name "$user" --policy-arn arn:aws:iam::aws:policy/IAMUserChangePassword
iam create-access-key --user-name "$user"
iam add-user-to-group --group-name "$GROUP" --user-name "$user"
