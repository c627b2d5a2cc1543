package io.backupmock.server.gateway;

import io.backupmock.server.ids.Guids;

/** Random version-4 GUIDs for what is not state (request and correlation ids): never recorded or replayed. */
public final class Ids {
    private Ids() {
    }

    public static String guid() {
        return Guids.random();
    }
}
