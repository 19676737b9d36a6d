package org.motcua.protocol.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * Payload of an {@code AttachmentsAdded} event (schema 1, our addition under §13): scans attached to a dossier after
 * its reception (scans attached at the counter travel in {@code DossierReceived.attachments}). Each attachment names
 * its blob by SHA-256 (also listed in the envelope's {@code blobs}, §9), its media type, size, the received document it
 * belongs to (empty when none) and the file name it was chosen under. Readers ignore members they do not know.
 */
public record AttachmentsAdded(String dossierId, String dossierCode, String at, String by, List<Attachment> attachments) {

    public static final int SCHEMA = 1;
    public static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "image/tiff");

    public AttachmentsAdded {
        attachments = List.copyOf(attachments);
    }

    /** One scan: its blob, what it is, and which received document it shows. */
    public record Attachment(String sha256, String mediaType, long size, String document, String fileName) {
    }

    public String unitCode() {
        return PayloadSchema.unitOf(dossierCode);
    }

    /** The blob hashes, sorted and distinct, as the envelope's {@code blobs} must list them. */
    public List<String> blobs() {
        return attachments.stream().map(Attachment::sha256).sorted().distinct().toList();
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("schema", SCHEMA);
        o.put("dossierId", dossierId);
        o.put("dossierCode", dossierCode);
        o.put("at", at);
        o.put("by", by);
        write(o.putArray("attachments"), attachments);
        return o;
    }

    /** Writes {@code attachments} into {@code list}: the shape a dossier's result files share ({@link DossierActionTaken}). */
    static void write(ArrayNode list, List<Attachment> attachments) {
        for (Attachment a : attachments) {
            list.addObject().put("sha256", a.sha256()).put("mediaType", a.mediaType()).put("size", a.size())
                    .put("document", a.document()).put("fileName", a.fileName());
        }
    }

    /** Reads the array {@code member} of attachments (at most {@code max}), faulting a bad hash or media type. */
    static List<Attachment> read(DocReader r, String member, int max) {
        List<Attachment> attachments = new ArrayList<>();
        for (DocReader a : r.objects(member, max)) {
            String sha = a.string("sha256", 64);
            if (sha != null && !Sha256.isHash(sha)) {
                a.fault("sha256", "must be 64 lowercase hex characters");
            }
            attachments.add(new Attachment(sha, a.oneOf("mediaType", MEDIA_TYPES), a.integer("size", 1, Long.MAX_VALUE),
                    a.string("document", 1000), a.string("fileName", 255)));
        }
        if (attachments.isEmpty()) {
            r.fault(member, "must not be empty");
        }
        return attachments;
    }

    public static AttachmentsAdded read(JsonNode payload) throws SchemaInvalid {
        DocReader r = DocReader.lenient(payload);
        r.integer("schema", SCHEMA, SCHEMA);
        List<Attachment> attachments = read(r, "attachments", 1000);
        AttachmentsAdded added = new AttachmentsAdded(r.uuid("dossierId"), PayloadSchema.dossierCode(r, "dossierCode"),
                r.time("at"), r.string("by", 64), attachments);
        r.end();
        return added;
    }
}
