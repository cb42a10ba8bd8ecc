package dev.vastguard.sweep;

import dev.vastguard.secrets.MissingSecretException;
import dev.vastguard.secrets.VastApiKey;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastClientException;
import java.util.Objects;
import java.util.Optional;

/** Turns a team's failure into the reason the sweep summary shows: short, and never holding the team's key. */
final class Failures {

    private static final int MAX_LENGTH = 500;
    private static final String REDACTED = "[redacted]";

    private Failures() {}

    static String reason(RuntimeException failure, Optional<VastApiKey> key) {
        String text = describe(failure);
        // Messages of our own exceptions never hold keys; this also covers anything that echoes a request.
        String scrubbed = key.map(k -> text.replace(k.value(), REDACTED)).orElse(text);
        return scrubbed.length() > MAX_LENGTH ? scrubbed.substring(0, MAX_LENGTH) + "..." : scrubbed;
    }

    static String describe(RuntimeException failure) {
        String message = Objects.requireNonNullElse(failure.getMessage(), "").strip();
        boolean explained = failure instanceof MissingSecretException
                || failure instanceof VastApiException
                || failure instanceof VastClientException
                || failure instanceof EnforcementException;
        if (explained && !message.isEmpty()) {
            return message;
        }
        String type = failure.getClass().getSimpleName();
        return message.isEmpty() ? type : type + ": " + message;
    }
}
