package io.backupmock.testkit;

import io.backupmock.server.BackupMockServer;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.control.Control;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * One test's view of the emulator: its own subscription (so nothing leaks between tests), its own
 * virtual clock, how to reach and trust the server, the vaults to script, and the journal of what
 * the test's client sent.
 */
public final class BackupMock {
    private final EmbeddedEmulator emulator;
    private final BackupMockServer server;
    private final Control control;
    private final String subscriptionId;
    private final VirtualClock virtualClock;
    private final TestClock clock;

    BackupMock(EmbeddedEmulator emulator, String subscriptionId, Instant clockStart, Duration autoAdvance) {
        this.emulator = emulator;
        this.server = emulator.server();
        this.control = server.control();
        this.subscriptionId = subscriptionId;
        this.virtualClock = new VirtualClock(clockStart).autoAdvance(autoAdvance);
        this.clock = new TestClock(control, subscriptionId, virtualClock);
        control.useClock(subscriptionId, virtualClock);
    }

    /** Where to send requests instead of {@code https://management.azure.com}. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** This test's subscription id: use it in every path. */
    public String subscriptionId() {
        return subscriptionId;
    }

    /**
     * A bearer token the emulator accepts: an unsigned JWT with ARM's audience and a tenant, for
     * clients that read their token.
     */
    public String token() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"aud\":\"https://management.azure.com/\",\"tid\":"
                + "\"00000000-0000-0000-0000-000000000000\",\"sub\":\"backup-mock\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /** TLS context that trusts the emulator's certificate (and nothing else). */
    public SSLContext sslContext() {
        return emulator.clientContext();
    }

    /** The emulator's certificate as PEM, for clients configured with a CA file. */
    public String certificatePem() {
        return server.certificate().pem();
    }

    /** A ready client that trusts the emulator, HTTP/1.1, with a connect timeout; shared by the tests of a server. */
    public HttpClient httpClient() {
        return emulator.httpClient();
    }

    /** This test's clock: every job of this subscription runs on it. */
    public TestClock clock() {
        return clock;
    }

    /** The vault {@code testVault} in resource group {@code testVaultRG}, as in Microsoft's walkthrough. */
    public TestVault vault() {
        return vault("testVaultRG", "testVault");
    }

    /** A vault of this test's subscription, springing into being on first use. */
    public TestVault vault(String resourceGroup, String vaultName) {
        return new TestVault(control, control.vault(subscriptionId, resourceGroup, vaultName));
    }

    /** What this test's client sent, and what it was answered. */
    public RequestJournal journal() {
        return new RequestJournal(server.emulator().journal(), subscriptionId);
    }

    /** Answers the next {@code times} requests of this test with 429 SubscriptionRequestsThrottled and Retry-After. */
    public BackupMock throttle(int times, int retryAfterSeconds) {
        return inject(Fault.throttling(retryAfterSeconds).times(times));
    }

    /** Answers this test's requests with {@code fault} (it never hits another test's). */
    public BackupMock inject(Fault fault) {
        control.addFault(fault.model(subscriptionId));
        return this;
    }

    /** Clears the faults injected in this test. */
    public BackupMock clearFaults() {
        control.clearFaults(subscriptionId);
        return this;
    }

    /** Forgets everything of this test's subscription: vaults, jobs, journal, faults. The clock keeps its time. */
    public void reset() {
        control.forget(subscriptionId);
        control.useClock(subscriptionId, virtualClock);
    }

    /** Sets up a Pact provider state (see {@code ProviderStates}) in this test's subscription; answers its values. */
    public Map<String, Object> providerState(String state, Map<String, ?> params) {
        return io.backupmock.server.pact.ProviderStates.setUp(control, state, params, subscriptionId);
    }

    /** After the test: its subscription is forgotten. */
    void forget() {
        control.forget(subscriptionId);
    }

    /** The server behind this test, shared with the other tests of its class (for the testkit's own use). */
    BackupMockServer server() {
        return server;
    }

    /**
     * Absolute URL of an ARM path on the emulator with {@code api-version}, e.g.
     * {@code azure.url(vault.path() + "/backupJobs", "2019-05-13")}; a path may carry its own query.
     */
    public URI url(String path, String apiVersion) {
        return URI.create(server.baseUri() + path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion);
    }
}
