package org.motcua.server.wire;

import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;

/** Rules shared by documents and paths. */
public final class PathChecks {

    private PathChecks() {
    }

    /** 404 {@code not-found} for a path segment that should be a uuid and is not (§6, §7 step 2). */
    public static String uuid(String segment) throws Rejection {
        if (!WireFormats.isUuid(segment)) {
            throw Rejection.of(ProblemType.NOT_FOUND, "No such resource", "'" + shorten(segment) + "' is not a uuid.");
        }
        return segment;
    }

    /** 400 {@code path-body-mismatch}. */
    public static void sameDevice(String pathDeviceId, String bodyDeviceId) throws Rejection {
        if (!pathDeviceId.equals(bodyDeviceId)) {
            throw Rejection.of(ProblemType.PATH_BODY_MISMATCH, "Path and body disagree",
                    "The body's deviceId is not the device of the path.");
        }
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
