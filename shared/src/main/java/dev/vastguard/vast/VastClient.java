package dev.vastguard.vast;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The Vast.ai REST API, as seen with one account's API key.
 *
 * <p>Implementations send the key only in the {@code Authorization} header, never in a URL. Reads and state
 * changes are retried with backoff on 429, 5xx and I/O errors; creating an instance is never retried.
 * Failures are {@link VastApiException} (Vast.ai answered with an error; {@link VastAuthException} when the key
 * is refused) or {@link VastClientException} (no valid answer arrived).
 */
public interface VastClient {

    /**
     * Searches the marketplace ({@code POST /api/v0/bundles/}).
     *
     * @param query the search
     * @return matching offers, cheapest first
     */
    List<VastOffer> searchOffers(OfferQuery query);

    /**
     * The marketplace GPU names ({@code GET /api/v0/gpu_names/unique/}), used to expand a family such as
     * {@code A100} into exact names.
     *
     * @return the names
     */
    List<String> gpuNames();

    /**
     * Rents an offer. Sent once: on a timeout or a 5xx the outcome is unknown and the caller must look the
     * instance up by its label instead of sending the request again.
     *
     * @param request what to create
     * @return the new instance id ({@code new_contract})
     */
    long createInstance(CreateInstanceRequest request);

    /**
     * Lists every instance on the account ({@code GET /api/v1/instances/}, all pages).
     *
     * @return the instances
     */
    List<VastInstance> listInstances();

    /**
     * Lists the instances that carry a label ({@code GET /api/v1/instances/} with a label filter).
     *
     * @param label the exact label
     * @return the instances with that label, usually zero or one
     */
    List<VastInstance> findByLabel(String label);

    /**
     * Reads one instance ({@code GET /api/v0/instances/{id}/}).
     *
     * @param id the instance id
     * @return the instance, or empty if Vast.ai does not know it ({@code "instances": null} or 404)
     */
    Optional<VastInstance> showInstance(long id);

    /**
     * Stops an instance ({@code PUT /api/v0/instances/{id}/} with {@code {"state":"stopped"}}).
     *
     * @param id the instance id
     */
    void stopInstance(long id);

    /**
     * Starts a stopped instance ({@code PUT /api/v0/instances/{id}/} with {@code {"state":"running"}}).
     *
     * @param id the instance id
     */
    void startInstance(long id);

    /**
     * Sets an instance's label ({@code PUT /api/v0/instances/{id}/} with {@code {"label":...}}).
     *
     * @param id the instance id
     * @param label the label
     */
    void labelInstance(long id, String label);

    /**
     * Destroys an instance ({@code DELETE /api/v0/instances/{id}/}).
     *
     * @param id the instance id
     * @return true if destroyed now, false if Vast.ai no longer knew it
     */
    boolean destroyInstance(long id);

    /**
     * Reads what Vast.ai charged for the account's instances over whole UTC days ({@code GET /api/v0/charges/}
     * filtered to {@code type} {@code instance}, all pages).
     *
     * @param firstDay the first UTC day
     * @param lastDay the last UTC day, inclusive; not before {@code firstDay}
     * @return the charges, one per instance and day, in Vast.ai's order
     */
    List<VastCharge> charges(LocalDate firstDay, LocalDate lastDay);
}
