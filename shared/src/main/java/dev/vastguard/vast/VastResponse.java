package dev.vastguard.vast;

/**
 * What Vast.ai answered to the last attempt of a call.
 *
 * @param status the HTTP status
 * @param body the body text, possibly empty
 * @param afterUncertainAttempt whether an earlier attempt of the same call may have reached Vast.ai without its
 *     answer reaching us (an I/O error, a timeout or a 5xx), so the call may already have taken effect
 */
record VastResponse(int status, String body, boolean afterUncertainAttempt) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
