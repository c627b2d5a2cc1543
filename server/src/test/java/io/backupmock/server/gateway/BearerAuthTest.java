package io.backupmock.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BearerAuthTest {
    private static final Pattern BEARER = Pattern.compile(BearerAuth.BEARER_PATTERN);

    @Test
    void acceptsWhatThePatternMatchesAndNothingElse() {
        String alphabet = "bBeEaArRxX. \t\n\u000B\f\r\u00A0\u017F\u0130-";
        Random random = new Random(19);
        int accepted = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder value = new StringBuilder();
            if (random.nextInt(3) > 0) {
                for (char c : "bearer ".toCharArray()) {
                    value.append(random.nextBoolean() ? c : Character.toUpperCase(c));
                }
            }
            int length = random.nextInt(10);
            for (int i = 0; i < length; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = value.toString();
            boolean expected = BEARER.matcher(v).matches();
            assertThat(BearerAuth.isBearer(v)).as("'%s'", v).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("values accepted").isGreaterThan(10_000);
        assertThat(BearerAuth.isBearer("Bearer eyJ0.x.y")).isTrue();
        assertThat(BearerAuth.isBearer("Bearer  x")).isFalse();
        assertThat(BearerAuth.isBearer("Bearer x y")).isFalse();
        assertThat(BearerAuth.isBearer("Basic x")).isFalse();
    }
}
