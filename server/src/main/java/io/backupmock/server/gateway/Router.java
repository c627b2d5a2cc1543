package io.backupmock.server.gateway;

import io.backupmock.contracts.Schemas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches decoded path segments against route templates such as
 * {@code subscriptions/{subscriptionId}/…/backupJobs/{jobName}}: literals case-insensitively, and
 * where two templates match, the one with more literal segments wins
 * ({@code backupJobs/operationResults/{id}} over {@code backupJobs/{jobName}/cancel}).
 */
public final class Router {
    private final Map<Integer, List<Route>> bySize = new HashMap<>();

    /** Adds a route; {@code responseSchema} describes its success bodies (null: it answers none). */
    public Router add(String method, String template, Operation operation, Schemas responseSchema) {
        Route route = new Route(method, template, operation, responseSchema);
        List<Route> routes = bySize.computeIfAbsent(route.segments.length, n -> new ArrayList<>());
        routes.add(route);
        routes.sort((a, b) -> Integer.compare(b.literals, a.literals));
        return this;
    }

    /** A route matched: what to run and the path parameters. */
    public record Match(Operation operation, Map<String, String> params, String template, Schemas responseSchema) {
    }

    /**
     * The routes a target was matched to, kept on the target (see {@link RecentTargets}), newest
     * first: one per router and method, since a request passes more than one router (the routes
     * outside ARM's checks, then ARM's). Immutable, so threads that race each keep a whole chain.
     */
    record Memo(Router router, String method, Match match, Memo older) {
        static final int KEPT = 4;
    }

    /** As {@link #match(String, List)}; a target matched by this router before gets the same answer at once. */
    Match match(String method, RequestTarget target) {
        Memo memos = target.memo;
        for (Memo m = memos; m != null; m = m.older) {
            if (m.router == this && m.method.equals(method)) {
                return m.match;
            }
        }
        Match match = match(method, target.segments());
        target.memo = new Memo(this, method, match, keep(memos, Memo.KEPT - 1));
        return match;
    }

    /** The newest {@code n} of a chain of memos. */
    private static Memo keep(Memo memos, int n) {
        if (memos == null || n == 0) {
            return null;
        }
        return new Memo(memos.router, memos.method, memos.match, keep(memos.older, n - 1));
    }

    /** The matching route, or null. */
    public Match match(String method, List<String> path) {
        List<Route> candidates = bySize.get(path.size());
        if (candidates == null) {
            return null;
        }
        for (Route route : candidates) {
            if (route.method.equals(method) && route.matches(path)) {
                return new Match(route.operation, route.params(path), route.template, route.responseSchema);
            }
        }
        return null;
    }

    /** The methods of the routes that match the path (worked out only when the method did not match). */
    public Set<String> allowed(List<String> path) {
        Set<String> out = new HashSet<>(4);
        for (Route route : bySize.getOrDefault(path.size(), List.of())) {
            if (route.matches(path)) {
                out.add(route.method);
            }
        }
        return out;
    }

    private static final class Route {
        final String method;
        final String template;
        final String[] segments;
        final boolean[] isParam;
        final int literals;
        final Operation operation;
        final Schemas responseSchema;

        Route(String method, String template, Operation operation, Schemas responseSchema) {
            this.method = method;
            this.template = template;
            this.operation = operation;
            this.responseSchema = responseSchema;
            this.segments = template.split("/");
            this.isParam = new boolean[segments.length];
            int count = 0;
            for (int i = 0; i < segments.length; i++) {
                isParam[i] = segments[i].startsWith("{");
                if (isParam[i]) {
                    segments[i] = segments[i].substring(1, segments[i].length() - 1);
                } else {
                    count++;
                }
            }
            this.literals = count;
        }

        /**
         * Last segment first: routes of one length share their start ({@code subscriptions/…/vaults})
         * and differ near their end, so a route that does not match is told by one comparison.
         */
        boolean matches(List<String> path) {
            for (int i = segments.length - 1; i >= 0; i--) {
                if (!isParam[i] && !literalIs(segments[i], path.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Case-insensitively, as ARM matches; clients mostly send the spec's case, compared first. */
        private static boolean literalIs(String literal, String segment) {
            return literal.equals(segment) || literal.equalsIgnoreCase(segment);
        }

        Map<String, String> params(List<String> path) {
            Map<String, String> out = new HashMap<>(8);
            for (int i = 0; i < segments.length; i++) {
                if (isParam[i]) {
                    out.put(segments[i], path.get(i));
                }
            }
            return Collections.unmodifiableMap(out); // shared by every request for the target (Memo)
        }
    }
}
