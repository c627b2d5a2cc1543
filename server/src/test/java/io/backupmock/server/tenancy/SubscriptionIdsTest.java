package io.backupmock.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionIdsTest {
    @Test
    void aGuidInEitherCaseIsOne() {
        assertThat(SubscriptionIds.isGuid("0123abcd-ef45-6789-ABCD-EF0123456789")).isTrue();
        assertThat(SubscriptionIds.isGuid("00000000-0000-0000-0000-000000000000")).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(SubscriptionIds.isGuid(null)).isFalse();
        assertThat(SubscriptionIds.isGuid("")).isFalse();
        assertThat(SubscriptionIds.isGuid("0123abcd-ef45-6789-abcd-ef012345678")).isFalse();
        assertThat(SubscriptionIds.isGuid("0123abcd-ef45-6789-abcd-ef01234567890")).isFalse();
        assertThat(SubscriptionIds.isGuid("0123abcdef45-6789-abcd-ef0123456789-")).isFalse();
        assertThat(SubscriptionIds.isGuid("0123abcd-ef45-6789-abcd-ef012345678g")).isFalse();
        assertThat(SubscriptionIds.isGuid("0123abcd-ef45-6789-abcd-ef012345678G")).isFalse();
        assertThat(SubscriptionIds.isGuid("0123abcd-ef45-6789-abcd-ef012345678@")).isFalse();
        assertThat(SubscriptionIds.isGuid("0123abcd-ef45-6789-abcd-ef012345678`")).isFalse();
        // Digits of other scripts are not hex digits in a GUID (fullwidth zero, Arabic-Indic one).
        assertThat(SubscriptionIds.isGuid("0123abcd-ef45-6789-abcd-ef012345678\uFF10")).isFalse();
        assertThat(SubscriptionIds.isGuid("0123abcd-ef45-6789-abcd-ef012345678\u0661")).isFalse();
    }
}
