package io.backupmock.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link BackupMockTest}. Starts the emulator once per class (or once
 * per run), gives each test a fresh subscription with its own virtual clock, hands it in as a
 * {@link BackupMock} parameter, and forgets the subscription after the test. Because tests differ
 * by subscription, they may run in parallel on one server.
 *
 * <pre>{@code
 * @RegisterExtension
 * static BackupMockExtension azure = BackupMockExtension.builder().http().pageSize(2).build();
 * }</pre>
 */
public final class BackupMockExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BackupMockExtension.class);
    private static final String SERVER = "server";
    private static final String HANDLE = "handle";

    private final BackupMockOptions options;

    static {
        // Loaded as JUnit reads the test class: the emulator's slow first uses start now, alongside JUnit.
        EmbeddedEmulator.prepare();
    }

    /** Used by {@code @BackupMockTest}: options come from the annotation. */
    public BackupMockExtension() {
        this(null);
    }

    private BackupMockExtension(BackupMockOptions options) {
        this.options = options;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        BackupMockOptions opts = options(context);
        BackupMock handle = server(context).newSubscription(
                opts.clockStart() != null ? opts.clockStart() : Instant.ofEpochMilli(System.currentTimeMillis()),
                opts.autoAdvance());
        context.getStore(NAMESPACE).put(HANDLE, handle);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BackupMock handle = context.getStore(NAMESPACE).remove(HANDLE, BackupMock.class);
        if (handle != null) {
            handle.forget();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BackupMock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BackupMock handle = context.getStore(NAMESPACE).get(HANDLE, BackupMock.class);
        if (handle == null) {
            throw new ParameterResolutionException("a BackupMock is handed to test methods and @BeforeEach/"
                    + "@AfterEach methods, each test its own; for @BeforeAll, use the test's parameter instead");
        }
        return handle;
    }

    private BackupMockOptions options(ExtensionContext context) {
        if (options != null) {
            return options;
        }
        return findAnnotation(context).map(BackupMockOptions::of).orElse(BackupMockOptions.DEFAULTS);
    }

    private static Optional<BackupMockTest> findAnnotation(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<Class<?>> type = c.get().getTestClass();
            if (type.isPresent()) {
                Optional<BackupMockTest> found = AnnotationSupport.findAnnotation(type.get(), BackupMockTest.class);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private EmbeddedEmulator server(ExtensionContext context) {
        BackupMockOptions opts = options(context);
        ExtensionContext owner = opts.sharedServer() ? context.getRoot() : classContext(context);
        String key = SERVER + ":" + opts.serverKey();
        // JUnit closes it (an AutoCloseable) when its owning context closes.
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> EmbeddedEmulator.start(opts),
                EmbeddedEmulator.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Options of an extension registered with {@code @RegisterExtension}. */
    public static final class Builder extends ServerOptions<Builder> {
        /** One server for the whole run, shared by every class with the same options. */
        public Builder sharedServer() {
            return sharedServer(true);
        }

        /** Each request moves the test's clock by {@code step}. */
        public Builder autoAdvance(Duration step) {
            return clock(options.clockStart(), step);
        }

        /** Each test's clock starts at {@code instant}. */
        public Builder clockStart(Instant instant) {
            return clock(instant, options.autoAdvance());
        }

        public BackupMockExtension build() {
            return new BackupMockExtension(options);
        }
    }
}
