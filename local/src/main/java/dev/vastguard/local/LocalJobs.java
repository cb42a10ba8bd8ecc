package dev.vastguard.local;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sweeper and the report writer on their schedules over the local clock, as EventBridge Scheduler would:
 * every few seconds of real time it checks whether the local clock has passed the next run; if so it runs the job
 * once and schedules the next run after the current local time (missed runs are not replayed).
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
    private Instant nextSweep;
    private Instant nextReport;

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
        nextSweep = SweepSchedule.nextSweepAfter(now, sweepInterval);
        nextReport = SweepSchedule.nextReportAfter(now);
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            Instant sweepDue = due(now, true);
            if (sweepDue != null) {
                sweep(sweepDue);
            }
            Instant reportDue = due(now, false);
            if (reportDue != null) {
                Map<String, Object> result =
                        invokers.report(Map.of("job", "report", "scheduledTime", reportDue.toString()));
                LOG.info(
                        "scheduled report for {} written: {}",
                        YearMonth.from(reportDue.atZone(ZoneOffset.UTC).minusMonths(1)),
                        result.get("keys"));
            }
        } catch (RuntimeException e) {
            LOG.error("a scheduled job failed", e);
        }
    }

    /**
     * The run that is due now, if any, and moves that job's schedule past now. After a jump of the clock over several
     * scheduled times the job runs once, for the latest of them.
     */
    private synchronized Instant due(Instant now, boolean sweepJob) {
        Instant next = sweepJob ? nextSweep : nextReport;
        if (now.isBefore(next)) {
            return null;
        }
        if (sweepJob) {
            nextSweep = SweepSchedule.nextSweepAfter(now, sweepInterval);
            Instant latest = SweepSchedule.nextSweepAfter(now.minus(sweepInterval), sweepInterval);
            return latest.isAfter(next) && !latest.isAfter(now) ? latest : next;
        }
        nextReport = SweepSchedule.nextReportAfter(now);
        Instant latest = nextReport.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
        return latest.isAfter(next) ? latest : next;
    }

    private Map<String, Object> sweep(Instant at) {
        return invokers.sweep(Map.of("job", "sweep", "scheduledTime", at.toString()));
    }
}
