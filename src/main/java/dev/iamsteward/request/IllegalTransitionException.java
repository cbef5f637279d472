package dev.iamsteward.request;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;

/** A request was asked to move to a status its current status does not lead to. */
public class IllegalTransitionException extends StewardException {

    public IllegalTransitionException(RequestStatus from, RequestStatus to) {
        super(ErrorKind.ILLEGAL_TRANSITION, "A request that is " + from + " cannot become " + to);
    }
}
