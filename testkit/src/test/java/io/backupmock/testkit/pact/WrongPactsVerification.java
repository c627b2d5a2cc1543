package io.backupmock.testkit.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Deliberately wrong consumer pacts (src/test/resources/wrong-pacts/), verified against the
 * emulator: every one must fail. Run only through {@link WrongPactsAreRejectedTest}, which expects
 * the failures.
 */
@Provider("azure-backup")
@PactFolder("src/test/resources/wrong-pacts")
@EnabledIfSystemProperty(named = WrongPactsVerification.ENABLED, matches = "true")
class WrongPactsVerification extends BackupMockPactVerification {
    static final String ENABLED = "backupmock.verifyWrongPacts";
}
