package io.backupmock.server.state;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every api-version published for Microsoft.RecoveryServices backup: polling URLs in Azure's own
 * answers carry old versions, so all of them are accepted.
 */
public final class PublishedApiVersions {
    public static final List<String> STABLE = List.of(
            "2016-06-01", "2016-08-10", "2016-12-01", "2017-07-01", "2018-12-20", "2019-05-13", "2019-06-15",
            "2020-02-02", "2020-07-01", "2020-10-01", "2020-12-01", "2021-01-01", "2021-02-01", "2021-02-10",
            "2021-03-01", "2021-04-01", "2021-06-01", "2021-07-01", "2021-08-01", "2021-10-01", "2021-11-15",
            "2021-12-01", "2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01", "2022-10-01", "2023-01-01",
            "2023-01-15", "2023-02-01", "2023-04-01", "2023-06-01", "2023-08-01", "2024-01-01", "2024-02-01",
            "2024-04-01", "2024-10-01", "2025-01-01", "2025-02-01", "2025-03-01", "2025-08-01", "2026-01-01",
            "2026-02-01");
    public static final List<String> PREVIEW = List.of(
            "2021-02-01-preview", "2022-06-01-preview", "2022-09-01-preview", "2022-09-30-preview",
            "2024-04-30-preview", "2024-07-30-preview", "2024-11-01-preview", "2025-02-28-preview",
            "2026-01-31-preview", "2026-03-31-preview");
    public static final String LATEST = "2026-02-01";

    private static final Set<String> ALL = Set.copyOf(concat());

    private PublishedApiVersions() {
    }

    private static List<String> concat() {
        List<String> all = new java.util.ArrayList<>(STABLE);
        all.addAll(PREVIEW);
        return all;
    }

    public static boolean isSupported(String version) {
        return ALL.contains(version.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code version} is a well-formed api-version ({@code YYYY-MM-DD}, a real date,
     * optionally {@code -preview}) dated after {@link #LATEST}, the newest published stable one:
     * one Azure may publish after this list was written. The emulator answers it with the newest
     * shapes it knows.
     */
    public static boolean isLater(String version) {
        String v = version.toLowerCase(Locale.ROOT);
        String date = v.endsWith("-preview") ? v.substring(0, v.length() - "-preview".length()) : v;
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            return false;
        }
        try {
            return java.time.LocalDate.parse(date).isAfter(java.time.LocalDate.parse(LATEST));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
