package dev.iamsteward.execution;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.Secret;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.Totp;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestAccess;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.RequestView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Completes an MFA enrolment: the owner's two codes are checked against the service's sealed copy of the seed
 * before IAM is asked to enable the device, and the codes themselves are never stored.
 */
@ApplicationScoped
public class MfaCodesService {

    private final TargetAccounts accounts;
    private final DeliveryService deliveries;
    private final JobQueue jobs;
    private final AuditLog audit;
    private final Clock clock;

    MfaCodesService(TargetAccounts accounts, DeliveryService deliveries, JobQueue jobs, AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(dontRollbackOn = StewardException.class)
    public RequestView submit(UUID requestId, MfaCodes codes, Caller caller) {
        AccessRequest request = awaitingOwnersCodes(requestId, caller);
        int step = request.stepsDone;
        String serial = request.plan.get(step).parameters().get("SerialNumber");
        Secret seed = sealedSeed(request, step, caller);
        Instant now = clock.instant();
        if (!Totp.consecutive(seed, codes.code1(), codes.code2(), now)) {
            throw StewardException.invalid("these are not two consecutive codes of the new device; wait for a "
                    + "fresh code and send the next two");
        }
        enable(request, serial, codes);
        deliveries.destroy(request.id, step);
        audit.record(request.mfaCodesAccepted(caller.name(), now).audit("execution.mfa-codes-accepted"));
        audit.record(request.stepDone(caller.name(), now).audit("execution.step-done"));
        jobs.requeue(request.id);
        return RequestView.of(request, List.of());
    }

    /**
     * The request, locked, once it is waiting for codes and the caller is its user's owner. Whoever may not see the
     * request (the one visibility rule of {@link RequestAccess}) is told it does not exist.
     */
    private static AccessRequest awaitingOwnersCodes(UUID requestId, Caller caller) {
        AccessRequest request = RequestAccess.visible(requestId, caller, true);
        if (!caller.name().equals(request.owner)) {
            throw new StewardException(ErrorKind.NOT_RECIPIENT, "only the owner of '" + request.userName
                    + "', who holds the device, may enable it");
        }
        if (request.status != RequestStatus.AWAITING_MFA_CODES) {
            throw new StewardException(ErrorKind.ILLEGAL_TRANSITION, "the request is " + request.status
                    + ", not waiting for MFA codes");
        }
        return request;
    }

    /** The device's seed, sealed until its codes arrive; once it has expired the request fails. */
    private Secret sealedSeed(AccessRequest request, int step, Caller caller) {
        Optional<Secret> seed = deliveries.unread(request.id, step);
        if (seed.isEmpty()) {
            jobs.failWaiting(request, caller.name(), "the device's seed expired before its codes arrived; submit "
                    + "ENROL_MFA again");
            throw new StewardException(ErrorKind.SECRET_GONE, "the time to enable this device ran out; the request "
                    + "has failed, submit ENROL_MFA again");
        }
        return seed.get();
    }

    private void enable(AccessRequest request, String serial, MfaCodes codes) {
        try {
            accounts.stored(request.account).directory().enableMfaDevice(request.userName, serial, codes.code1(),
                    codes.code2(), new Attribution(request.id, request.requester, request.approvers()));
        } catch (IamException.InvalidInput e) {
            throw StewardException.invalid("IAM did not accept the codes; send the next two");
        }
    }
}
