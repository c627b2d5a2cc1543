package io.backupmock.server.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure to answer with a CloudError body ({@code {"error":{"code","message"}}}) and status.
 * Operations throw it; only the gateway writes it.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Detail> details = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    /** One entry of the error's {@code details}: a violation at {@code target} (a JSON pointer into the body). */
    public record Detail(String code, String target, String message) {
    }

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }

    /** 400 BMSUserErrorInvalidInput: what the backup service answers to a body it cannot use. */
    public static ApiError invalidInput(String message) {
        return badRequest("BMSUserErrorInvalidInput", message);
    }

    public ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiError detail(Detail detail) {
        details.add(detail);
        return this;
    }

    /** Records schema violations this error reports, for the journal. */
    public ApiError violations(List<String> value) {
        violations.addAll(value);
        return this;
    }

    public List<String> violations() {
        return violations;
    }

    public List<Detail> details() {
        return details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
