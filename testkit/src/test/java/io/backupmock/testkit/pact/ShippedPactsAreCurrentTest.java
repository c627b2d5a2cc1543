package io.backupmock.testkit.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The pacts in contracts/pacts are the ones {@link ShippedContractsConsumerTest} writes: a change to
 * the consumer tests that is not copied over fails the build.
 */
@Order(2)
class ShippedPactsAreCurrentTest {
    static final Path GENERATED = Path.of("target/pacts");
    static final Path SHIPPED = Path.of("../contracts/pacts");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void committedPactsMatchTheConsumerTests() throws Exception {
        List<Path> generated;
        try (Stream<Path> files = Files.list(GENERATED)) {
            generated = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(generated).as("pacts written by ShippedContractsConsumerTest").isNotEmpty();
        for (Path file : generated) {
            Path shipped = SHIPPED.resolve(file.getFileName());
            assertThat(shipped).as("%s is shipped; copy target/pacts/* to contracts/pacts/", file.getFileName()).exists();
            JsonNode expected = comparable(JSON.readTree(file.toFile()));
            JsonNode actual = comparable(JSON.readTree(shipped.toFile()));
            assertThat(actual).as("contracts/pacts/%s is out of date; copy testkit/target/pacts/%s over it",
                    file.getFileName(), file.getFileName()).isEqualTo(expected);
        }
    }

    /** The pact without the parts that vary from run to run (none today but the pact-jvm version stamp). */
    private static JsonNode comparable(JsonNode pact) {
        JsonNode copy = pact.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("metadata")).remove("pact-jvm");
        return copy;
    }
}
