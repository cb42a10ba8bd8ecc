package dev.vastguard.testing;

import dev.vastguard.principal.Principal;
import dev.vastguard.principal.PrincipalRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link PrincipalRepository} in memory. */
public final class InMemoryPrincipalRepository implements PrincipalRepository {

    private final ConcurrentSkipListMap<String, Principal> principals = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Principal> find(String arn) {
        return Optional.ofNullable(principals.get(arn));
    }

    @Override
    public void put(Principal principal) {
        principals.put(principal.arn(), principal);
    }

    @Override
    public boolean delete(String arn) {
        return principals.remove(arn) != null;
    }

    @Override
    public List<Principal> list() {
        return List.copyOf(principals.values());
    }
}
