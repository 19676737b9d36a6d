package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.motcua.protocol.json.CanonicalJson;

/** A document of the contract: it has one JSON form, and its canonical bytes are what is hashed and signed. */
public interface WireDocument {

    ObjectNode toJson();

    default byte[] canonical() {
        return CanonicalJson.write(toJson());
    }
}
