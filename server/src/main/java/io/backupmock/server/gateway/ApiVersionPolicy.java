package io.backupmock.server.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which api-versions the emulator accepts: every published one (Azure's behaviour), any at all, or
 * only those listed (to prove a client sends the version it should).
 */
public record ApiVersionPolicy(Mode mode, Set<String> listed) {
    public enum Mode { PUBLISHED, ANY, LISTED }

    public static final ApiVersionPolicy PUBLISHED = new ApiVersionPolicy(Mode.PUBLISHED, Set.of());
    public static final ApiVersionPolicy ANY = new ApiVersionPolicy(Mode.ANY, Set.of());

    public ApiVersionPolicy {
        listed = listed == null ? Set.of()
                : listed.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (mode == Mode.LISTED && listed.isEmpty()) {
            throw new IllegalArgumentException("list at least one api-version to accept");
        }
    }

    public static ApiVersionPolicy only(List<String> versions) {
        return new ApiVersionPolicy(Mode.LISTED, Set.copyOf(versions));
    }

    boolean accepts(String version) {
        return switch (mode) {
            case ANY -> true;
            case PUBLISHED -> ApiVersions.isSupported(version);
            case LISTED -> listed.contains(version.toLowerCase(Locale.ROOT));
        };
    }

    /** The versions to name in a refusal. */
    String supportedList() {
        return mode == Mode.LISTED ? String.join(", ", listed.stream().sorted().toList())
                : String.join(", ", ApiVersions.STABLE) + ", " + String.join(", ", ApiVersions.PREVIEW);
    }
}
