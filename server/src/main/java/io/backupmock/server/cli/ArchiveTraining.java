package io.backupmock.server.cli;

import io.backupmock.server.BackupMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run the build records the JVM's class-data sharing archive from ({@code backup-mock.jsa}, with
 * {@code -XX:ArchiveClassesAtExit}): a standalone start over HTTPS and HTTP and what a client asks of
 * it, so that a start with {@code -XX:SharedArchiveFile} maps those classes instead of loading and
 * verifying them one by one. Being run at every build, it is also a smoke test of the runnable jar:
 * an answer other than the expected one fails the build.
 */
public final class ArchiveTraining {
    private static final String VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "trainingRG/providers/Microsoft.RecoveryServices/vaults/trainingVault";
    private static final String ITEM = VAULT + "/backupFabrics/Azure/protectionContainers/"
            + "IaasVMContainer;iaasvmcontainerv2;trainingRG;vm/protectedItems/VM;iaasvmcontainerv2;trainingRG;vm";
    private static final Pattern JOB_NAME = Pattern.compile("\"name\":\"([0-9a-f-]{36})\"");

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        Main.configureLogging();
        StringWriter urls = new StringWriter();
        try (BackupMockServer server = Main.start(StandaloneOptions.parse(
                new String[] {"--port", "0", "--http-port", "0"}, Map.of()), new PrintWriter(urls))) {
            List<String> bases = urls.toString().lines().map(StartLines::baseOf).toList();
            HttpClient client = HttpClient.newBuilder().sslContext(server.certificate().clientContext()).build();
            for (String base : bases) {
                expect(client, "POST", base + ITEM + "/backup?api-version=2019-05-13",
                        "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}", 202);
                String list = expect(client, "GET", base + VAULT + "/backupJobs?api-version=2019-05-13"
                        + "&$filter=status%20eq%20'InProgress'%20and%20operation%20eq%20'Backup'", null, 200);
                Matcher job = JOB_NAME.matcher(list);
                if (!job.find()) {
                    throw new IllegalStateException("no job in " + list);
                }
                expect(client, "GET", base + VAULT + "/backupJobs/" + job.group(1) + "?api-version=2019-05-13", null, 200);
                expect(client, "GET", base + ITEM + "?api-version=2019-05-13", null, 200);
                expect(client, "GET", base + VAULT + "/backupJobs/unknown?api-version=2019-05-13", null, 404);
                expect(client, "GET", base + VAULT + "/backupJobs?api-version=1999-01-01", null, 400);
            }
        }
    }

    private static String expect(HttpClient client, String method, String url, String body, int status)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer training")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + ", not " + status
                    + ": " + response.body());
        }
        return response.body();
    }
}
