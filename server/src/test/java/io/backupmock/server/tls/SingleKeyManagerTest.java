package io.backupmock.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class SingleKeyManagerTest {
    @Test
    void offersItsKeyOnlyForItsOwnAlgorithmAndNeverAsAClient() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        SingleKeyManager keys = new SingleKeyManager(generator.generateKeyPair().getPrivate(), certificate.certificate());

        String alias = keys.chooseEngineServerAlias("EC", null, null);
        assertThat(alias).isNotNull().isEqualTo(keys.chooseServerAlias("EC", null, null));
        assertThat(keys.getServerAliases("EC", null)).containsExactly(alias);
        assertThat(keys.getCertificateChain(alias)).containsExactly(certificate.certificate());
        assertThat(keys.getPrivateKey(alias).getAlgorithm()).isEqualTo("EC");

        assertThat(keys.chooseEngineServerAlias("RSA", null, null)).isNull();
        assertThat(keys.getServerAliases("RSASSA-PSS", null)).isNull();
        assertThat(keys.getCertificateChain("other")).isNull();
        assertThat(keys.getPrivateKey("other")).isNull();
        assertThat(keys.chooseEngineClientAlias(new String[] {"EC"}, null, null)).isNull();
        assertThat(keys.getClientAliases("EC", null)).isNull();
    }

    @Test
    void aHandshakeWithTheServerContextSucceeds() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        javax.net.ssl.SSLContext server = certificate.serverContext();
        assertThat(server).isSameAs(certificate.serverContext());
        try (javax.net.ssl.SSLServerSocket listening = (javax.net.ssl.SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (java.net.Socket accepted = listening.accept()) {
                    accepted.getOutputStream().write(42);
                } catch (java.io.IOException ignored) {
                    // the client's assertion reports it
                }
            });
            acceptor.start();
            try (javax.net.ssl.SSLSocket client = (javax.net.ssl.SSLSocket) certificate.clientContext().getSocketFactory()
                    .createSocket(java.net.InetAddress.getLoopbackAddress(), listening.getLocalPort())) {
                assertThat(client.getInputStream().read()).isEqualTo(42);
                assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(certificate.certificate());
            }
            acceptor.join(10_000);
        }
    }
}
