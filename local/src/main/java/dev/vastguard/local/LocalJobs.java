package dev.vastguard.local;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sweeper, the reconciler and the report writer on their schedules over the local clock, as EventBridge
 * Scheduler would: every few seconds of real time it checks whether the local clock has passed a job's next run; if
 * so it runs the job once and schedules the next run after the current local time (missed runs are not replayed).
 */
final class LocalJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJobs.class);
    private static final long CHECK_SECONDS = 2;

    private final LocalClock clock;
    private final Duration sweepInterval;
    private final Invokers invokers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "vastguard-local-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Job, Instant> next = new EnumMap<>(Job.class);

    /** The scheduled jobs, in the order they run when several are due at once. */
    private enum Job {
        SWEEP,
        RECONCILE,
        REPORT
    }

    LocalJobs(LocalClock clock, Duration sweepInterval, Invokers invokers) {
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.invokers = invokers;
        reschedule();
    }

    void start() {
        timer.scheduleWithFixedDelay(this::tick, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** Called after the clock was set: a clock moved backwards gets the first run after its new time. */
    synchronized void clockMoved(Instant before, Instant after) {
        if (after.isBefore(before)) {
            reschedule();
        }
    }

    /**
     * Runs a sweep now with a scheduled event for the current local time, truncated to the minute as a scheduled
     * time is: two sweeps asked for within the same minute accrue up to the same instant, so the second adds
     * nothing.
     */
    Map<String, Object> sweepNow() {
        return sweep(clock.instant().truncatedTo(ChronoUnit.MINUTES));
    }

    /** Runs the report writer now for a month. */
    Map<String, Object> reportNow(YearMonth month) {
        return invokers.report(Map.of("month", month.toString()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private synchronized void reschedule() {
        Instant now = clock.instant();
        for (Job job : Job.values()) {
            next.put(job, nextAfter(job, now));
        }
    }

    private Instant nextAfter(Job job, Instant now) {
        return switch (job) {
            case SWEEP -> SweepSchedule.nextSweepAfter(now, sweepInterval);
            case RECONCILE -> SweepSchedule.nextReconcileAfter(now);
            case REPORT -> SweepSchedule.nextReportAfter(now);
        };
    }

    /** The latest scheduled run at or before now, given the first one after it. */
    private Instant latest(Job job, Instant now, Instant following) {
        return switch (job) {
            case SWEEP -> SweepSchedule.nextSweepAfter(now.minus(sweepInterval), sweepInterval);
            case RECONCILE -> following.minus(Duration.ofDays(1));
            case REPORT -> following.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
        };
    }

    private void tick() {
        Instant now = clock.instant();
        for (Job job : Job.values()) {
            Instant due = due(job, now);
            if (due == null) {
                continue;
            }
            try {
                run(job, due);
            } catch (RuntimeException e) {
                LOG.error("scheduled {} for {} failed", job.name().toLowerCase(Locale.ROOT), due, e);
            }
        }
    }

    private void run(Job job, Instant due) {
        Map<String, Object> event = Map.of("job", job.name().toLowerCase(Locale.ROOT), "scheduledTime", due.toString());
        switch (job) {
            case SWEEP -> invokers.sweep(event);
            case RECONCILE -> LOG.info("scheduled reconciliation: {}", invokers.reconcile(event));
            case REPORT ->
                LOG.info(
                        "scheduled report for {} written: {}",
                        YearMonth.from(due.atZone(ZoneOffset.UTC).minusMonths(1)),
                        invokers.report(event).get("keys"));
        }
    }

    /**
     * The run that is due now, if any, and moves that job's schedule past now. After a jump of the clock over several
     * scheduled times the job runs once, for the latest of them.
     */
    private synchronized Instant due(Job job, Instant now) {
        Instant scheduled = next.get(job);
        if (now.isBefore(scheduled)) {
            return null;
        }
        Instant following = nextAfter(job, now);
        next.put(job, following);
        Instant latest = latest(job, now, following);
        return latest.isAfter(scheduled) && !latest.isAfter(now) ? latest : scheduled;
    }

    private Map<String, Object> sweep(Instant at) {
        return invokers.sweep(Map.of("job", "sweep", "scheduledTime", at.toString()));
    }
}
