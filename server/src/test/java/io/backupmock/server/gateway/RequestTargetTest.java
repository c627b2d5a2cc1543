package io.backupmock.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestTargetTest {
    @Test
    void rawSemicolonsStayInTheName() {
        RequestTarget t = RequestTarget.parse("/c/IaasVMContainer;iaasvmcontainerv2;rg;vm/items/VM;x", null);
        assertThat(t.segments()).containsExactly("c", "IaasVMContainer;iaasvmcontainerv2;rg;vm", "items", "VM;x");
    }

    @Test
    void percentEncodedSegmentsAreDecodedButPlusIsNotASpace() {
        assertThat(RequestTarget.parse("/a/VM%3Biaasvmcontainerv2%3Brg%3Bvm/b+c", null).segments())
                .containsExactly("a", "VM;iaasvmcontainerv2;rg;vm", "b+c");
    }

    @Test
    void emptySegmentsAndAbsoluteUrisAreTolerated() {
        assertThat(RequestTarget.parse("//subscriptions//x/", null).segments()).containsExactly("subscriptions", "x");
        assertThat(RequestTarget.parse("https://host:1/subscriptions/x", null).segments())
                .containsExactly("subscriptions", "x");
    }

    @Test
    void queryNamesAreDecodedAndCaseInsensitive() {
        RequestTarget t = RequestTarget.parse("/", "api-version=2019-05-13&%24filter=status+eq+%27InProgress%27"
                + "&$skipToken=abc");
        assertThat(t.query("$filter")).isEqualTo("status eq 'InProgress'");
        assertThat(t.query("$skiptoken")).isEqualTo("abc");
        assertThat(t.query("API-VERSION")).isEqualTo("2019-05-13");
        assertThat(RequestTarget.parse("/", "$filter=status%20eq%20'Failed'").query("$filter"))
                .isEqualTo("status eq 'Failed'");
    }

    @Test
    void badEscapesAreA400() {
        assertThatThrownBy(() -> RequestTarget.parse("/a%zz", null)).isInstanceOf(ApiError.class)
                .extracting(e -> ((ApiError) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> RequestTarget.parse("/", "$filter=%")).isInstanceOf(ApiError.class);
    }
}
