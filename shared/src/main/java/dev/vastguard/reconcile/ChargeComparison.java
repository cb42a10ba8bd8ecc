package dev.vastguard.reconcile;

import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastCharge;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares a team's ledger lines for one UTC day with Vast.ai's charges for that day, instance by instance. */
final class ChargeComparison {

    private ChargeComparison() {}

    /**
     * Sums both sides per instance. Lines and charges of other days are ignored; several charges of one instance on
     * the day are added up.
     *
     * @param team the team
     * @param day the UTC day
     * @param lines the team's ledger lines (any days)
     * @param charges Vast.ai's charges on the team's account (any days)
     * @param at when the comparison is made
     * @return the comparison, one entry per instance on either side
     */
    static ChargeCheck compare(
            TeamId team, LocalDate day, List<LedgerLine> lines, List<VastCharge> charges, Instant at) {
        Map<Long, Money> ledger = new TreeMap<>();
        Map<Long, Money> charged = new TreeMap<>();
        for (LedgerLine line : lines) {
            if (line.day().equals(day)) {
                ledger.merge(line.instanceId(), line.cost(), Money::plus);
            }
        }
        for (VastCharge charge : charges) {
            if (charge.day().equals(day)) {
                charged.merge(charge.instanceId(), charge.amount(), Money::plus);
            }
        }
        TreeMap<Long, ChargeCheck.PerInstance> instances = new TreeMap<>();
        ledger.forEach((id, cost) -> instances.put(id, new ChargeCheck.PerInstance(id, cost, Money.ZERO)));
        charged.forEach((id, amount) -> instances.merge(
                id,
                new ChargeCheck.PerInstance(id, Money.ZERO, amount),
                (fromLedger, fromVast) -> new ChargeCheck.PerInstance(id, fromLedger.ledger(), amount)));
        return new ChargeCheck(team, day, new ArrayList<>(instances.values()), at);
    }
}
