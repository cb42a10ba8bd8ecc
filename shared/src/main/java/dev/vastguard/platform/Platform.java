package dev.vastguard.platform;

import dev.vastguard.audit.AuditLog;
import dev.vastguard.config.Config;
import dev.vastguard.idempotency.IdempotencyStore;
import dev.vastguard.instance.InstanceRepository;
import dev.vastguard.ledger.Ledger;
import dev.vastguard.notify.Notifier;
import dev.vastguard.principal.PrincipalRepository;
import dev.vastguard.report.ReportStore;
import dev.vastguard.secrets.VastKeyProvider;
import dev.vastguard.team.TeamRepository;
import dev.vastguard.vast.VastClientFactory;
import java.time.Clock;

/**
 * The object graph every function is built from: configuration, clock, repositories and outside services.
 *
 * <p>Lambda builds it once per container with {@link PlatformFactory#fromEnvironment()}; the local runner builds it
 * with its own clock and notification recorder. Handlers take what they need from it.
 *
 * @param config the configuration
 * @param clock the clock every decision reads (the local runner's can be moved)
 * @param teams teams and policies
 * @param principals registered callers
 * @param instances instances, reservations and accruals
 * @param ledger the spend ledger
 * @param audit the audit log
 * @param idempotency idempotency keys
 * @param keys team Vast.ai keys
 * @param vast Vast.ai clients
 * @param notifier budget notifications
 * @param reports the reports bucket
 */
public record Platform(
        Config config,
        Clock clock,
        TeamRepository teams,
        PrincipalRepository principals,
        InstanceRepository instances,
        Ledger ledger,
        AuditLog audit,
        IdempotencyStore idempotency,
        VastKeyProvider keys,
        VastClientFactory vast,
        Notifier notifier,
        ReportStore reports) {}
