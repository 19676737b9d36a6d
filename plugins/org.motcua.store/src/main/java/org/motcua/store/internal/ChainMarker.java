package org.motcua.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.StrictJson;

/**
 * The marker file of §8.4, kept outside the database (beside it): the device, the current epoch, the chain's last
 * seq and hash and the day counters of dossier numbers. Rewritten after every commit that creates an event or issues
 * a dossier number, so a database restored from an older copy is found behind its marker at the next start. It holds
 * no citizen data and no secret.
 */
public final class ChainMarker {

    /** How many recent days of dossier counters the marker keeps (the server's state keeps 14 as well). */
    static final int DAYS = 14;

    /** The highest dossier number used on one date. */
    public record DayCounter(LocalDate date, int lastNumber) {
    }

    public record Marker(UUID deviceId, UUID epoch, long lastSeq, String lastHash, List<DayCounter> codeCounters) {
        public Marker {
            codeCounters = List.copyOf(codeCounters);
        }
    }

    private ChainMarker() {
    }

    /** The marker file of the database at {@code baseName}. */
    public static Path file(Path baseName) {
        return baseName.resolveSibling(baseName.getFileName() + ".marker.json");
    }

    /** What the marker must say about the database as it is now. */
    public static Marker of(Connection c, UUID deviceId) throws SQLException {
        UUID epoch = EpochTable.current(c);
        OutboxTable.Tail tail = OutboxTable.tail(c, epoch);
        return new Marker(deviceId, epoch, tail.seq(), tail.hash(), dayCounters(c));
    }

    static List<DayCounter> dayCounters(Connection c) throws SQLException {
        List<DayCounter> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT receipt_date, last_sequence FROM day_counter ORDER BY receipt_date DESC LIMIT " + DAYS);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DayCounter(rs.getObject(1, LocalDate.class), rs.getInt(2)));
            }
        }
        return out;
    }

    /**
     * Raises each day's counter to at least {@code counters} (numbers used by a newer copy must not be issued again);
     * returns true when a counter moved.
     */
    public static boolean advanceDayCounters(Connection c, List<DayCounter> counters) throws SQLException {
        boolean moved = false;
        for (DayCounter d : counters) {
            int current = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM day_counter WHERE receipt_date = ?")) {
                Sql.bind(ps, d.date());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        current = rs.getInt(1);
                    }
                }
            }
            if (d.lastNumber() > current) {
                Sql.update(c, "MERGE INTO day_counter (receipt_date, last_sequence) KEY (receipt_date) VALUES (?, ?)",
                        d.date(), d.lastNumber());
                moved = true;
            }
        }
        return moved;
    }

    /**
     * True when the database is behind {@code marker}: it does not know the marker's epoch, or in that epoch, still
     * current, it holds fewer events or another hash at the marker's last seq. A marker of a newer epoch the
     * database already left, or of another device, says nothing.
     */
    public static boolean databaseBehind(Connection c, UUID deviceId, Marker marker) throws SQLException {
        if (!marker.deviceId().equals(deviceId)) {
            return false;
        }
        Optional<EpochTable.Epoch> known = EpochTable.find(c, marker.epoch());
        if (known.isEmpty()) {
            return true;
        }
        if (!known.get().current()) {
            return false;
        }
        OutboxTable.Tail tail = OutboxTable.tail(c, marker.epoch());
        if (tail.seq() < marker.lastSeq()) {
            return true;
        }
        if (marker.lastSeq() == 0) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM outbox WHERE epoch = ? AND seq = ?")) {
            Sql.bind(ps, marker.epoch(), marker.lastSeq());
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() || !rs.getString(1).equals(marker.lastHash());
            }
        }
    }

    /** The marker on disk; empty when there is none or it cannot be read (it is rewritten at the next commit). */
    public static Optional<Marker> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = StrictJson.parse(Files.readAllBytes(file));
            List<DayCounter> counters = new ArrayList<>();
            for (JsonNode d : n.path("codeCounters")) {
                counters.add(new DayCounter(LocalDate.parse(d.path("date").asText()), d.path("lastNumber").asInt()));
            }
            return Optional.of(new Marker(UUID.fromString(n.path("deviceId").asText()),
                    UUID.fromString(n.path("epoch").asText()), n.path("lastSeq").asLong(), n.path("lastHash").asText(),
                    counters));
        } catch (IOException | JsonRejected | RuntimeException e) {
            System.getLogger(ChainMarker.class.getName()).log(System.Logger.Level.WARNING,
                    "the chain marker " + file + " cannot be read and is ignored: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the marker atomically (temporary file, forced, renamed over the old one, directory forced). */
    public static void write(Path file, Marker m) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("deviceId", m.deviceId().toString());
        o.put("epoch", m.epoch().toString());
        o.put("lastSeq", m.lastSeq());
        o.put("lastHash", m.lastHash());
        ArrayNode counters = o.putArray("codeCounters");
        m.codeCounters().forEach(d -> counters.addObject().put("date", d.date().toString()).put("lastNumber", d.lastNumber()));
        byte[] bytes = CanonicalJson.write(o);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(file.toAbsolutePath().getParent());
    }

    /** Makes the rename durable; not every platform can open a directory (Windows cannot), which is then skipped. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // best effort: the file itself was forced before the rename
        }
    }
}
