package dev.vastguard.local.sandbox;

import java.util.regex.Matcher;

/**
 * One authenticated API call.
 *
 * @param request the request
 * @param accountKey the caller's account key, or null on an endpoint that allows anonymous calls
 * @param path the match of the route's path pattern
 */
record Call(SandboxRequest request, String accountKey, Matcher path) {

    /** The numeric id in the path; 400 {@code invalid_args} with {@code what} if it is not a number. */
    long pathId(String what) {
        try {
            return Long.parseLong(path.group(1));
        } catch (NumberFormatException e) {
            throw ApiError.invalidArgs("invalid " + what);
        }
    }
}
