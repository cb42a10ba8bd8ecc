package dev.vastguard.team;

import java.util.Locale;

/**
 * A GPU as a policy or a request names it: a Vast.ai marketplace name ({@code RTX 4090}) or a family
 * ({@code A100}).
 *
 * <p>An underscore reads as a space, so {@code H100_SXM} is {@code H100 SXM}. A family covers every marketplace
 * name that equals it or starts with it followed by a space: {@code A100} covers {@code A100 PCIE} and
 * {@code A100 SXM4}, but not {@code A100X} or {@code A800 PCIE}. Matching ignores case.
 *
 * @param value the normalised name: underscores replaced by spaces, runs of spaces collapsed, trimmed
 */
public record GpuName(String value) {

    /**
     * Validates the normalised name.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public GpuName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("GPU name must not be blank");
        }
    }

    /**
     * Normalises a name as a policy or request writes it.
     *
     * @param raw for example {@code RTX_4090}, {@code "A100"} or {@code "RTX 4090"}
     * @return the normalised name
     * @throws IllegalArgumentException if nothing is left after normalising
     */
    public static GpuName of(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("GPU name must not be blank");
        }
        return new GpuName(raw.replace('_', ' ').trim().replaceAll("\\s+", " "));
    }

    /**
     * Whether a marketplace name falls under this name (equal, or this family followed by a space).
     *
     * @param marketplaceName the {@code gpu_name} of an offer or instance, for example {@code A100 SXM4}
     * @return true if covered
     */
    public boolean covers(String marketplaceName) {
        if (marketplaceName == null) {
            return false;
        }
        String candidate = marketplaceName.trim().toLowerCase(Locale.ROOT);
        String family = value.toLowerCase(Locale.ROOT);
        return candidate.equals(family) || candidate.startsWith(family + " ");
    }

    @Override
    public String toString() {
        return value;
    }
}
