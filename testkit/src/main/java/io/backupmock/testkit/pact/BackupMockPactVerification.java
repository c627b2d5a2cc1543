package io.backupmock.testkit.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import io.backupmock.testkit.BackupMock;
import io.backupmock.testkit.BackupMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies pacts against the emulator: extend it, name the provider and where the pacts are.
 *
 * <pre>{@code
 * @Provider("azure-backup")
 * @PactFolder("pacts")
 * class MyClientPactsTest extends BackupMockPactVerification {
 * }
 * }</pre>
 *
 * Every interaction runs against a fresh subscription of an embedded emulator (plain HTTP), with
 * the states of {@link BackupMockPactStates}.
 */
@BackupMockTest(https = false)
public abstract class BackupMockPactVerification {

    @BeforeEach
    void pointPactAtTheEmulator(PactVerificationContext context, BackupMock azure) {
        if (context != null) {
            context.setTarget(new HttpTestTarget(azure.baseUri().getHost(), azure.baseUri().getPort()));
            context.withStateChangeHandlers(new BackupMockPactStates(azure));
        }
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verifyInteraction(PactVerificationContext context) {
        if (context != null) {
            context.verifyInteraction();
        }
    }
}
