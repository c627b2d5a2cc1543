package io.backupmock.server.state;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which api-versions the emulator accepts: every published one and any well-formed later one (the
 * default: a newer SDK works the day it ships), only the published ones (Azure's behaviour), any at
 * all, or only those listed (to prove a client sends the version it should).
 */
public record ApiVersionPolicy(Mode mode, Set<String> listed) {
    public enum Mode { PUBLISHED, NEWER, ANY, LISTED }

    public static final ApiVersionPolicy PUBLISHED = new ApiVersionPolicy(Mode.PUBLISHED, Set.of());
    /** Published, or later than the newest published ({@code YYYY-MM-DD}, optionally {@code -preview}). */
    public static final ApiVersionPolicy NEWER = new ApiVersionPolicy(Mode.NEWER, Set.of());
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

    public boolean accepts(String version) {
        return switch (mode) {
            case ANY -> true;
            case PUBLISHED -> PublishedApiVersions.isSupported(version);
            case NEWER -> PublishedApiVersions.isSupported(version) || PublishedApiVersions.isLater(version);
            case LISTED -> listed.contains(version.toLowerCase(Locale.ROOT));
        };
    }

    /** The versions to name in a refusal. */
    public String supportedList() {
        return mode == Mode.LISTED ? String.join(", ", listed.stream().sorted().toList())
                : String.join(", ", PublishedApiVersions.STABLE) + ", " + String.join(", ", PublishedApiVersions.PREVIEW)
                + (mode == Mode.NEWER ? ", or any later one (YYYY-MM-DD or YYYY-MM-DD-preview after "
                + PublishedApiVersions.LATEST + ")" : "");
    }
}
