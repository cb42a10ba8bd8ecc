package dev.vastguard.principal;

import java.util.List;
import java.util.Optional;

/** Stores the principals allowed to call vastguard. */
public interface PrincipalRepository {

    /**
     * Finds a principal by its registered ARN.
     *
     * @param arn the registered ARN (see {@link CallerArn#registeredForm(String)})
     * @return the principal, or empty if unknown
     */
    Optional<Principal> find(String arn);

    /**
     * Creates or replaces a principal.
     *
     * @param principal the principal
     */
    void put(Principal principal);

    /**
     * Removes a principal.
     *
     * @param arn the registered ARN
     * @return true if it existed
     */
    boolean delete(String arn);

    /**
     * Lists every principal, ordered by ARN.
     *
     * @return the principals
     */
    List<Principal> list();
}
