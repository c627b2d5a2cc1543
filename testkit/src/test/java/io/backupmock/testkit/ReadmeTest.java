package io.backupmock.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the README tells a new user to write is what the example project builds and runs in CI
 * (against the installed artifacts), so the two cannot drift apart; and every version it names is this one.
 */
class ReadmeTest {
    static final Path ROOT = Path.of("..");
    static final Path EXAMPLE = ROOT.resolve("examples/junit5-consumer");

    @Test
    void theFirstTestIsTheExampleProjectsTestVerbatim() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String test = Files.readString(EXAMPLE.resolve("src/test/java/com/example/backup/BackupClientTest.java"));
        assertThat(readme).contains("```java\n" + test.stripTrailing() + "\n```");
    }

    @Test
    void theBomTheExampleAndTheReadmeNameThisVersion() throws IOException {
        String version = firstGroup("<artifactId>backup-mock-parent</artifactId>\\s*<version>([^<]+)</version>",
                Files.readString(ROOT.resolve("pom.xml")));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        assertThat(firstGroup("<artifactId>backup-mock-bom</artifactId>\\s*<version>([^<]+)</version>", bom))
                .isEqualTo(version);
        assertThat(bom.split("<version>" + Pattern.quote(version) + "</version>", -1)).as("every artifact's version")
                .hasSize(7);
        assertThat(firstGroup("<backup-mock.version>([^<]+)</backup-mock.version>",
                Files.readString(EXAMPLE.resolve("pom.xml")))).isEqualTo(version);
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("<version>" + version + "</version>");
    }

    @Test
    void theExampleRunsItsTestsWithTheJvmOptionsTheReadmeGives() throws IOException {
        String argLine = "<argLine>([^<]+)</argLine>";
        assertThat(firstGroup(argLine, Files.readString(EXAMPLE.resolve("pom.xml"))))
                .isEqualTo(firstGroup(argLine, Files.readString(ROOT.resolve("README.md"))))
                .contains("-XX:TieredStopAtLevel=1");
    }

    private static String firstGroup(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the text", regex).isTrue();
        return m.group(1);
    }
}
