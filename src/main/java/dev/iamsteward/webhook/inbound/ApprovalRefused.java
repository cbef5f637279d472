package dev.iamsteward.webhook.inbound;

/**
 * A ticket moved to an approved status by someone whose approval does not count: not a mapped person, or one
 * the approval rules refuse (the requester, someone not eligible). The delivery is processed again without
 * the approval, and the refusal is recorded.
 */
class ApprovalRefused extends RuntimeException {

    ApprovalRefused(String why) {
        super(why);
    }
}
