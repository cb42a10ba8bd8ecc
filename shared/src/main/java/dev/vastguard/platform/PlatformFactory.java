package dev.vastguard.platform;

/** Builds the {@link Platform} from the environment. Placeholder until the AWS implementations land. */
public final class PlatformFactory {

    private PlatformFactory() {}

    /**
     * Builds the platform for a Lambda container.
     *
     * @return the platform
     */
    public static Platform fromEnvironment() {
        throw new UnsupportedOperationException("wired when the persistence layer lands");
    }
}
