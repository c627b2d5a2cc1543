package io.backupmock.server.gateway;

import io.backupmock.server.state.Emulator;
import io.undertow.server.HttpHandler;

/**
 * The front door: Azure Resource Manager's conventions as a chain of small Undertow handlers, one
 * concern each, composed by wrapping as Undertow's own are. Outermost first:
 * <pre>
 * BodyReading ─ AdminBranch ┬ admin: ArmHeaders ─ Responding ─ ErrorRendering ─ AdminAuthentication
 *                           │        ─ Routing ─ RouteRequired ─ Dispatch
 *                           └ ARM:   ArmHeaders ─ Responding (journal) ─ [SelfCheck] ─ ErrorRendering
 *                                    ─ OutsideArm ─ BearerAuthentication ─ Routing ─ ApiVersionCheck
 *                                    ─ RouteRequired ─ SubscriptionCheck ─ RateLimiting ─ FaultInjection ─ Dispatch
 * </pre>
 * Each is a {@link ContextHandler}, handed the request's {@link RequestContext} by the one before.
 * Handlers within {@link ErrorRendering} throw {@link ApiError}; it turns every failure, an
 * unexpected one too, into a CloudError. The admin API is not journaled, faulted or rate-limited,
 * and does not move a virtual clock.
 */
public final class Gateway {
    public static final int MAX_BODY_BYTES = BodyReading.MAX_BODY_BYTES;
    /** Past this the connection is cut rather than drained. */
    public static final long MAX_DRAINED_BYTES = BodyReading.MAX_DRAINED_BYTES;

    private Gateway() {
    }

    /**
     * @param arm        the ARM operations
     * @param outsideArm routes outside ARM (export blobs): no bearer token or api-version
     * @param admin      the admin API under {@code /backupmock/admin}
     */
    public static HttpHandler handler(Emulator emulator, Router arm, Router outsideArm, Router admin) {
        return handler(emulator, arm, outsideArm, admin, Durability.none(emulator));
    }

    /**
     * @param durability where the changes the ARM operations and the admin API acknowledge are
     *                   saved before their answer, when the emulator keeps its state
     */
    public static HttpHandler handler(Emulator emulator, Router arm, Router outsideArm, Router admin,
                                      Durability durability) {
        HttpHandler dispatch = new Dispatch();
        HttpHandler armChecks = new Routing(arm, ResourceTypes::unknownRoute,
                new ApiVersionCheck(emulator,
                        new RouteRequired(
                                new SubscriptionCheck(
                                        new RateLimiting(emulator.rateLimiter(),
                                                new FaultInjection(emulator.faults(),
                                                        durability.wrap(false, dispatch)))))));
        if (emulator.settings().authRequired()) {
            armChecks = new BearerAuthentication(armChecks);
        }
        HttpHandler answered = new ErrorRendering(new OutsideArm(outsideArm, dispatch, armChecks));
        if (emulator.settings().validateResponses()) {
            answered = new SelfCheck(answered);
        }
        HttpHandler armChain = ArmHeaders.forArm(emulator, new Responding(emulator.journal(), answered));

        HttpHandler adminChain = ArmHeaders.forAdmin(emulator, new Responding(null,
                new ErrorRendering(new AdminAuthentication(emulator.settings().adminToken(),
                        new Routing(admin, Gateway::noAdminResource,
                                new RouteRequired(durability.wrap(true, dispatch)))))));
        return new BodyReading(new AdminBranch(adminChain, armChain));
    }

    private static ApiError noAdminResource(RequestContext context) {
        return ApiError.notFound("NotFound", "No admin resource at '" + context.target.rawPath()
                + "'; see /backupmock/admin/openapi.json.");
    }
}
