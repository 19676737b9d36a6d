package org.motcua.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The two small clear-text files of a backup: its manifest and its last check. No secret, no citizen data. */
final class BackupJson {

    /** One file of a backup as the manifest lists it. */
    record Part(String path, long bytes, String sha256) {
    }

    record Manifest(String deviceId, LocalDateTime takenAt, List<Part> parts) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupJson() {
    }

    static void writeManifest(Path file, Manifest m) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.put("deviceId", m.deviceId());
        root.put("takenAt", m.takenAt().toString());
        var parts = root.putArray("parts");
        m.parts().forEach(p -> parts.addObject().put("path", p.path()).put("bytes", p.bytes()).put("sha256", p.sha256()));
        write(file, root);
    }

    static Manifest readManifest(Path file) throws IOException {
        JsonNode n = JSON.readTree(file.toFile());
        if (n == null || n.path("format").asInt() != 1) {
            throw new IOException("not a MotCua backup manifest");
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode p : n.path("parts")) {
            String path = p.path("path").asText();
            if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new IOException("the manifest names a path outside the backup: " + path);
            }
            parts.add(new Part(path, p.path("bytes").asLong(), p.path("sha256").asText()));
        }
        return new Manifest(n.path("deviceId").asText(), LocalDateTime.parse(n.path("takenAt").asText()), parts);
    }

    static void writeCheck(Path file, BackupCheck c) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("outcome", c.outcome().name());
        root.put("detail", c.detail());
        root.put("schemaVersion", c.schemaVersion());
        root.put("checkedAt", c.checkedAt().toString());
        ObjectNode counts = root.putObject("counts");
        c.counts().forEach(counts::put);
        write(file, root);
    }

    static Optional<BackupCheck> readCheck(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            Map<String, Long> counts = new LinkedHashMap<>();
            n.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            return Optional.of(new BackupCheck(BackupCheck.Outcome.valueOf(n.path("outcome").asText()),
                    n.path("detail").asText(), n.path("schemaVersion").asInt(), counts,
                    LocalDateTime.parse(n.path("checkedAt").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.of(BackupCheck.failed(BackupCheck.Outcome.DAMAGED, "check.json unreadable: " + e.getMessage(),
                    LocalDateTime.MIN));
        }
    }

    private static void write(Path file, ObjectNode root) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
