package io.backupmock.server.gateway;

/** What tests of other packages may read of a response beyond its public face. */
public final class GatewayAccess {
    private GatewayAccess() {
    }

    public static boolean conforms(ApiResponse response) {
        return response.conforms();
    }
}
