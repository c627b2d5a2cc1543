package io.backupmock.testkit;

import java.time.Duration;

/**
 * Something that goes wrong with the test's requests, as it does with Azure: an error answer, added
 * latency, or a dropped connection; on every matching request, a share of them, the nth, or at most
 * some number of times. Immutable: each call answers a changed copy. Injected with
 * {@link BackupMock#inject(Fault)}, it only ever hits the test's own subscription.
 *
 * <pre>{@code
 * azure.inject(Fault.status(503).on("GET", "/backupJobs/").times(2));
 * azure.inject(Fault.throttling(10).nth(3));
 * }</pre>
 */
public final class Fault {
    private final String vault;
    private final String method;
    private final String pathContains;
    private final Integer status;
    private final String code;
    private final String message;
    private final Integer retryAfter;
    private final Duration latency;
    private final Boolean dropConnection;
    private final Double rate;
    private final Integer nth;
    private final Integer times;

    private Fault(String vault, String method, String pathContains, Integer status, String code, String message,
                  Integer retryAfter, Duration latency, Boolean dropConnection, Double rate, Integer nth, Integer times) {
        this.vault = vault;
        this.method = method;
        this.pathContains = pathContains;
        this.status = status;
        this.code = code;
        this.message = message;
        this.retryAfter = retryAfter;
        this.latency = latency;
        this.dropConnection = dropConnection;
        this.rate = rate;
        this.nth = nth;
        this.times = times;
        model("00000000-0000-0000-0000-000000000000");
    }

    /** An error answer with this status (400-599); code and message default as Azure's do. */
    public static Fault status(int status) {
        return new Fault(null, null, null, status, null, null, null, null, null, null, null, null);
    }

    /** ARM's throttling: 429 SubscriptionRequestsThrottled with {@code Retry-After}. */
    public static Fault throttling(int retryAfterSeconds) {
        return status(429).retryAfter(retryAfterSeconds);
    }

    /** The backup service's internal error: 500 CloudInternalError. */
    public static Fault internalError() {
        return status(500).code("CloudInternalError");
    }

    /** A normal answer, this much later (at most five minutes). */
    public static Fault latency(Duration delay) {
        return new Fault(null, null, null, null, null, null, null, delay, null, null, null, null);
    }

    /** The connection closed instead of an answer. */
    public static Fault dropConnection() {
        return new Fault(null, null, null, null, null, null, null, null, true, null, null, null);
    }

    /** The error's CloudError code. */
    public Fault code(String value) {
        return new Fault(vault, method, pathContains, status, value, message, retryAfter, latency, dropConnection,
                rate, nth, times);
    }

    /** The error's CloudError message. */
    public Fault message(String value) {
        return new Fault(vault, method, pathContains, status, code, value, retryAfter, latency, dropConnection,
                rate, nth, times);
    }

    /** A {@code Retry-After} header, in seconds, on the error. */
    public Fault retryAfter(int seconds) {
        return new Fault(vault, method, pathContains, status, code, message, seconds, latency, dropConnection,
                rate, nth, times);
    }

    /** Only requests of this method (null: any) whose path contains this, case-insensitively (null: any). */
    public Fault on(String onlyMethod, String onlyPathContaining) {
        return new Fault(vault, onlyMethod, onlyPathContaining, status, code, message, retryAfter, latency,
                dropConnection, rate, nth, times);
    }

    /** Only requests under the vault of this name. */
    public Fault inVault(String vaultName) {
        return new Fault(vaultName, method, pathContains, status, code, message, retryAfter, latency, dropConnection,
                rate, nth, times);
    }

    /** On this share of the matching requests (0 < share ≤ 1), drawn from the emulator's seeded random source. */
    public Fault rate(double share) {
        return new Fault(vault, method, pathContains, status, code, message, retryAfter, latency, dropConnection,
                share, nth, times);
    }

    /** Only on the nth matching request, counting from 1. */
    public Fault nth(int n) {
        return new Fault(vault, method, pathContains, status, code, message, retryAfter, latency, dropConnection,
                rate, n, times);
    }

    /** At most this many times. */
    public Fault times(int count) {
        return new Fault(vault, method, pathContains, status, code, message, retryAfter, latency, dropConnection,
                rate, nth, count);
    }

    io.backupmock.server.faults.Fault model(String subscriptionId) {
        return new io.backupmock.server.faults.Fault(subscriptionId, vault, method, pathContains, status, code,
                message, retryAfter, latency, dropConnection, rate, nth, times);
    }

    @Override
    public String toString() {
        return "Fault" + io.backupmock.server.wire.Json.mapper().valueToTree(model(null));
    }
}
