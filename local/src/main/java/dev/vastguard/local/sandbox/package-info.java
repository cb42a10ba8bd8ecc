/**
 * The Vast.ai sandbox: an HTTP test double of the Vast.ai REST API for vastguard's integration tests and local
 * runner, started with {@link dev.vastguard.local.sandbox.VastSandbox#start}.
 *
 * <p>It follows {@code shared/reference/vast-api.md}. Where the reference leaves a choice, the sandbox picks the
 * strict reading so that a client bug shows up locally:
 *
 * <ul>
 *   <li>Only {@code Authorization: Bearer} authenticates; the legacy {@code api_key} query parameter is ignored
 *       (keys must never be in URLs). No header: 403; unknown key: 404 on search and charges, 401 elsewhere.
 *       {@code GET /api/v0/gpu_names/unique/} also answers without a key, as the CLI calls it that way.
 *   <li>{@code gpu_name} matches exactly ({@code RTX_4090} finds nothing); {@code geolocation} matches the full
 *       text or its country code. Search conditions on fields offers do not have, and on {@code rented}, are ignored.
 *       Without {@code order} the search ranks by a made-up {@code score} (reliability per dollar).
 *   <li>Paths need their trailing slash; unknown paths get an HTML 404.
 *   <li>{@code env} on create must be an object.
 *   <li>Prices are kept to the micro-dollar: {@code storage_total_cost = disk * storage_cost / 720} rounded half-even
 *       to six decimals, and {@code dph_total = dph_base + storage_total_cost} exactly. The meter bills whole seconds
 *       of the sandbox clock and is exact (or rounded at 12 decimals when the value does not terminate).
 *   <li>Offers have unlimited stock unless {@link dev.vastguard.local.sandbox.SandboxFaults#limitStock} says
 *       otherwise; an exhausted offer shows {@code rentable: false} and renting it answers 410.
 *   <li>If the sandbox clock moves backwards, later events are stamped at the last event's time: history is never
 *       rewritten.
 * </ul>
 */
package dev.vastguard.local.sandbox;
