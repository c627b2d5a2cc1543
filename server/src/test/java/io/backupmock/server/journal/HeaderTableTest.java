package io.backupmock.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderTableTest {
    @Test
    void readsAsTheLinkedMapOfTheSameHeadersInTheSameOrderWithLowerCaseNames() {
        Map<String, String> expected = new LinkedHashMap<>();
        HeaderTable.Builder<String> table = new HeaderTable.Builder<>(12);
        for (int i = 12; i > 0; i--) {
            expected.put("x-h" + i, "v" + i);
            table.put("X-H" + i, "v" + i);
        }
        HeaderTable<String> built = table.build();
        assertThat(built).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(List.copyOf(built.keySet())).isEqualTo(List.copyOf(expected.keySet()));
        assertThat(built.get("x-h7")).isEqualTo("v7");
        assertThat(built.get("X-H7")).as("names are read in lower case").isNull();
        assertThat(built.containsKey("x-h1")).isTrue();
        assertThat(built.containsKey("x-h13")).isFalse();
        assertThatThrownBy(() -> built.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new HeaderTable.Builder<String>(0).build()).isEmpty();
        assertThat(HeaderTable.characters(built)).isEqualTo(HeaderTable.characters(expected))
                .isEqualTo(expected.entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().length()).sum());
        assertThat(HeaderTable.characters(new HeaderTable.Builder<List<String>>(1).put("Accept", List.of("a", "bc"))
                .build())).isEqualTo(9).isEqualTo(HeaderTable.characters(Map.of("accept", List.of("a", "bc"))));
    }
}
