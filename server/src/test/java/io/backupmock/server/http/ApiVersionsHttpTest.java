package io.backupmock.server.http;

import static io.backupmock.server.http.TestEmulator.newSubscription;
import static io.backupmock.server.http.TestEmulator.vaultPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.state.Settings;
import io.backupmock.server.config.ConfigLoader;
import io.backupmock.server.config.EmulatorConfig;
import io.backupmock.server.state.ApiVersionPolicy;
import io.backupmock.server.http.TestEmulator.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * By default a well-formed api-version later than the newest published one is accepted (a newer
 * SDK works the day it ships); {@code apiVersions: {accept: published}} refuses it, as Azure would.
 */
class ApiVersionsHttpTest {
    @RegisterExtension
    static final TestEmulator emulator = new TestEmulator();
    @RegisterExtension
    static final TestEmulator published = new TestEmulator(Settings.builder()
            .apiVersions(ApiVersionPolicy.PUBLISHED).build());

    static Reply jobs(TestEmulator on, String version) {
        return on.get(vaultPath(newSubscription()) + "/backupJobs?api-version=" + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-08-01", "2026-02-02", "2026-05-15-preview", "2031-01-01", "2026-08-01-PREVIEW"})
    void laterWellFormedVersionsAreAcceptedByDefault(String version) {
        Reply reply = jobs(emulator, version);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().has("value")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-05-14", "2026-01-31", "2026-13-01", "2027-02-30", "2026-8-1", "2026-08-01-beta",
        "latest", "20260801"})
    void unpublishedEarlierOrMalformedVersionsAreStill400(String version) {
        Reply reply = jobs(emulator, version);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("NoRegisteredProviderFound");
        assertThat(reply.json().at("/error/message").asText()).contains("or any later one");
    }

    @Test
    void publishedRefusesLaterVersions() {
        assertThat(jobs(published, "2026-02-01").status()).isEqualTo(200);
        Reply later = jobs(published, "2026-08-01");
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.errorCode()).isEqualTo("NoRegisteredProviderFound");
        assertThat(later.json().at("/error/message").asText()).doesNotContain("later");
    }

    @Test
    void theConfigurationChoosesThePolicy() {
        assertThat(settings("{}").apiVersions()).isEqualTo(ApiVersionPolicy.NEWER);
        assertThat(settings("{\"apiVersions\": {}}").apiVersions()).isEqualTo(ApiVersionPolicy.NEWER);
        assertThat(settings("{\"apiVersions\": {\"accept\": \"newer\"}}").apiVersions()).isEqualTo(ApiVersionPolicy.NEWER);
        assertThat(settings("{\"apiVersions\": {\"accept\": \"published\"}}").apiVersions())
                .isEqualTo(ApiVersionPolicy.PUBLISHED);
    }

    static Settings settings(String json) {
        return ConfigLoader.readJson(json.getBytes(StandardCharsets.UTF_8), EmulatorConfig.class, "config")
                .settings(Settings.DEFAULTS);
    }
}
