package io.backupmock.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.fixtures.Fixtures;
import io.backupmock.server.jobs.JobScript;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    /** The reference: what the object mapper writes for the same tree. */
    private static void assertWrittenAsTheMapperWould(JsonNode tree) throws IOException {
        assertThat(new String(Json.bytes(tree), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.mapper().writeValueAsBytes(tree), StandardCharsets.UTF_8));
    }

    @Test
    void everyJsonFixtureIsWrittenAsTheMapperWould() throws IOException {
        int checked = 0;
        for (String name : Fixtures.ALL) {
            if (name.endsWith(".json")) {
                assertWrittenAsTheMapperWould(Json.mapper().readTree(Fixtures.read(name)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void everyKindOfValueIsWrittenAsTheMapperWould() throws IOException {
        ObjectNode tree = Json.object();
        tree.put("int", Integer.MIN_VALUE).put("long", Long.MAX_VALUE).put("short", (short) -7)
                .put("double", 0.1 + 0.2).put("float", 1.5e-7f).put("nan", Double.NaN)
                .put("big integer", new BigInteger("123456789012345678901234567890"))
                .put("big decimal", new BigDecimal("1.50E+3")).put("true", true).put("false", false)
                .putNull("null").put("empty", "")
                .put("escapes", "quote \" backslash \\ tab \t newline \n bell \u0007 </script>")
                .put("unicode", "Zürich 東京 \uD83D\uDE00").put("binary", "backup".getBytes(StandardCharsets.UTF_8));
        tree.putObject("empty object");
        ArrayNode nested = tree.putArray("nested");
        nested.addArray().add(1).addObject().putArray("deeper").add("x").addNull();
        tree.putArray("empty array");
        assertWrittenAsTheMapperWould(tree);
        assertThat(new String(Json.bytes(tree.get("nested")), StandardCharsets.UTF_8))
                .isEqualTo("[[1,{\"deeper\":[\"x\",null]}]]");
    }

    @Test
    void aTreeMadeByTheMapperFromJavaValuesIsWrittenAsTheMapperWould() throws IOException {
        JsonNode script = Json.mapper().valueToTree(Json.mapper().readValue(
                "{\"duration\":\"PT2M30S\",\"outcome\":\"CompletedWithWarnings\",\"propertyBag\":{\"k\":\"v\"}}",
                JobScript.class));
        assertWrittenAsTheMapperWould(script);
        ObjectNode withPojo = Json.object();
        withPojo.putPOJO("pojo", Map.of("a", 1));
        assertWrittenAsTheMapperWould(withPojo);
        assertThat(new String(Json.bytes(withPojo), StandardCharsets.UTF_8)).isEqualTo("{\"pojo\":{\"a\":1}}");
    }
}
