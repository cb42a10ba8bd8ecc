package dev.vastguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of a JSON object body strictly: unknown fields, wrong types and out-of-range values are 400
 * problems that name the field and what is allowed. An optional field given as {@code null} reads as absent.
 */
final class Fields {

    private static final int MONEY_DECIMALS = 6;

    private final ObjectNode node;

    private Fields(ObjectNode node) {
        this.node = node;
    }

    /**
     * Wraps an object after checking that it has no fields outside a set.
     *
     * @param node the object
     * @param allowed the field names allowed
     * @return the reader
     * @throws ApiException 400 naming the first unknown field
     */
    static Fields of(ObjectNode node, Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("unknown field '" + unknown.get(0) + "'; allowed fields are "
                    + String.join(", ", new TreeSet<>(allowed)));
        }
        return new Fields(node);
    }

    /**
     * Whether a field is present and not null.
     *
     * @param name the field
     * @return true if given
     */
    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /**
     * An optional string field.
     *
     * @param name the field
     * @return the string, or empty if absent or null
     */
    Optional<String> string(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw ApiException.invalid("'" + name + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    /**
     * A required string field.
     *
     * @param name the field
     * @return the string
     */
    String requiredString(String name) {
        return string(name).orElseThrow(() -> missing(name, "a string"));
    }

    /**
     * An optional integer field within a range; a number with a fraction part or exponent ({@code 20.0}) is not an
     * integer.
     *
     * @param name the field
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @return the integer, or empty if absent or null
     */
    Optional<Integer> integer(String name, int min, int max) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        String rule = "an integer from " + min + " to " + max;
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.invalid("'" + name + "' must be " + rule);
        }
        int number = value.intValue();
        if (number < min || number > max) {
            throw ApiException.invalid("'" + name + "' must be " + rule + ", not " + number);
        }
        return Optional.of(number);
    }

    /**
     * A required integer field within a range.
     *
     * @param name the field
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @return the integer
     */
    int requiredInteger(String name, int min, int max) {
        return integer(name, min, max).orElseThrow(() -> missing(name, "an integer from " + min + " to " + max));
    }

    /**
     * An optional number field.
     *
     * @param name the field
     * @return the exact number, or empty if absent or null
     */
    Optional<BigDecimal> number(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isNumber()) {
            throw ApiException.invalid("'" + name + "' must be a number");
        }
        return Optional.of(value.decimalValue());
    }

    /**
     * An optional amount of dollars with at most six decimals.
     *
     * @param name the field
     * @param allowZero whether zero is allowed ({@code >= 0}) or not ({@code > 0})
     * @return the amount, or empty if absent or null
     */
    Optional<Money> money(String name, boolean allowZero) {
        return number(name).map(value -> toMoney(name, value, allowZero));
    }

    /**
     * A required amount of dollars with at most six decimals.
     *
     * @param name the field
     * @param allowZero whether zero is allowed
     * @return the amount
     */
    Money requiredMoney(String name, boolean allowZero) {
        return money(name, allowZero).orElseThrow(() -> missing(name, moneyRule(allowZero)));
    }

    /**
     * An optional list field whose elements are all of one kind.
     *
     * @param name the field
     * @return the elements, or empty if absent or null
     */
    Optional<List<JsonNode>> list(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            throw ApiException.invalid("'" + name + "' must be a list");
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return Optional.of(elements);
    }

    private static Money toMoney(String name, BigDecimal value, boolean allowZero) {
        String rule = moneyRule(allowZero);
        if (value.signum() < 0 || (!allowZero && value.signum() == 0)) {
            throw ApiException.invalid("'" + name + "' must be " + rule);
        }
        if (value.stripTrailingZeros().scale() > MONEY_DECIMALS) {
            throw ApiException.invalid("'" + name + "' must be " + rule + " (at most 6 decimals)");
        }
        try {
            return Money.ofDollars(value);
        } catch (ArithmeticException e) {
            throw ApiException.invalid("'" + name + "' is too large");
        }
    }

    private static String moneyRule(boolean allowZero) {
        return allowZero ? "a number of dollars of at least 0" : "a number of dollars above 0";
    }

    private static ApiException missing(String name, String rule) {
        return ApiException.invalid("'" + name + "' is required: " + rule);
    }
}
