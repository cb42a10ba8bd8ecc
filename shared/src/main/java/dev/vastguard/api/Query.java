package dev.vastguard.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads query parameters strictly: unknown, repeated or malformed parameters are 400 problems naming them. */
final class Query {

    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,9}$");

    private final ApiRequest request;

    private Query(ApiRequest request) {
        this.request = request;
    }

    /**
     * Wraps a request's query after checking it has no parameters outside a set.
     *
     * @param request the request
     * @param allowed the parameter names allowed
     * @return the reader
     * @throws ApiException 400 naming the first unknown parameter
     */
    static Query of(ApiRequest request, Set<String> allowed) {
        Optional<String> unknown = new TreeSet<>(request.queryParameters().keySet())
                .stream().filter(name -> !allowed.contains(name)).findFirst();
        if (unknown.isPresent()) {
            String known = allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed));
            throw ApiException.invalid(
                    "unknown query parameter '" + unknown.get() + "'; allowed parameters are " + known);
        }
        return new Query(request);
    }

    /**
     * An optional parameter given at most once and not blank.
     *
     * @param name the parameter
     * @return its value, or empty if absent
     */
    Optional<String> string(String name) {
        List<String> values = request.queryParameters().getOrDefault(name, List.of());
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiException.invalid("query parameter '" + name + "' may be given only once");
        }
        String value = values.get(0);
        if (value.isBlank()) {
            throw ApiException.invalid("query parameter '" + name + "' must not be empty");
        }
        return Optional.of(value);
    }

    /**
     * A required parameter.
     *
     * @param name the parameter
     * @param what what the value should be, for the problem detail
     * @return its value
     */
    String required(String name, String what) {
        return string(name)
                .orElseThrow(() -> ApiException.invalid("query parameter '" + name + "' is required: " + what));
    }

    /**
     * An optional integer parameter within a range.
     *
     * @param name the parameter
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @return the integer, or empty if absent
     */
    Optional<Integer> integer(String name, int min, int max) {
        return string(name).map(text -> {
            String rule = "query parameter '" + name + "' must be an integer from " + min + " to " + max;
            if (!DIGITS.matcher(text).matches()) {
                throw ApiException.invalid(rule);
            }
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw ApiException.invalid(rule);
            }
            return value;
        });
    }
}
