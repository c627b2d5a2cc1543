package io.backupmock.server.jobs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in a jobs {@code $filter}: the service's {@code yyyy-MM-dd hh:mm:ss AM|PM} (UTC), where
 * midnight may be written {@code 12:00:00 AM} (as the Azure CLI does) or {@code 00:00:00 AM} (as
 * the spec's example does); a 24-hour {@code yyyy-MM-dd HH:mm:ss}; or ISO-8601.
 */
final class FilterDates {
    private static final Pattern SERVICE_FORMAT = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})[ T](\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:\\s*([AaPp][Mm]))?");

    private FilterDates() {
    }

    static Instant parse(String field, String value) {
        String v = value.trim();
        Matcher m = SERVICE_FORMAT.matcher(v);
        try {
            if (m.matches()) {
                int hour = Integer.parseInt(m.group(4));
                String meridiem = m.group(7);
                if (meridiem != null) {
                    if (hour > 12) {
                        throw new DateTimeException("hour " + hour + " with " + meridiem);
                    }
                    boolean pm = meridiem.toUpperCase(Locale.ROOT).equals("PM");
                    hour = (hour % 12) + (pm ? 12 : 0);
                }
                return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), hour, Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6))).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw new FilterException("Invalid $filter clause \"" + field + " eq '" + value + "'\": '" + value
                    + "' is not a date; use 'yyyy-MM-dd hh:mm:ss AM' (UTC) or ISO-8601.");
        }
    }
}
