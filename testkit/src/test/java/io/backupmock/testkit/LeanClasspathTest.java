package io.backupmock.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a build that adds the testkit inherits is part of the product: at most 30 jars and 25 MB
 * (beyond JUnit and AssertJ, which it brings itself), and none of Pact's world. The build writes
 * the testkit's runtime classpath to {@code target/runtime-classpath.txt}.
 */
class LeanClasspathTest {
    static final int MAX_JARS = 30;
    static final long MAX_BYTES = 25L * 1024 * 1024;
    static final List<String> BANNED = List.of("/au/com/dius/", "/org/jetbrains/kotlin/", "/org/apache/groovy/",
            "/org/codehaus/groovy/", "/io/netty/", "/io/grpc/", "/io/ktor/", "/com/google/guava/");

    @Test
    void theTestkitPullsInLittleAndNoneOfPact() throws IOException {
        List<Path> entries = Stream.of(Files.readString(Path.of("target", "runtime-classpath.txt")).trim()
                .split(File.pathSeparator)).map(Path::of).toList();
        // The testkit's own jar comes on top of its dependencies.
        assertThat(entries.size() + 1).as("jars on a consumer's test classpath: %s", entries).isLessThanOrEqualTo(MAX_JARS);
        long bytes = entries.stream().mapToLong(LeanClasspathTest::size).sum();
        assertThat(bytes).as("bytes on a consumer's test classpath").isLessThanOrEqualTo(MAX_BYTES);
        for (Path entry : entries) {
            String path = entry.toString().replace(File.separatorChar, '/');
            assertThat(BANNED).as("%s must not reach a consumer", entry).noneMatch(path::contains);
        }
    }

    private static long size(Path entry) {
        try (Stream<Path> files = Files.isDirectory(entry) ? Files.walk(entry) : Stream.of(entry)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
