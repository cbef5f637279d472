"""The production-like local run: PostgreSQL 15, moto as IAM, a local token issuer and the packaged service in
production mode on the AWS adapter. Checks that a request goes end to end, then (without --check) keeps everything
running until Ctrl-C and prints how to call it. Settings: HTTP_PORT (8080), PG_PORT (55432), MOTO_PORT (5000)."""
import os
import signal
import sys
import time

from stack import ROOT, Api, Moto, Postgres, Service, Tokens, local_key, new_user_name

WORK = os.path.join(ROOT, "target", "local-run")
HTTP_PORT = int(os.environ.get("HTTP_PORT", "8080"))
os.makedirs(WORK, exist_ok=True)
check_only = "--check" in sys.argv
started = time.time()

pg = Postgres(WORK, int(os.environ.get("PG_PORT", "55432")))
moto = Moto(WORK, int(os.environ.get("MOTO_PORT", "5000")))
service = None
try:
    pg.init()
    pg.create_database("steward")
    moto.start()
    tokens = Tokens()
    service = Service("service", WORK, HTTP_PORT, HTTP_PORT + 920, "steward", pg, moto.url, moto.url, tokens.public,
                      local_key())
    service.start()
    print(f"up in {time.time() - started:.1f} s: service {service.url} (health {service.health}), "
          f"PostgreSQL port {pg.port}, moto {moto.url}; logs in {WORK}")

    api = Api(tokens, service.url)
    user = new_user_name("local")
    submitted = api.submit("CREATE_USER", user)
    assert submitted.status_code == 202, f"submission answered {submitted.status_code}: {submitted.text}"
    request_id = submitted.json()["id"]
    approved = api.approve(request_id)
    assert approved.status_code == 200, f"approval answered {approved.status_code}: {approved.text}"
    final = api.wait_status(request_id, {"SUCCEEDED", "FAILED"})
    assert final["status"] == "SUCCEEDED", f"request {request_id} ended {final['status']}: {final.get('failureReason')}"
    arn = moto.iam().get_user(UserName=user)["User"]["Arn"]
    print(f"check passed: CREATE_USER {user} submitted, approved, SUCCEEDED; moto has {arn}")

    if not check_only:
        print("\nTokens (valid 8 hours) and a first call, in another terminal:")
        for who, group in Api.PEOPLE.items():
            print(f"export {who.upper()}={tokens.token(who, group)}")
        print(f"curl -s {service.url}/v1/requests -H \"Authorization: Bearer $ALICE\" "
              "-H 'Content-Type: application/json' "
              "-d '{\"type\":\"CREATE_USER\",\"userName\":\"data-analyst\",\"reason\":\"first try\"}'")
        print(f"aws --endpoint-url {moto.url} iam list-users   # moto's view (AWS_ACCESS_KEY_ID=testing ...)")
        print("\nRunning; Ctrl-C stops everything.")
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
finally:
    if service:
        service.stop()
    moto.stop()
    pg.stop()
