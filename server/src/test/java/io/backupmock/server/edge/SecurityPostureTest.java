package io.backupmock.server.edge;

import io.backupmock.server.gateway.AdminTokens;
import io.backupmock.server.gateway.LogSafe;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupmock.server.BackupMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The security defaults: loopback only, constant-time token checks, escaped logs, documented limits. */
class SecurityPostureTest {

    @Test
    void bindsTheLoopbackAddressByDefault() {
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0).start()) {
            assertThat(server.httpUri().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void adminTokensAreComparedWithMessageDigestIsEqual() throws Exception {
        assertThat(AdminTokens.matches("abc", "Bearer abc")).isTrue();
        assertThat(AdminTokens.matches("abc", "Bearer abd")).isFalse();
        assertThat(AdminTokens.matches("abc", "Bearer abcd")).isFalse();
        assertThat(AdminTokens.matches("abc", "")).isFalse();
        assertThat(AdminTokens.matches("abc", null)).isFalse();
        assertThat(AdminTokens.matches(null, null)).as("no token set: nothing to check").isTrue();
        String source = Files.readString(Path.of("src/main/java/io/backupmock/server/gateway/AdminTokens.java"));
        assertThat(source).contains("MessageDigest.isEqual(expected, given)");
    }

    @Test
    void requestDataIsEscapedBeforeItIsLogged() {
        assertThat(LogSafe.escape("GET /a\r\nForged: yes\u001b[31m\u2028\\")).isEqualTo(
                "GET /a\\r\\nForged: yes\\u001b[31m\\u2028\\\\");
        assertThat(LogSafe.escape("x".repeat(5000))).hasSizeLessThan(600).endsWith("(5000 chars)");
        Throwable escaped = LogSafe.escape(new IllegalStateException("a\nb", new Error("c\rd")));
        assertThat(escaped.toString()).isEqualTo("java.lang.IllegalStateException: a\\nb");
        assertThat(escaped.getCause().toString()).isEqualTo("java.lang.Error: c\\rd");
        assertThat(escaped.getStackTrace()).isNotEmpty();
    }

    @Test
    void theLimitsAreDocumentedAndLinkedFromTheReadme() throws Exception {
        String limits = Files.readString(Path.of("../docs/limits.md"));
        assertThat(limits).contains("1 MiB").contains("16,384").contains("2,048").contains("200 header")
                .contains("1,000 query").contains("page");
        assertThat(Files.readString(Path.of("../README.md"))).contains("docs/limits.md");
    }
}
