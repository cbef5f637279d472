package dev.iamsteward.posture;

import dev.iamsteward.account.Organization;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.iam.RootUserCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every member account's root user in an IAMAuditRootUserCredentials session (the service's own, since no
 * request is served) and says, per account, which credentials it still holds. Nothing is changed.
 */
@ApplicationScoped
class MemberRootAudit {

    /** The subject of a member account's root finding. */
    static final String SUBJECT_PREFIX = "root:";

    private final Organization organization;

    MemberRootAudit(Organization organization) {
        this.organization = organization;
    }

    boolean configured() {
        return organization.configured();
    }

    String recordedUnder() {
        return organization.recordedUnder();
    }

    /** One observation per member account whose root user holds any credential; fails if any account fails. */
    List<Observation> observe() {
        List<Observation> seen = new ArrayList<>();
        for (String member : organization.members()) {
            RootSession session = organization.root().assumeRoot(member, RootTask.AUDIT_ROOT_USER_CREDENTIALS,
                    organization.sessionDuration(), null);
            RootUserCredentials found = RootUserCredentials.readIn(session);
            if (!found.none()) {
                Map<String, String> evidence = new LinkedHashMap<>(found.counts());
                evidence.put("memberAccount", member);
                seen.add(new Observation(FindingKind.MEMBER_ROOT_CREDENTIALS, SUBJECT_PREFIX + member, member,
                        evidence));
            }
        }
        return seen;
    }
}
