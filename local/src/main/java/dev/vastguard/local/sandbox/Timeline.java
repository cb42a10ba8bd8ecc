package dev.vastguard.local.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The history and planned future of one instance: which phase it is in at any second, kept as intervals so that
 * billing stays exact when the clock jumps by hours.
 *
 * <p>All instants are whole seconds (Vast.ai bills per second). An event never lands before the previous one: if the
 * sandbox clock is moved backwards, later events are stamped at the last event's time, so history is never
 * rewritten. Not thread-safe; the {@link Marketplace} lock guards it.
 */
final class Timeline {

    /** One stretch of a phase; {@code end} is null while open-ended. */
    record Segment(Instant start, Instant end, Phase phase) {

        boolean contains(Instant t) {
            return !t.isBefore(start) && (end == null || t.isBefore(end));
        }
    }

    /** A closed-open stretch of billed time in one phase. */
    record Slice(Instant start, Instant end, Phase phase) {

        long seconds() {
            return Duration.between(start, end).toSeconds();
        }
    }

    private final Instant created;
    private final List<Segment> plan = new ArrayList<>();
    private final List<Segment> offline = new ArrayList<>();
    private Instant destroyed;
    private Instant lastEvent;

    Timeline(Instant now, BootTimes boot) {
        created = now.truncatedTo(ChronoUnit.SECONDS);
        lastEvent = created;
        Instant loadingFrom = created.plus(boot.statusNullFor());
        Instant runningFrom = created.plus(boot.runningAfter());
        addPlanned(created, loadingFrom, Phase.PROVISIONING);
        addPlanned(loadingFrom, runningFrom, Phase.LOADING);
        plan.add(new Segment(runningFrom, null, Phase.RUNNING));
    }

    Instant created() {
        return created;
    }

    /** When it was destroyed, or null. */
    Instant destroyed() {
        return destroyed;
    }

    void stop(Instant now) {
        Instant at = stamp(now);
        replanFrom(at);
        plan.add(new Segment(at, null, Phase.STOPPED));
    }

    void start(Instant now, Duration scheduling) {
        Instant at = stamp(now);
        replanFrom(at);
        addPlanned(at, at.plus(scheduling), Phase.SCHEDULING);
        plan.add(new Segment(at.plus(scheduling), null, Phase.RUNNING));
    }

    void hostOffline(Instant now, boolean isOffline) {
        Instant at = stamp(now);
        int last = offline.size() - 1;
        boolean open = last >= 0 && offline.get(last).end() == null;
        if (isOffline && !open) {
            offline.add(new Segment(at, null, Phase.OFFLINE));
        } else if (!isOffline && open) {
            offline.set(last, new Segment(offline.get(last).start(), at, Phase.OFFLINE));
        }
    }

    void destroy(Instant now) {
        destroyed = stamp(now);
    }

    /**
     * The phase at an instant, ignoring destruction.
     *
     * @param now any instant; before creation counts as provisioning
     * @return the phase
     */
    Phase phaseAt(Instant now) {
        Instant t = now.truncatedTo(ChronoUnit.SECONDS);
        for (Segment span : offline) {
            if (span.contains(t)) {
                return Phase.OFFLINE;
            }
        }
        for (Segment segment : plan) {
            if (segment.contains(t)) {
                return segment.phase();
            }
        }
        return Phase.PROVISIONING;
    }

    /**
     * Every billed stretch from creation until {@code now} (or destruction, if earlier).
     *
     * @param now the end of the period
     * @return slices in time order, each in one phase
     */
    List<Slice> slices(Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        if (destroyed != null && destroyed.isBefore(end)) {
            end = destroyed;
        }
        if (!created.isBefore(end)) {
            return List.of();
        }
        NavigableSet<Instant> cuts = new TreeSet<>(List.of(created, end));
        addCuts(cuts, plan, end);
        addCuts(cuts, offline, end);
        List<Slice> slices = new ArrayList<>();
        Instant from = cuts.first();
        for (Instant to : cuts.tailSet(from, false)) {
            slices.add(new Slice(from, to, phaseAt(from)));
            from = to;
        }
        return slices;
    }

    private void addCuts(Set<Instant> cuts, List<Segment> segments, Instant end) {
        for (Segment segment : segments) {
            addCut(cuts, segment.start(), end);
            if (segment.end() != null) {
                addCut(cuts, segment.end(), end);
            }
        }
    }

    private void addCut(Set<Instant> cuts, Instant cut, Instant end) {
        if (cut.isAfter(created) && cut.isBefore(end)) {
            cuts.add(cut);
        }
    }

    private Instant stamp(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        if (at.isBefore(lastEvent)) {
            at = lastEvent;
        }
        lastEvent = at;
        return at;
    }

    /** Drops the planned future from {@code at} on; the segments stay contiguous, the last one ends at {@code at}. */
    private void replanFrom(Instant at) {
        plan.removeIf(segment -> !segment.start().isBefore(at));
        if (!plan.isEmpty()) {
            Segment last = plan.get(plan.size() - 1);
            plan.set(plan.size() - 1, new Segment(last.start(), at, last.phase()));
        }
    }

    private void addPlanned(Instant from, Instant to, Phase phase) {
        if (from.isBefore(to)) {
            plan.add(new Segment(from, to, phase));
        }
    }
}
