package dev.vastguard.ledger.dynamo;

import dev.vastguard.team.TeamId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys and attribute names of the ledger table, shared by the reader here and the accrual writer in the
 * instance repository.
 */
public final class LedgerKeys {

    /** The partition key: the team id. */
    public static final String PK = "team";

    /** The sort key: {@code line#DAY#ID}, {@code day#DAY}, {@code month#MONTH} or {@code charges#DAY}. */
    public static final String SK = "sk";

    /** The cost in micro-dollars, a number, on every line and total. */
    public static final String COST = "cost_micros";

    /** Seconds billed at the running rate, on lines. */
    public static final String GPU_SECONDS = "gpu_seconds";

    /** Seconds billed at the storage rate, on lines. */
    public static final String STORAGE_SECONDS = "storage_seconds";

    /** The GPU name, on lines. */
    public static final String GPU_NAME = "gpu_name";

    /** The GPU count, on lines. */
    public static final String NUM_GPUS = "num_gpus";

    /** The UTC day ({@code YYYY-MM-DD}), on lines. */
    public static final String DAY = "day";

    /** The instance id, a number, on lines. */
    public static final String INSTANCE_ID = "instance_id";

    /** The end of the latest accrual into a line, epoch seconds, on lines; reports take their watermark from it. */
    public static final String ACCRUED_TO = "accrued_to";

    private LedgerKeys() {}

    /**
     * The sort key of one instance's line for one day.
     *
     * @param day the UTC day
     * @param instanceId the instance
     * @return {@code line#YYYY-MM-DD#<20-digit id>}
     */
    public static String line(LocalDate day, long instanceId) {
        return "line#" + day + "#" + String.format(Locale.ROOT, "%020d", instanceId);
    }

    /**
     * The sort key prefix shared by a month's lines.
     *
     * @param month the month
     * @return {@code line#YYYY-MM-}
     */
    public static String linePrefix(YearMonth month) {
        return "line#" + month + "-";
    }

    /**
     * The sort key of a team's total for one day.
     *
     * @param day the UTC day
     * @return {@code day#YYYY-MM-DD}
     */
    public static String day(LocalDate day) {
        return "day#" + day;
    }

    /**
     * The sort key of a team's total for one month.
     *
     * @param month the month
     * @return {@code month#YYYY-MM}
     */
    public static String month(YearMonth month) {
        return "month#" + month;
    }

    /**
     * The sort key of a team's comparison with Vast.ai's charges for one day.
     *
     * @param day the UTC day
     * @return {@code charges#YYYY-MM-DD}
     */
    public static String chargeCheck(LocalDate day) {
        return "charges#" + day;
    }

    /**
     * The sort key prefix shared by a month's charge checks.
     *
     * @param month the month
     * @return {@code charges#YYYY-MM-}
     */
    public static String chargeCheckPrefix(YearMonth month) {
        return "charges#" + month + "-";
    }

    /**
     * The full key of a ledger item.
     *
     * @param team the team
     * @param sortKey the sort key
     * @return the key attributes
     */
    public static Map<String, AttributeValue> key(TeamId team, String sortKey) {
        return Map.of(PK, AttributeValue.fromS(team.value()), SK, AttributeValue.fromS(sortKey));
    }
}
