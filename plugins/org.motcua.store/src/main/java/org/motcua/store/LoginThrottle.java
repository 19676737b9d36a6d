package org.motcua.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per name BEFORE the database is open, so the lockout of {@link OfficerAccounts} also
 * holds for a wrong password, which fails at the key slot and never reaches the store. Callers ask
 * {@link #lockedUntil} before any Argon2 work; after {@link OfficerAccounts#MAX_FAILED} failures in a row a name
 * is locked for {@link OfficerAccounts#LOCKOUT}; a success clears the name's count.
 *
 * <p>The counts live in a small clear-text file beside the key slots ({@code <base>.logins}), not in the encrypted
 * database, because the database cannot be opened without the right password. That is acceptable: the file holds
 * only names (already readable in the key slots file), counts and times, no secret. Someone who can edit it can
 * also copy the key slots and guess passwords offline through Argon2id, which this throttle never claimed to stop;
 * it stops guessing at the desk's login screen. The file is replaced atomically and forced to disk, so a killed
 * process keeps the count. A damaged file is started afresh and that fact is audited.
 *
 * <p>Failures happen while the audit log is locked away, so they are remembered here and written to the store's
 * audit log at the next successful login ({@link #succeeded}).
 */
public final class LoginThrottle {

    static final String FILE_SUFFIX = ".logins";
    /** Keeps the file small when a stranger types many names: older unreported failures are counted, not listed. */
    private static final int MAX_UNREPORTED = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private LoginThrottle(Path file) {
        this.file = file;
    }

    /** The throttle file of the database at {@code baseName}. */
    public static LoginThrottle of(Path baseName) {
        return new LoginThrottle(baseName.resolveSibling(baseName.getFileName() + FILE_SUFFIX));
    }

    public Path file() {
        return file;
    }

    /** When {@code name} is locked at {@code now}, until when. */
    public synchronized Optional<LocalDateTime> lockedUntil(String name, LocalDateTime now) {
        JsonNode entry = read().path("names").path(name);
        LocalDateTime until = time(entry.path("lockedUntil"));
        return until != null && now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Counts a failed attempt of {@code name}.
     *
     * @return {@link OfficerAccounts.Login.Refused} with the attempts left, or {@link OfficerAccounts.Login.Locked}
     *         when this failure (or an earlier one) locked the name
     */
    public synchronized OfficerAccounts.Login failed(String name, LocalDateTime now) {
        ObjectNode root = read();
        ObjectNode entry = names(root).has(name) ? (ObjectNode) names(root).get(name) : names(root).putObject(name);
        LocalDateTime until = time(entry.path("lockedUntil"));
        if (until != null && now.isBefore(until)) {
            return new OfficerAccounts.Login.Locked(until);
        }
        int failures = entry.path("failures").asInt(0) + 1;
        note(root, name, now, "LOGIN_FAILED", "attempt " + failures + " at the key slot");
        OfficerAccounts.Login outcome;
        if (failures >= OfficerAccounts.MAX_FAILED) {
            until = now.plus(OfficerAccounts.LOCKOUT);
            entry.put("failures", 0);
            entry.put("lockedUntil", until.toString());
            note(root, name, now, "LOGIN_LOCKED", "after " + failures + " failures, until " + until);
            outcome = new OfficerAccounts.Login.Locked(until);
        } else {
            entry.put("failures", failures);
            entry.remove("lockedUntil");
            outcome = new OfficerAccounts.Login.Refused(OfficerAccounts.MAX_FAILED - failures);
        }
        write(root);
        return outcome;
    }

    /**
     * {@code name} logged in: its count is cleared, and every failure noted while the store was closed (of any
     * name) goes to {@code store}'s audit log. The audit is written first: a crash in between repeats entries
     * rather than losing them.
     */
    public synchronized void succeeded(String name, Store store, LocalDateTime now) {
        ObjectNode root = read();
        ArrayNode pending = unreported(root);
        int dropped = root.path("dropped").asInt(0);
        if (!pending.isEmpty() || dropped > 0) {
            store.write(c -> {
                for (JsonNode e : pending) {
                    store.audit.append(c, now, e.path("name").asText(), e.path("action").asText(), e.path("name").asText(),
                            "before the store opened, at " + e.path("at").asText() + ": " + e.path("detail").asText());
                }
                if (dropped > 0) {
                    store.audit.append(c, now, name, "LOGIN_FAILED", "-", dropped + " older failures not listed");
                }
                return null;
            });
        }
        root.putArray("unreported");
        root.remove("dropped");
        names(root).remove(name);
        forgetExpired(root, now);
        write(root);
    }

    /** An admin unlocked {@code name} or gave it a new password: its count and lock are gone. */
    public synchronized void clear(String name) {
        ObjectNode root = read();
        if (names(root).remove(name) != null) {
            write(root);
        }
    }

    private static ObjectNode names(ObjectNode root) {
        return root.has("names") ? (ObjectNode) root.get("names") : root.putObject("names");
    }

    private static ArrayNode unreported(ObjectNode root) {
        return root.has("unreported") ? (ArrayNode) root.get("unreported") : root.putArray("unreported");
    }

    private static void note(ObjectNode root, String name, LocalDateTime at, String action, String detail) {
        ArrayNode pending = unreported(root);
        if (pending.size() >= MAX_UNREPORTED) {
            pending.remove(0);
            root.put("dropped", root.path("dropped").asInt(0) + 1);
        }
        pending.addObject().put("name", name).put("at", at.toString()).put("action", action).put("detail", detail);
    }

    /** Names with no failures left and no running lock need no line in the file. */
    private static void forgetExpired(ObjectNode root, LocalDateTime now) {
        for (Iterator<Map.Entry<String, JsonNode>> it = names(root).fields(); it.hasNext();) {
            JsonNode entry = it.next().getValue();
            LocalDateTime until = time(entry.path("lockedUntil"));
            if (entry.path("failures").asInt(0) == 0 && (until == null || !now.isBefore(until))) {
                it.remove();
            }
        }
    }

    private static LocalDateTime time(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return LocalDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The file, or a fresh start when it is missing or damaged; a damaged file is noted for the audit log. */
    private ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root instanceof ObjectNode o && (!o.has("names") || o.get("names").isObject())
                    && (!o.has("unreported") || o.get("unreported").isArray())) {
                return o;
            }
        } catch (IOException e) {
            // damaged: handled below like any other unreadable content
        }
        ObjectNode fresh = JSON.createObjectNode();
        note(fresh, "-", LocalDateTime.now().withNano(0), "LOGIN_THROTTLE_RESET", "the file " + file.getFileName()
                + " was damaged and started afresh");
        return fresh;
    }

    /** Replaces the file atomically and durably, so a killed process leaves the old or the new counts. */
    private void write(ObjectNode root) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.OTHER, "cannot write the login throttle file " + file, e);
        }
    }
}
