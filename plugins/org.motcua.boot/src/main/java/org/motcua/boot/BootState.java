package org.motcua.boot;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Which version of the product an installation runs, as kept in {@code update/boot.properties}: the boot reads it
 * before every start, the desk writes it when it stages an update, confirms a start or asks to roll back.
 *
 * <p>A slot is a version string, or {@link #ORIGINAL} for the configuration the product zip came with. A version that
 * has been started but not yet confirmed by the desk counts its {@code tries}; {@link #refused} lists versions rolled
 * back, which the desk never installs again. The file is a plain properties file, so a boot from an older zip reads
 * what a newer desk wrote: new keys are ignored.
 */
public final class BootState {

    /** The slot of the configuration the product zip came with. */
    public static final String ORIGINAL = "original";
    /** Unconfirmed starts of a version after which the boot goes back to the previous one. */
    public static final int MAX_TRIES = 2;
    /** Why a version was refused, first word of the reason: a downloaded file did not match the signed list twice. */
    public static final String REFUSED_MISMATCH = "mismatch";
    /** Why a version was refused: a file it lists is installed already with other content. */
    public static final String REFUSED_CONFLICT = "conflict";

    private String current = ORIGINAL;
    private String previous;
    private String pending;
    private int tries;
    private boolean confirmed = true;
    private final Set<String> refused = new LinkedHashSet<>();
    private String lastEvent;

    public String current() {
        return current;
    }

    public Optional<String> previous() {
        return Optional.ofNullable(previous);
    }

    public Optional<String> pending() {
        return Optional.ofNullable(pending);
    }

    public int tries() {
        return tries;
    }

    public boolean confirmed() {
        return confirmed;
    }

    public Set<String> refused() {
        return Set.copyOf(refused);
    }

    /**
     * What last happened without the officer asking, for the desk to tell them; empty when nothing. Words separated by
     * spaces: {@code rolled-back <version> <back-to>} or {@code refused <version> <reason> <path>}.
     */
    public Optional<String> lastEvent() {
        return Optional.ofNullable(lastEvent);
    }

    /**
     * The boot's decision before a start: switch to a pending version, or go back to the previous one when the current
     * one has failed to confirm {@link #MAX_TRIES} starts; then count this start if it is unconfirmed. Returns what
     * happened, for the boot's log.
     */
    public List<String> beforeStart() {
        List<String> events = new ArrayList<>();
        if (pending != null && !pending.equals(current)) {
            events.add("switching from " + current + " to " + pending);
            // A version the officer rolled back from is no way back itself.
            previous = refused.contains(current) ? null : current;
            current = pending;
            confirmed = false;
            tries = 0;
        }
        pending = null;
        if (!confirmed && tries >= MAX_TRIES && previous != null) {
            lastEvent = "rolled-back " + current + " " + previous;
            events.add("version " + current + " did not start " + tries + " times: back to " + previous);
            refused.add(current);
            current = previous;
            previous = null;
            confirmed = true;
            tries = 0;
        }
        if (!confirmed) {
            tries++;
            events.add("starting unconfirmed version " + current + ", try " + tries);
        }
        return events;
    }

    /** The desk is up: the running version is good; the previous one stays for a rollback from the settings. */
    public void confirm() {
        confirmed = true;
        tries = 0;
    }

    /**
     * The officer closed the login window of an unconfirmed version: that start proved nothing either way, so it does
     * not count towards going back.
     */
    public void abandon() {
        if (!confirmed && tries > 0) {
            tries--;
        }
    }

    /** A staged version starts at the next start. */
    public void stage(String version) {
        pending = version;
    }

    /** The officer's rollback: the previous version starts next time, and the current one is never installed again. */
    public boolean requestRollback() {
        if (previous == null) {
            return false;
        }
        if (!ORIGINAL.equals(current)) {
            refused.add(current);
        }
        pending = previous;
        return true;
    }

    /**
     * The desk will not install {@code version}: a file of it did not match the province's signed list
     * ({@code reason} is {@link #REFUSED_MISMATCH} or {@link #REFUSED_CONFLICT} and the file's path).
     */
    public void refuse(String version, String reason) {
        refused.add(version);
        if (version.equals(pending)) {
            pending = null;
        }
        lastEvent = "refused " + version + " " + reason;
    }

    /** Forgets the last event once the desk has shown it. */
    public void clearLastEvent() {
        lastEvent = null;
    }

    // --- the file --------------------------------------------------------------------------------------------

    public static Path file(Path installDir) {
        return installDir.resolve("update").resolve("boot.properties");
    }

    /** The state of this installation; a fresh one (the zip's configuration, confirmed) when there is no file yet. */
    public static BootState load(Path installDir) throws IOException {
        BootState s = new BootState();
        String text;
        try {
            text = Files.readString(file(installDir), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return s;
        }
        Properties p = new Properties();
        p.load(new StringReader(text));
        s.current = p.getProperty("current", ORIGINAL);
        s.previous = p.getProperty("previous");
        s.pending = p.getProperty("pending");
        s.tries = Integer.parseInt(p.getProperty("tries", "0"));
        s.confirmed = Boolean.parseBoolean(p.getProperty("confirmed", "true"));
        for (String v : p.getProperty("refused", "").split(",")) {
            if (!v.isBlank()) {
                s.refused.add(v.trim());
            }
        }
        s.lastEvent = p.getProperty("lastEvent");
        return s;
    }

    /** Writes the state durably and atomically: a temporary file forced to disk, then renamed over the old one. */
    public void save(Path installDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("current", current);
        if (previous != null) {
            p.setProperty("previous", previous);
        }
        if (pending != null) {
            p.setProperty("pending", pending);
        }
        p.setProperty("tries", Integer.toString(tries));
        p.setProperty("confirmed", Boolean.toString(confirmed));
        p.setProperty("refused", String.join(",", refused));
        if (lastEvent != null) {
            p.setProperty("lastEvent", lastEvent);
        }
        StringWriter w = new StringWriter();
        p.store(w, "MotCua: which product version this installation starts (written by the boot and the desk)");
        writeDurably(file(installDir), w.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void writeDurably(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.getParent());
    }

    /** Forces a directory's entries (a rename) to disk where the platform allows it (not on Windows). */
    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }
}
