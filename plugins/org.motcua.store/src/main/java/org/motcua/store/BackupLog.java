package org.motcua.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The desk's memory of its backups, in a small clear-text file beside the database ({@code desk.backups.json}: times,
 * an outcome, the backup's name; no secret, no citizen data): when the last good backup was made and how the last
 * attempt ended. It is read before any backup disk is plugged in, so the warning and the schedule survive restarts
 * and an unplugged stick.
 */
public final class BackupLog {

    /** Older than this, the last good backup is shown as a warning. */
    public static final Duration STALE = Duration.ofDays(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the last attempt ended: a {@link BackupCheck.Outcome}, or one of these when no backup could be made. */
    public enum Attempt {
        GOOD, DAMAGED, WRONG_KEY, NEWER_SCHEMA, NO_DIRECTORY_CHOSEN, DIRECTORY_MISSING, FAILED
    }

    /**
     * @param since when the desk started backing up (its first start with backups): a desk that never had a good
     *              backup is warned about once it has been watched that long
     */
    public record State(Optional<LocalDateTime> since, Optional<LocalDateTime> lastGood, Optional<String> lastGoodName,
            Optional<LocalDateTime> lastAttempt, Optional<Attempt> lastOutcome, String detail) {

        /** True when the last good backup is older than {@link #STALE}, or there is none after that long. */
        public boolean stale(LocalDateTime now) {
            Optional<LocalDateTime> reference = lastGood.isPresent() ? lastGood : since;
            return reference.map(t -> t.plus(STALE).isBefore(now)).orElse(false);
        }
    }

    private final Path file;

    private BackupLog(Path file) {
        this.file = file;
    }

    public static BackupLog of(Path baseName) {
        return new BackupLog(baseName.resolveSibling(baseName.getFileName() + ".backups.json"));
    }

    static BackupLog of(Store store) {
        return of(BackupMaker.baseName(store));
    }

    public Path file() {
        return file;
    }

    public synchronized State read() {
        if (!Files.isRegularFile(file)) {
            return new State(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "");
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return new State(time(n, "since"), time(n, "lastGood"), text(n, "lastGoodName"), time(n, "lastAttempt"),
                    text(n, "lastOutcome").map(Attempt::valueOf), n.path("detail").asText(""));
        } catch (IOException | RuntimeException e) {
            return new State(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Attempt.FAILED),
                    "the backup log cannot be read: " + e.getMessage());
        }
    }

    /** Notes that the desk backs up from {@code now} on, unless it already did (the start of the 3 days' grace). */
    public synchronized void watchFrom(LocalDateTime now) {
        State s = read();
        if (s.since().isEmpty()) {
            write(now, s.lastAttempt(), s.lastOutcome(), s.detail(), s.lastGood(), s.lastGoodName());
        }
    }

    /** Notes an attempt; a good one becomes the last good backup. */
    public synchronized void record(LocalDateTime at, Attempt outcome, String detail, Optional<String> backupName) {
        State before = read();
        boolean good = outcome == Attempt.GOOD;
        write(before.since().orElse(at), Optional.of(at), Optional.of(outcome), detail,
                good ? Optional.of(at) : before.lastGood(), good ? backupName : before.lastGoodName());
    }

    private void write(LocalDateTime since, Optional<LocalDateTime> attempt, Optional<Attempt> outcome,
            String detail, Optional<LocalDateTime> lastGood, Optional<String> lastGoodName) {
        ObjectNode o = JSON.createObjectNode();
        o.put("since", since.toString());
        lastGood.ifPresent(t -> o.put("lastGood", t.toString()));
        lastGoodName.ifPresent(n -> o.put("lastGoodName", n));
        attempt.ifPresent(t -> o.put("lastAttempt", t.toString()));
        outcome.ifPresent(a -> o.put("lastOutcome", a.name()));
        o.put("detail", detail);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.getLogger(BackupLog.class.getName()).log(System.Logger.Level.WARNING,
                    "the backup log " + file + " could not be written: " + e.getMessage());
        }
    }

    private static Optional<LocalDateTime> time(JsonNode n, String field) {
        return text(n, field).map(LocalDateTime::parse);
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }
}
