package io.backupmock.server.tls;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.security.Security;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An SSLContext that is still being made: every use waits for it. An HTTPS listener can so open
 * (its port bound, its I/O threads started) while the key and context are made on another thread,
 * instead of after them; only a handshake that comes first waits.
 */
public final class DeferredSslContext extends SSLContext {
    private final CompletableFuture<SSLContext> ready;

    private DeferredSslContext(Spi spi) {
        super(spi, Security.getProvider("SunJSSE"), "TLS");
        this.ready = spi.ready;
    }

    /** Starts making the server context of {@code certificate} (made first if need be) on a thread of its own. */
    public static DeferredSslContext serverContextOf(java.util.function.Supplier<SelfSignedCertificate> certificate) {
        CompletableFuture<SSLContext> ready = new CompletableFuture<>();
        Thread maker = new Thread(() -> {
            try {
                ready.complete(certificate.get().serverContext());
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
            }
        }, "backup-mock-tls");
        maker.setDaemon(true);
        maker.start();
        return new DeferredSslContext(new Spi(ready));
    }

    /** Waits until the context is made; throws what making it threw. */
    public void await() {
        ready.join();
    }

    private static final class Spi extends SSLContextSpi {
        private final CompletableFuture<SSLContext> ready;

        Spi(CompletableFuture<SSLContext> ready) {
            this.ready = ready;
        }

        private SSLContext context() {
            return ready.join();
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("a deferred context is initialised by whoever makes it");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return context().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return context().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return context().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return context().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return context().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return context().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return context().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return context().getSupportedSSLParameters();
        }
    }
}
