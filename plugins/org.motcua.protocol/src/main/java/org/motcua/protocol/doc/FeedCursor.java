package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;

/**
 * A position in the updates feed (§5.6): the feed's identity and a seq in it. A device's cursor in its USB export
 * ({@code usbExport.feed}, §11), and the feed's head as the device sees it in a receipt ({@code receipt.feed}, an
 * optional response member this project adds within v1: see PROTOCOL-NOTES), so a device pulls the feed only when
 * the head has moved past its cursor.
 */
public record FeedCursor(String feedId, long lastSeq) {

    /** True when a device at {@code feedId}/{@code lastSeq} has nothing to fetch up to this head. */
    public boolean reachedBy(String cursorFeedId, long cursorLastSeq) {
        return feedId.equals(cursorFeedId) && cursorLastSeq >= lastSeq;
    }

    void putInto(ObjectNode parent) {
        parent.putObject("feed").put("feedId", feedId).put("lastSeq", lastSeq);
    }

    static Optional<FeedCursor> readFrom(DocReader parent) {
        return parent.optObject("feed").map(f -> {
            FeedCursor c = new FeedCursor(f.uuid("feedId"), f.integer("lastSeq", 0, CanonicalJson.MAX_INTEGER));
            f.endObject();
            return c;
        });
    }
}
