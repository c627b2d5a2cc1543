package io.backupmock.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.backupmock.server.state.Settings;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an embedded Azure Backup emulator: one server per class (or per run),
 * and for each test a fresh subscription with its own virtual clock, handed in as a
 * {@link BackupMock} parameter. For options in code, use {@link BackupMockExtension#builder()} with
 * {@code @RegisterExtension} instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BackupMockExtension.class)
public @interface BackupMockTest {
    /** Serve HTTPS with a self-signed certificate (the default, as Azure SDKs need), or plain HTTP. */
    boolean https() default true;

    /** One server for the whole test run, shared by every class with the same options. */
    boolean sharedServer() default false;

    /** Most entries in a list page. */
    int pageSize() default Settings.DEFAULT_PAGE_SIZE;

    /** Retry-After of every 202, in seconds. */
    int retryAfterSeconds() default Settings.DEFAULT_RETRY_AFTER_SECONDS;

    /** Check every response against its JSON Schema (a violation answers 500). */
    boolean validateResponses() default BackupMockOptions.VALIDATE_RESPONSES;

    /** ISO-8601 duration each request moves the test's clock by (e.g. {@code "PT5S"}); empty: only the test moves it. */
    String autoAdvance() default "";

    /** ISO-8601 instant each test's clock starts at; empty: the current time. */
    String clockStart() default "";
}
