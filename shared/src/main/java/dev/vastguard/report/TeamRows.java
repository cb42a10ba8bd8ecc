package dev.vastguard.report;

import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Turns one team's ledger lines of a month into chargeback rows: it joins each line with what Vast.ai charged for
 * the instance that day (where the day was reconciled) and adds an untracked row for every charge the ledger has no
 * line for.
 *
 * <p>The ledger arrives in (day, instance id) order and the comparisons are held in the same order, so the join is
 * a single merge: the team's lines are never held in memory, only its at most 31 daily comparisons.
 */
final class TeamRows {

    private final TeamId team;
    private final Deque<Charge> charges;
    private final Set<LocalDate> reconciledDays;
    private final Set<Long> adopted;
    private final Set<Long> closedOut;
    private final Consumer<ChargebackRow> out;

    /**
     * Creates the join for one team.
     *
     * @param team the team
     * @param checks its stored comparisons with Vast.ai's charges for the month
     * @param adopted ids of its instances that were adopted rather than created through vastguard
     * @param closedOut ids of its instances that vanished and were closed out
     * @param out receives the rows in (day, instance id) order
     */
    TeamRows(
            TeamId team,
            List<ChargeCheck> checks,
            Set<Long> adopted,
            Set<Long> closedOut,
            Consumer<ChargebackRow> out) {
        this.team = team;
        this.charges = checks.stream()
                .flatMap(check -> check.instances().stream()
                        .map(instance -> new Charge(check.day(), instance.instanceId(), instance.charged())))
                .sorted(Comparator.comparing(Charge::day).thenComparingLong(Charge::instanceId))
                .collect(Collectors.toCollection(ArrayDeque::new));
        this.reconciledDays = checks.stream().map(ChargeCheck::day).collect(Collectors.toUnmodifiableSet());
        this.adopted = Set.copyOf(adopted);
        this.closedOut = Set.copyOf(closedOut);
        this.out = out;
    }

    /**
     * Emits the row of one ledger line, after the untracked rows that sort before it.
     *
     * @param line the next line, in (day, instance id) order
     */
    void accept(LedgerLine line) {
        flushChargesBefore(line.day(), line.instanceId());
        Optional<Money> charged = Optional.empty();
        Charge next = charges.peekFirst();
        if (next != null && next.day().equals(line.day()) && next.instanceId() == line.instanceId()) {
            charges.removeFirst();
            charged = Optional.of(next.charged());
        } else if (reconciledDays.contains(line.day())) {
            // The day was compared and Vast.ai listed no charge for the instance.
            charged = Optional.of(Money.ZERO);
        }
        out.accept(new ChargebackRow(
                team,
                line.instanceId(),
                line.gpuName(),
                line.numGpus(),
                line.day(),
                line.gpuSeconds(),
                line.storageSeconds(),
                line.cost(),
                charged,
                adopted.contains(line.instanceId()),
                closedOut.contains(line.instanceId()),
                false));
    }

    /** Emits the untracked rows left after the last ledger line. */
    void finish() {
        flushChargesBefore(LocalDate.MAX, Long.MAX_VALUE);
    }

    private void flushChargesBefore(LocalDate day, long instanceId) {
        while (!charges.isEmpty() && before(charges.peekFirst(), day, instanceId)) {
            Charge charge = charges.removeFirst();
            if (charge.charged().micros() != 0) {
                out.accept(new ChargebackRow(
                        team,
                        charge.instanceId(),
                        "",
                        0,
                        charge.day(),
                        0,
                        0,
                        Money.ZERO,
                        Optional.of(charge.charged()),
                        adopted.contains(charge.instanceId()),
                        closedOut.contains(charge.instanceId()),
                        true));
            }
        }
    }

    private static boolean before(Charge charge, LocalDate day, long instanceId) {
        int byDay = charge.day().compareTo(day);
        return byDay < 0 || (byDay == 0 && charge.instanceId() < instanceId);
    }

    /** What Vast.ai charged for one instance on one day. */
    private record Charge(LocalDate day, long instanceId, Money charged) {}
}
