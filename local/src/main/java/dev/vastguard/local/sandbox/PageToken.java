package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque paging tokens ({@code next_token} / {@code after_token}): the offset of the next row, tagged with the
 * listing it belongs to so a token from one listing is refused by another.
 */
final class PageToken {

    private PageToken() {}

    static String encode(String listing, int offset) {
        String plain = listing + ":" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token points at; 0 without a token; 400 {@code invalid_token} for anything else. */
    static int decode(String listing, Optional<JsonNode> token) {
        if (token.isEmpty() || token.get().isNull()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.get().asText()), StandardCharsets.UTF_8);
            if (plain.startsWith(listing + ":")) {
                int offset = Integer.parseInt(plain.substring(listing.length() + 1));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException too; both mean a bad token
        }
        throw ApiError.invalidToken();
    }
}
