package io.backupmock.server.gateway;

/** One operation of the API (one spec operationId): turns a request into a response, or throws {@link ApiError}. */
@FunctionalInterface
public interface Operation {
    ApiResponse handle(ApiRequest request);
}
