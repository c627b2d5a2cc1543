package io.backupmock.testkit.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.Order;

/** The emulator honours every contract backup-mock ships (contracts/pacts/). */
@Provider("azure-backup")
@PactFolder("../contracts/pacts")
@Order(3)
class ShippedPactsVerificationTest extends BackupMockPactVerification {
}
