package io.backupmock.server.interop;

import com.azure.core.annotation.BodyParam;
import com.azure.core.annotation.ExpectedResponses;
import com.azure.core.annotation.Get;
import com.azure.core.annotation.Host;
import com.azure.core.annotation.HostParam;
import com.azure.core.annotation.PathParam;
import com.azure.core.annotation.Post;
import com.azure.core.annotation.QueryParam;
import com.azure.core.annotation.ServiceInterface;
import com.azure.core.annotation.UnexpectedResponseExceptionType;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.RestProxy;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.SyncPollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.util.serializer.SerializerAdapter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** A backup through azure-core-management's ARM poller, then a GET of the job it started. */
public final class AzureCoreQuickStart {
    static final String VAULT = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.RecoveryServices/vaults/{vaultName}";

    /** The two operations, declared as AutoRest declares them in the Azure SDKs for Java. */
    @Host("{$host}")
    @ServiceInterface(name = "BackupQuickStart")
    public interface BackupApi {
        @Post(VAULT + "/backupFabrics/{fabricName}/protectionContainers/{containerName}"
                + "/protectedItems/{protectedItemName}/backup")
        @ExpectedResponses({202})
        @UnexpectedResponseExceptionType(ManagementException.class)
        Response<BinaryData> backup(@HostParam("$host") String endpoint,
                @PathParam("subscriptionId") String subscriptionId,
                @PathParam("resourceGroupName") String resourceGroup, @PathParam("vaultName") String vault,
                @PathParam("fabricName") String fabric, @PathParam("containerName") String container,
                @PathParam("protectedItemName") String item, @QueryParam("api-version") String apiVersion,
                @BodyParam("application/json") BinaryData body, Context context);

        @Get(VAULT + "/backupJobs/{jobName}")
        @ExpectedResponses({200})
        @UnexpectedResponseExceptionType(ManagementException.class)
        Response<Job> job(@HostParam("$host") String endpoint, @PathParam("subscriptionId") String subscriptionId,
                @PathParam("resourceGroupName") String resourceGroup, @PathParam("vaultName") String vault,
                @PathParam("jobName") String jobId, @QueryParam("api-version") String apiVersion,
                Context context);
    }

    /** An OperationStatus: what the poller reads at Azure-AsyncOperation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class OperationStatus {
        public String name;
        public String status;
        public Map<String, String> properties;
    }

    /** A JobResource, with the fields used here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Job {
        public String name;
        public Properties properties;

        @JsonIgnoreProperties(ignoreUnknown = true)
        public static final class Properties {
            public String jobType;
            public String operation;
            public String status;
            public String duration;
            public List<String> actionsInfo;
        }
    }

    public static void main(String[] args) throws Exception {
        // java -jar backup-mock.jar --cert-out /tmp/backup-mock.pem
        Job job = run("https://127.0.0.1:8443", new File("/tmp/backup-mock.pem"),
                "00000000-0000-0000-0000-000000000000");
        System.out.println(job.name + " " + job.properties.operation + " " + job.properties.status);
    }

    static Job run(String endpoint, File emulatorPem, String subscription) throws Exception {
        // Trust the emulator's self-signed certificate, for this client only.
        SslContext tls = SslContextBuilder.forClient().trustManager(emulatorPem).build();
        // Any token will do: the emulator checks that one is sent, over HTTPS, as ARM does.
        TokenCredential credential = request -> Mono.just(
                new AccessToken("dummy-token", OffsetDateTime.now().plusHours(1)));
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                        .secure(ssl -> ssl.sslContext(tls))).build())
                .policies(new RequestIdPolicy(), new RetryPolicy(),
                        new BearerTokenAuthenticationPolicy(credential, "https://management.azure.com/.default"))
                .build();
        SerializerAdapter serializer = SerializerFactory.createDefaultManagementSerializerAdapter();
        BackupApi api = RestProxy.create(BackupApi.class, pipeline, serializer);
        String rg = "testVaultRG";
        String vault = "testVault";
        String apiVersion = "2019-05-13";

        // POST …/backup answers 202 with Azure-AsyncOperation and Location; the poller follows them.
        SyncPoller<PollResult<OperationStatus>, Void> poller = SyncPollerFactory.create(serializer, pipeline,
                OperationStatus.class, Void.class, Duration.ofSeconds(1),
                () -> api.backup(endpoint, subscription, rg, vault, "Azure",
                        "IaasVMContainer;iaasvmcontainerv2;testRG;testVM", "VM;iaasvmcontainerv2;testRG;testVM",
                        apiVersion, BinaryData.fromString("{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}"),
                        Context.NONE));
        PollResponse<PollResult<OperationStatus>> done = poller.waitForCompletion(Duration.ofMinutes(1));
        poller.getFinalResult(); // GET of the Location URL: 204 once the backup has been triggered
        String jobId = done.getValue().getValue().properties.get("jobId");

        return api.job(endpoint, subscription, rg, vault, jobId, apiVersion, Context.NONE).getValue();
    }
}
