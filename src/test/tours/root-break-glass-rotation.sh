#!/usr/bin/env bash
# The tour of docs/posture.md#a-tour-root-credentials-break-glass-and-a-proven-key, run against dev mode
# (./mvnw quarkus:dev, freshly started): a member account's root access key found by the posture scan, its
# deletion requested, approved by two people and carried out, the finding closed and the audit rows shown; a
# break-glass request used and reviewed; a rotation that waited for its new key to authenticate; a member account's
# root password made recoverable for a short window, after which the service deletes it again by itself (this part
# waits for the request sweep, up to a minute and a half). Needs curl, jq and GNU date.
# Exits 1 at the first answer that is not the one the tour promises.
set -euo pipefail
BASE=${1:-http://localhost:8080}
ISSUER=$(cat target/dev-oidc-issuer)
token() {
  curl -s "$ISSUER/token" -d grant_type=password -d username="$1" -d client_id=quarkus-app -d client_secret=secret \
    | jq -r .access_token
}
ALICE=$(token alice); BOB=$(token bob); CAROL=$(token carol); DAVE=$(token dave); ERIN=$(token erin)
step=0
check() { # check WHAT ACTUAL EXPECTED
  step=$((step + 1))
  if [ "$2" = "$3" ]; then echo "ok   $step. $1 ($2)"; else echo "FAIL $step. $1: got '$2', expected '$3'"; exit 1; fi
}
api() { # api TOKEN METHOD PATH [BODY]
  if [ $# -ge 4 ]; then
    curl -s -X "$2" "$BASE$3" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$4"
  else
    curl -s -X "$2" "$BASE$3" -H "Authorization: Bearer $1"
  fi
}
status_of() { # status_of TOKEN REQUEST-ID WANTED: waits up to 10 s for the request to reach WANTED
  for _ in $(seq 1 20); do
    s=$(api "$1" GET "/v1/requests/$2" | jq -r .status)
    [ "$s" = "$3" ] && break
    sleep 0.5
  done
  echo "$s"
}

# 1. The posture scan audits every member account's root user through IAMAuditRootUserCredentials sessions.
api "$DAVE" POST /v1/findings/scan > /dev/null
FINDING=$(api "$ERIN" GET "/v1/findings?kind=MEMBER_ROOT_CREDENTIALS&status=OPEN" | jq -r '.items[0]')
check "the scan finds the root access key of member account 111111111111" \
  "$(jq -r '.subject + " " + (.evidence.accessKeys|tostring)' <<<"$FINDING")" "root:111111111111 1"

# 2. Remediating it files DELETE_ROOT_CREDENTIALS, high risk: two approvals.
ROOT=$(api "$DAVE" POST "/v1/findings/$(jq -r .id <<<"$FINDING")/remediate" | jq -r .id)
PLAN=$(api "$DAVE" GET "/v1/requests/$ROOT")
check "the request plans the key's deletion in an IAMDeleteRootUserCredentials session" \
  "$(jq -r '.type + " " + .risk + " " + .plan[0].action + " " + (.plan[0].parameters.TaskPolicyArn|split("/")|last)' <<<"$PLAN")" \
  "DELETE_ROOT_CREDENTIALS HIGH iam:DeleteAccessKey IAMDeleteRootUserCredentials"
api "$BOB" POST "/v1/requests/$ROOT/approvals" '{"decision":"APPROVE","comment":"Root keys must go"}' > /dev/null
check "one approval is not enough" "$(api "$DAVE" GET "/v1/requests/$ROOT" | jq -r .status)" "PENDING_APPROVAL"
api "$CAROL" POST "/v1/requests/$ROOT/approvals" '{"decision":"APPROVE"}' > /dev/null
check "after the second the service deletes the root access key" "$(status_of "$DAVE" "$ROOT" SUCCEEDED)" "SUCCEEDED"

# 3. The next scan no longer sees it, and the finding is resolved.
api "$DAVE" POST /v1/findings/scan > /dev/null
check "the finding is resolved" "$(api "$ERIN" GET "/v1/findings/$(jq -r .id <<<"$FINDING")" | jq -r .status)" "RESOLVED"
check "the audit log has the request's submission, approvals and step, in order" \
  "$(api "$ERIN" GET "/v1/audit?requestId=$ROOT&limit=100" | jq -r '[.items[].action] | reverse | join(" ")')" \
  "request.submitted request.approval-recorded request.approved execution.started execution.step-done execution.succeeded"
echo "     CloudTrail names the request: session steward-$ROOT, source identity dave (checked against a scripted STS in AwsOrganizationRootWireTest)"

# 4. Break-glass: alice needs the high-risk ops profile and no approver answers.
USER=$(api "$ALICE" POST /v1/requests '{"type":"CREATE_USER","userName":"tour-oncall","path":"/iam-steward/data/","reason":"On-call engineer"}' | jq -r .id)
api "$BOB" POST "/v1/requests/$USER/approvals" '{"decision":"APPROVE"}' > /dev/null
status_of "$ALICE" "$USER" SUCCEEDED > /dev/null
OPS=$(api "$ALICE" POST /v1/requests '{"type":"ADD_TO_GROUP","userName":"tour-oncall","profile":"ops","reason":"INC-4711 production outage"}' | jq -r .id)
check "alice uses break-glass on her own request" \
  "$(api "$ALICE" POST "/v1/requests/$OPS/break-glass" '{"reason":"INC-4711: production down, no approver answers"}' | jq -r '.breakGlass.reason')" "INC-4711: production down, no approver answers"
check "the access is granted, time-bound" "$(status_of "$ALICE" "$OPS" SUCCEEDED)" "SUCCEEDED"
check "bob reviews it afterwards" \
  "$(api "$BOB" POST "/v1/requests/$OPS/break-glass/review" '{"comment":"Justified by INC-4711"}' | jq -r '.breakGlass.reviewedBy')" "bob"

# 5. A rotation that waits for its new key to authenticate (dev mode: new keys fail two checks first).
KEYREQ=$(api "$ALICE" POST /v1/requests '{"type":"CREATE_ACCESS_KEY","userName":"tour-oncall","reason":"CI uploads"}' | jq -r .id)
api "$BOB" POST "/v1/requests/$KEYREQ/approvals" '{"decision":"APPROVE"}' > /dev/null
status_of "$ALICE" "$KEYREQ" SUCCEEDED > /dev/null
KEY=$(api "$ALICE" GET "/v1/requests/$KEYREQ" | jq -r '.secrets[0].label')
check "the new key's secret was ready only once the key authenticated" \
  "$(api "$ALICE" GET "/v1/requests/$KEYREQ" | jq -r '.secrets[0].keyProof.state + " after " + (.secrets[0].keyProof.checks|tostring) + " checks"')" "PROVEN after 3 checks"
ROT=$(api "$ALICE" POST /v1/requests "{\"type\":\"ROTATE_ACCESS_KEY\",\"userName\":\"tour-oncall\",\"accessKeyId\":\"$KEY\",\"reason\":\"Rotate before handing over\"}" | jq -r .id)
api "$BOB" POST "/v1/requests/$ROT/approvals" '{"decision":"APPROVE"}' > /dev/null
status_of "$ALICE" "$ROT" SUCCEEDED > /dev/null
for _ in $(seq 1 60); do # dev mode's rotation sweep runs every 10 s
  ROTATION=$(api "$ERIN" GET "/v1/rotations?accessKeyId=$KEY" | jq -c '.items[0]')
  [ "$(jq -r .newKeyProofChecks <<<"$ROTATION")" != "null" ] && break
  sleep 1
done
check "the rotation waited for its new key to authenticate before going on" \
  "$(jq -r '(.newKeyProofChecks|tostring) + " checks, proven " + (.newKeyProvenAt != null|tostring)' <<<"$ROTATION")" "3 checks, proven true"

# 7. Root password recovery: the admin of member account 222222222222 is locked out. alice asks that the root
#    user's email owner may recover its password for 45 seconds; the plan makes the login profile, without a
#    password, in an IAMCreateRootUserPassword session; two approvals.
UNTIL=$(date -u -d '+45 seconds' +%Y-%m-%dT%H:%M:%SZ)
REC=$(api "$ALICE" POST /v1/requests "{\"type\":\"ALLOW_ROOT_PASSWORD_RECOVERY\",\"userName\":\"222222222222\",\"expiresAt\":\"$UNTIL\",\"reason\":\"Our only admin role in 222222222222 was deleted by mistake\"}")
check "the recovery is one CreateLoginProfile without a password in an IAMCreateRootUserPassword session" \
  "$(jq -r '.type + " " + .risk + " " + .plan[0].action + " " + (.plan[0].parameters.TaskPolicyArn|split("/")|last) + " " + (.plan[0].parameters|has("Password")|tostring)' <<<"$REC")" \
  "ALLOW_ROOT_PASSWORD_RECOVERY HIGH iam:CreateLoginProfile IAMCreateRootUserPassword false"
REC=$(jq -r .id <<<"$REC")
api "$BOB" POST "/v1/requests/$REC/approvals" '{"decision":"APPROVE","comment":"Let the account owner back in"}' > /dev/null
api "$CAROL" POST "/v1/requests/$REC/approvals" '{"decision":"APPROVE"}' > /dev/null
check "after two approvals the root password can be recovered" "$(status_of "$DAVE" "$REC" SUCCEEDED)" "SUCCEEDED"

# 8. The window ends: the request sweep (every minute) files DELETE_ROOT_CREDENTIALS, approves it under its own
#    rule, runs it, and says what the root user held then.
FOLLOW=null
for _ in $(seq 1 150); do
  FOLLOW=$(api "$DAVE" GET "/v1/requests/$REC" | jq -r .expiryRequestId)
  [ "$FOLLOW" != "null" ] && break
  sleep 1
done
check "the window's end filed and ran DELETE_ROOT_CREDENTIALS under time-bound-expiry" \
  "$(status_of "$DAVE" "$FOLLOW" SUCCEEDED) $(api "$DAVE" GET "/v1/requests/$FOLLOW" | jq -r '.type + " " + .approval.rule')" \
  "SUCCEEDED DELETE_ROOT_CREDENTIALS time-bound-expiry"
check "its approval says what the root user held at the window's end" \
  "$(api "$DAVE" GET "/v1/requests/$FOLLOW" | jq -r '.decisions[0].comment')" \
  "recovery window ended; the root user held: password present, no access key, no signing certificate, no MFA device; approved under rule 'time-bound-expiry'"
check "the recovery request's last audit row" \
  "$(api "$ERIN" GET "/v1/audit?requestId=$REC&limit=100" | jq -r '.items[0].action')" "access.expired"
echo "the tour passed: $step steps"
