package io.backupmock.server.jobs;

import java.util.List;

/** One page of a list; {@code next} is null on the last page. */
public record Page<T>(List<T> items, PageToken next) {
}
