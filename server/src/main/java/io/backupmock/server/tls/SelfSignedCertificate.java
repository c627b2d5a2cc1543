package io.backupmock.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1} (and {@code ::1}): Azure SDKs
 * send bearer tokens over HTTPS only. The standalone emulator makes a fresh one each start
 * ({@link #generate()}); embedded ones serve the one in the jar ({@link #embedded()}). Clients trust
 * it through {@link #pem()} or {@link #clientContext()}.
 */
public final class SelfSignedCertificate {
    private static volatile SelfSignedCertificate shared;

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private volatile SSLContext serverContext;

    private SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /**
     * The certificate an emulator serves unless it is given one: the {@link #embedded()} one, read
     * once per JVM, so every emulator in a test run is trusted through the same PEM.
     */
    public static SelfSignedCertificate shared() {
        SelfSignedCertificate c = shared;
        if (c == null) {
            synchronized (SelfSignedCertificate.class) {
                c = shared;
                if (c == null) {
                    c = embedded();
                    shared = c;
                }
            }
        }
        return c;
    }

    /**
     * A fresh key and certificate, made now (BouncyCastle must be on the class path, as it is in the
     * standalone jar): what the standalone emulator serves, a new key each start.
     */
    public static SelfSignedCertificate generate() {
        return CertificateGenerator.generate();
    }

    static SelfSignedCertificate of(KeyPair keys, X509Certificate certificate) {
        return new SelfSignedCertificate(keys, certificate);
    }

    /**
     * The certificate embedded emulators serve, read from the jar (valid until 2126): no key to make,
     * no BouncyCastle, so a test run's first server starts at once. Its key is public; only clients
     * that trust this certificate alone (a test's own TLS context) should trust it.
     */
    public static SelfSignedCertificate embedded() {
        try (InputStream in = SelfSignedCertificate.class.getResourceAsStream("embedded.pem")) {
            if (in == null) {
                throw new IllegalStateException("embedded.pem is missing from the jar");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] key = Base64.getMimeDecoder().decode(between(pem, "PRIVATE KEY"));
            PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(key));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----"))
                            .getBytes(StandardCharsets.US_ASCII)));
            return new SelfSignedCertificate(new KeyPair(cert.getPublicKey(), privateKey), cert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the embedded certificate", e);
        }
    }

    private static String between(String pem, String label) {
        int from = pem.indexOf("-----BEGIN " + label + "-----") + ("-----BEGIN " + label + "-----").length();
        return pem.substring(from, pem.indexOf("-----END " + label + "-----"));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate as PEM, for {@code REQUESTS_CA_BUNDLE}, {@code NODE_EXTRA_CA_CERTS} or a truststore. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    public void writePem(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, pem(), StandardCharsets.US_ASCII);
    }

    /** The server side: this certificate and its key; made once, as an SSLContext serves any number of listeners. */
    public SSLContext serverContext() {
        SSLContext context = serverContext;
        if (context == null) {
            synchronized (this) {
                context = serverContext;
                if (context == null) {
                    context = newServerContext();
                    serverContext = context;
                }
            }
        }
        return context;
    }

    private SSLContext newServerContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SingleKeyManager(keyPair.getPrivate(), certificate)}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the server TLS context", e);
        }
    }

    /** A client side that trusts this certificate (and nothing else), for {@code java.net.http.HttpClient}. */
    public SSLContext clientContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("backup-mock", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the client TLS context", e);
        }
    }
}
