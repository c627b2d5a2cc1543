package io.backupmock.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Signature;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedCertificateTest {
    @Test
    void theJarsCertificateIsForLocalhostItsKeyMatchesAndItLastsTheCentury() throws Exception {
        SelfSignedCertificate embedded = SelfSignedCertificate.embedded();
        var cert = embedded.certificate();
        cert.checkValidity(Date.from(Instant.parse("2100-01-01T00:00:00Z")));
        cert.verify(cert.getPublicKey());
        assertThat(cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList())
                .containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(cert.getBasicConstraints()).as("its own trust anchor").isGreaterThanOrEqualTo(0);
        // The key in the jar is the certificate's: what it signs, the certificate verifies.
        Signature sign = Signature.getInstance("SHA256withECDSA");
        sign.initSign(privateKeyOf(embedded));
        sign.update(new byte[] {1, 2, 3});
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(cert.getPublicKey());
        verify.update(new byte[] {1, 2, 3});
        assertThat(verify.verify(signature)).isTrue();
        assertThat(SelfSignedCertificate.shared()).as("what embedded emulators serve").isSameAs(SelfSignedCertificate.shared());
        assertThat(SelfSignedCertificate.shared().certificate()).isEqualTo(cert);
    }

    @Test
    void aPemRoundTrips() throws Exception {
        SelfSignedCertificate embedded = SelfSignedCertificate.embedded();
        String pem = embedded.pem();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        var parsed = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(parsed).isEqualTo(embedded.certificate());
        assertThat(List.of(pem.split("\n"))).allMatch(line -> line.length() <= 64 || line.startsWith("-----"));
    }

    private static java.security.PrivateKey privateKeyOf(SelfSignedCertificate c) throws Exception {
        var field = SelfSignedCertificate.class.getDeclaredField("keyPair");
        field.setAccessible(true);
        return ((java.security.KeyPair) field.get(c)).getPrivate();
    }
}
