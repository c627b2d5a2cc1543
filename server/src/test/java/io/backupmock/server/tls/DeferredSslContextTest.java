package io.backupmock.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

class DeferredSslContextTest {
    @Test
    void engineCreationWaitsForTheContextThenServesItsCertificate() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        DeferredSslContext deferred = DeferredSslContext.serverContextOf(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return certificate;
        });
        Thread opener = new Thread(() -> deferred.createSSLEngine("localhost", 443));
        opener.start();
        opener.join(200);
        assertThat(opener.isAlive()).as("waits while the context is being made").isTrue();
        release.countDown();
        opener.join(10_000);
        assertThat(opener.isAlive()).isFalse();

        SSLEngine engine = deferred.createSSLEngine();
        engine.setUseClientMode(false);
        assertThat(engine.getSupportedCipherSuites()).isNotEmpty();
        assertThat(deferred.getServerSessionContext()).isSameAs(certificate.serverContext().getServerSessionContext());
    }

    @Test
    void aFailureSurfacesWhereTheContextIsAwaitedAndUsed() {
        DeferredSslContext deferred = DeferredSslContext.serverContextOf(() -> {
            throw new IllegalStateException("no EC provider");
        });
        assertThatThrownBy(deferred::await).isInstanceOf(CompletionException.class)
                .hasRootCauseMessage("no EC provider");
        assertThatThrownBy(deferred::createSSLEngine).hasRootCauseMessage("no EC provider");
        assertThatThrownBy(() -> deferred.init(null, null, null)).hasMessageContaining("deferred");
    }
}
