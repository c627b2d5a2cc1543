package io.backupmock.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.contracts.Violation;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's self-check ({@code validateResponses}): a body that breaks its schema becomes a
 * loud 500 ResponseSchemaViolation naming every violation, and is logged. Bytes an operation marks
 * as already checked (a finished job's kept answer) are not checked again.
 */
final class SelfCheck extends ContextHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final ContextHandler next;

    SelfCheck(HttpHandler next) {
        this.next = ContextHandler.of(next);
    }

    @Override
    void handle(HttpServerExchange exchange, RequestContext context) throws Exception {
        next.handle(exchange, context);
        context.response = checked(context.response, context);
    }

    static ApiResponse checked(ApiResponse response, RequestContext context) {
        Schemas schema = response.schema();
        if (!response.hasBody() || schema == null || response.conforms()) {
            return response;
        }
        JsonNode body = response.body();
        List<Violation> violations = schema.validate(body);
        if (violations.isEmpty()) {
            return response;
        }
        LOG.error("response to {} {} breaks {}: {}; body: {}", context.method, LogSafe.escape(context.target.rawPath()),
                schema.definition(), violations, body);
        ApiError error = new ApiError(500, "ResponseSchemaViolation", "The emulator's " + response.status()
                + " answer breaks the " + schema.definition() + " schema: " + violations.get(0)
                + "; x-ms-request-id " + context.requestId + ".");
        violations.forEach(v -> error.detail(new ApiError.Detail(v.keyword(), v.pointer(), v.toString())));
        return ApiResponse.error(error.violations(violations.stream().map(v -> "response: " + v).toList()));
    }
}
