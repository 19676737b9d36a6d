package org.motcua.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers one record: POSTs it to the portal's endpoint when one is configured, then appends it to the day's file
 * ({@code <dir>/yyyy-MM-dd.jsonl}, the day of export in Vietnam, one envelope per line). The lines of a round are
 * forced to disk once, before the round's transaction marks them sent ({@link #forceWritten}): the file therefore
 * lists at least what the outbox calls delivered. The envelope is the one open implementations send to the national platform:
 * {@code service}, {@code madonvi}, {@code isUpdating} ("True"/"False", DongBoHoSoMC only), {@code data} (one record),
 * plus {@code session} on the wire only, and the {@code Idempotency-Key} header (dossier code / record) on the wire and
 * as {@code key} in the file, so a receiver recognises a record sent again after a crash between its POST and the
 * commit that marks it sent.
 */
final class PortalDelivery {

    /** The endpoint refused or could not be reached; the record stays due. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExportSettings settings;
    private final HttpClient http;
    /** Day files appended to and not forced yet. */
    private final Set<Path> unforced = new LinkedHashSet<>();

    PortalDelivery(ExportSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void deliver(String key, RecordSource.Record record, Instant now) throws Failed, IOException {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("service", record.service());
        envelope.put("madonvi", record.unitCode());
        if (NationalRecords.DOSSIER_SERVICE.equals(record.service())) {
            envelope.put("isUpdating", record.updating() ? "True" : "False");
        }
        envelope.putArray("data").add(record.data());
        Optional<URI> endpoint = settings.endpoint();
        if (endpoint.isPresent()) {
            post(endpoint.get(), key, envelope.deepCopy().put("session", settings.sessionToken()));
        }
        ObjectNode line = JSON.createObjectNode().put("key", key);
        line.setAll(envelope);
        append(now, line);
    }

    private void post(URI endpoint, String key, ObjectNode body) throws Failed {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Failed("endpoint unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
        if (answer.statusCode() / 100 != 2) {
            throw new Failed("endpoint answered HTTP " + answer.statusCode());
        }
        // The platform answers 200 with error_code "00" (or 0) on success and another code on a refusal.
        String code = errorCode(answer.body());
        if (code != null && !code.matches("0+")) {
            throw new Failed("endpoint refused the record: error_code " + code);
        }
    }

    private static String errorCode(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.has("error_code") ? n.get("error_code").asText() : null;
        } catch (IOException e) {
            return null; // not JSON: the HTTP status said it all
        }
    }

    /**
     * Forces every line appended since the last call to disk. One force per round rather than per record: a backlog
     * after an outage drained at about 250 records a second when each line waited for its own.
     */
    synchronized void forceWritten() throws IOException {
        for (Path file : unforced) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(false);
            }
        }
        unforced.clear();
    }

    private synchronized void append(Instant now, ObjectNode line) throws IOException {
        createPrivately(settings.directory());
        Path file = settings.directory().resolve(now.atZone(PortalFormats.VIETNAM).toLocalDate() + ".jsonl");
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
        }
        unforced.add(file);
    }

    /**
     * The records carry the applicants' names, phone numbers and citizen IDs (the portal needs them): the directory is
     * made readable by the server's user only, like the keystore passphrase.
     */
    private static void createPrivately(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made meanwhile (another worker of this data directory)
        }
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
