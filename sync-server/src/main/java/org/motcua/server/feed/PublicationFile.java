package org.motcua.server.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON file the admin publishes, parsed strictly (duplicate members refused) with the line of every value kept by
 * its JSON pointer, so that a refusal names the line to fix. Jackson's tree forgets locations, so the bytes are read
 * twice: once by the streaming parser for the lines, once into the tree the validators walk.
 */
final class PublicationFile {

    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private PublicationFile(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    static PublicationFile parse(byte[] bytes) throws FileRefused {
        if (bytes.length == 0) {
            throw new FileRefused(0, "publication.refused.empty");
        }
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext at = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                lines.putIfAbsent(at == null ? "" : at.pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
            return new PublicationFile(MAPPER.readTree(bytes), lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new FileRefused(line, "publication.refused.json", e.getOriginalMessage());
        } catch (IOException e) {
            throw new FileRefused(0, "publication.refused.unreadable", String.valueOf(e.getMessage()));
        }
    }

    JsonNode root() {
        return root;
    }

    /** The line where the value at {@code pointer} starts (the nearest enclosing value's when unknown). */
    int line(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
        }
    }

    /** A refusal at the line of {@code pointer}: {@code publication.refused.<reason>} with its arguments. */
    FileRefused refuse(String pointer, String reason, Object... args) {
        return new FileRefused(line(pointer), "publication.refused." + reason, args);
    }
}
