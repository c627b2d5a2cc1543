package io.backupmock.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Small HTTP helpers for the testkit's own tests. */
final class Calls {
    static final String API = "2019-05-13";

    private Calls() {
    }

    static HttpResponse<String> send(BackupMock azure, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(azure.url(path, API))
                .header("Authorization", "Bearer " + azure.token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            return azure.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(BackupMock azure, String path) {
        return send(azure, "GET", path, null);
    }

    static HttpResponse<String> getUrl(BackupMock azure, String url) {
        try {
            return azure.httpClient().send(HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Authorization", "Bearer " + azure.token()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> triggerBackup(BackupMock azure, TestItem item) {
        return send(azure, "POST", item.path() + "/backup", "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
    }
}
