package io.backupmock.server.operations;

import io.backupmock.server.gateway.ApiRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code nextLink} of a list page: absolute, carrying api-version, the filter and the skip token. */
final class Paging {
    private Paging() {
    }

    static String nextLink(ApiRequest req, String path, String filter, String skipToken) {
        StringBuilder url = new StringBuilder(req.url(path));
        if (filter != null && !filter.isEmpty()) {
            url.append("&%24filter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8));
        }
        url.append("&%24skiptoken=").append(URLEncoder.encode(skipToken, StandardCharsets.UTF_8));
        return url.toString();
    }
}
