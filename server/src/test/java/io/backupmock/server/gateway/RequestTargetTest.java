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

    @Test
    void aTargetSeenLatelyIsTheSameAnswerAndOnlyForTheSameUriAndQuery() {
        RecentTargets targets = new RecentTargets();
        String path = "/subscriptions/s/resourceGroups/rg/backupJobs/" + java.util.UUID.randomUUID();
        RequestTarget first = targets.of(path, "api-version=2019-05-13");
        assertThat(targets.of(path, "api-version=2019-05-13")).isSameAs(first);
        assertThat(first.segments()).isEqualTo(RequestTarget.parse(path, "api-version=2019-05-13").segments());
        RequestTarget otherQuery = targets.of(path, "api-version=2023-06-01");
        assertThat(otherQuery.query("api-version")).isEqualTo("2023-06-01");
        assertThat(targets.of(path, null).query("api-version")).isNull();
        assertThat(targets.of(path + "x", "api-version=2019-05-13").segments().get(5)).endsWith("x");
        assertThatThrownBy(() -> targets.of("/a/%zz", null)).isInstanceOf(ApiError.class);
    }

    @Test
    void aRoutersMatchIsRememberedPerRouterAndMethod() {
        RecentTargets targets = new RecentTargets();
        Operation get = req -> ApiResponse.ok(new byte[0]);
        Operation delete = req -> ApiResponse.ok(new byte[0]);
        Router router = new Router().add("GET", "jobs/{jobName}", get, null).add("DELETE", "jobs/{jobName}", delete, null);
        Router other = new Router().add("GET", "jobs/{id}", delete, null);
        RequestTarget target = targets.of("/jobs/j-" + System.nanoTime(), null);
        Router.Match match = router.match("GET", target);
        assertThat(match.operation()).isSameAs(get);
        assertThat(router.match("GET", target)).isSameAs(match);
        assertThat(router.match("DELETE", target).operation()).isSameAs(delete);
        assertThat(other.match("GET", target).params()).containsOnlyKeys("id");
        assertThat(router.match("GET", target)).as("remembered beside another router's").isSameAs(match);
        assertThat(router.match("PUT", target)).isNull();
        assertThatThrownBy(() -> match.params().put("jobName", "x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
