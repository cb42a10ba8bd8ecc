package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Vast.ai's filter objects ({@code {"field": {"op": operand}}}) as used by the offer search and by
 * {@code select_filters}: operators {@code eq, neq, gt, gte, lt, lte, in, notin}; numeric operands may be JSON
 * numbers or strings; {@code null} in an {@code in} list matches a null value.
 */
final class Conditions {

    private static final Set<String> OPERATORS = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "in", "notin");

    /** One {@code field op operand} test. */
    record Condition(String field, String op, JsonNode operand) {}

    private final List<Condition> conditions;

    private Conditions(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    /**
     * Reads a filter object.
     *
     * @param filters the object
     * @param include which top-level keys are filters (others, such as {@code order}, are skipped)
     * @return the conditions
     */
    static Conditions parse(ObjectNode filters, Predicate<String> include) {
        List<Condition> parsed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : filters.properties()) {
            if (!include.test(field.getKey())) {
                continue;
            }
            if (!field.getValue().isObject()) {
                throw ApiError.invalidArgs("filter for " + field.getKey() + " must be an object of operators");
            }
            for (Map.Entry<String, JsonNode> op : field.getValue().properties()) {
                parsed.add(condition(field.getKey(), op.getKey(), op.getValue()));
            }
        }
        return new Conditions(parsed);
    }

    List<String> fields() {
        return conditions.stream().map(Condition::field).distinct().toList();
    }

    /**
     * Whether a row passes every condition.
     *
     * @param row the row
     * @param valuesOf the values a field of the row can be matched as (usually just the field's value); an empty list
     *     makes the sandbox ignore conditions on that field
     * @return true if all conditions hold
     */
    boolean matches(ObjectNode row, BiFunction<String, ObjectNode, List<JsonNode>> valuesOf) {
        for (Condition c : conditions) {
            List<JsonNode> values = valuesOf.apply(c.field(), row);
            // no values: a field the rows do not have, which Vast.ai's search ignores
            if (!values.isEmpty() && !test(c, values)) {
                return false;
            }
        }
        return true;
    }

    boolean matches(ObjectNode row) {
        return matches(row, (field, r) -> List.of(r.path(field)));
    }

    private static Condition condition(String field, String op, JsonNode operand) {
        if (!OPERATORS.contains(op)) {
            throw ApiError.invalidArgs("unknown operator " + op + " for " + field);
        }
        if ((op.equals("in") || op.equals("notin")) && !operand.isArray()) {
            throw ApiError.invalidArgs("operator " + op + " for " + field + " needs a list");
        }
        return new Condition(field, op, operand);
    }

    private static boolean test(Condition c, List<JsonNode> values) {
        return switch (c.op()) {
            case "eq" -> anyEqual(values, c.operand());
            case "neq" -> !anyEqual(values, c.operand());
            case "in" -> anyIn(values, c.operand());
            case "notin" -> !anyIn(values, c.operand());
            default -> compares(c, values.get(0));
        };
    }

    private static boolean anyIn(List<JsonNode> values, JsonNode list) {
        for (JsonNode operand : list) {
            if (anyEqual(values, operand)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyEqual(List<JsonNode> values, JsonNode operand) {
        for (JsonNode value : values) {
            if (equal(value, operand)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(JsonNode value, JsonNode operand) {
        boolean valueNull = value == null || value.isNull() || value.isMissingNode();
        if (operand == null || operand.isNull()) {
            return valueNull;
        }
        if (valueNull) {
            return false;
        }
        if (value.isNumber()) {
            return number(operand).compareTo(value.decimalValue()) == 0;
        }
        if (value.isBoolean()) {
            return bool(operand) == value.booleanValue();
        }
        return value.asText().equals(operand.asText());
    }

    private static boolean compares(Condition c, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        int cmp = value.isNumber()
                ? value.decimalValue().compareTo(number(c.operand()))
                : value.asText().compareTo(c.operand().asText());
        return switch (c.op()) {
            case "gt" -> cmp > 0;
            case "gte" -> cmp >= 0;
            case "lt" -> cmp < 0;
            default -> cmp <= 0;
        };
    }

    private static BigDecimal number(JsonNode operand) {
        BigDecimal number = Json.decimal(operand);
        if (number == null) {
            throw ApiError.invalidArgs("invalid numeric value " + operand);
        }
        return number;
    }

    private static boolean bool(JsonNode operand) {
        if (operand.isBoolean()) {
            return operand.booleanValue();
        }
        String text = operand.asText();
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw ApiError.invalidArgs("invalid boolean value " + operand);
    }
}
