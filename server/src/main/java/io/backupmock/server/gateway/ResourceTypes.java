package io.backupmock.server.gateway;

/** The ARM resource type a path names, and ARM's 404s for paths no route serves. */
final class ResourceTypes {
    private ResourceTypes() {
    }

    /** e.g. {@code Microsoft.RecoveryServices/vaults/backupJobs}. */
    static String of(RequestTarget target) {
        var s = target.segments();
        for (int i = 0; i + 1 < s.size(); i++) {
            if (s.get(i).equalsIgnoreCase("providers")) {
                StringBuilder type = new StringBuilder(s.get(i + 1));
                for (int j = i + 2; j < s.size(); j += 2) {
                    type.append('/').append(s.get(j));
                }
                return type.toString();
            }
        }
        return "Microsoft.RecoveryServices/vaults";
    }

    /** InvalidResourceType under the provider's namespace, NotFound elsewhere. */
    static ApiError unknownRoute(RequestContext context) {
        var s = context.target.segments();
        int providers = -1;
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).equalsIgnoreCase("providers")) {
                providers = i;
                break;
            }
        }
        if (providers >= 0 && providers + 1 < s.size()
                && s.get(providers + 1).equalsIgnoreCase("Microsoft.RecoveryServices")) {
            return ApiError.notFound("InvalidResourceType", "The resource type '" + of(context.target)
                    + "' could not be found in the namespace 'Microsoft.RecoveryServices' for this api-version, "
                    + "or the route does not support " + context.method + ".");
        }
        return ApiError.notFound("NotFound",
                "No HTTP resource was found that matches the request URI '" + context.target.rawPath() + "'.");
    }
}
