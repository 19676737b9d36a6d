package org.motcua.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the server in this JVM writes to its logs while a test runs: the server logs through slf4j-simple to
 * {@code System.err} (looked up at every line) and prints its own failures there, Jetty likewise, so teeing both
 * standard streams captures every log line. {@link #leaks} then names what must never be in a log.
 */
public final class LogCapture implements AutoCloseable {

    /**
     * A citizen ID (CCCD) is 12 digits: any run of exactly 12 digits in a log is treated as one, unless it is part of a
     * longer word (the last group of a uuid, a hex hash).
     */
    private static final Pattern CCCD = Pattern.compile("(?<![0-9A-Za-z-])[0-9]{12}(?![0-9A-Za-z])");

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture() {
        System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * The lines that show a CCCD-like number or any of {@code secrets} (passwords, tokens, codes), each with what it
     * showed; {@code allowedLine} marks lines the test itself printed (a seed, say).
     */
    public List<String> leaks(List<String> secrets, java.util.function.Predicate<String> allowedLine) {
        List<String> out = new ArrayList<>();
        for (String line : text().split("\n")) {
            if (allowedLine.test(line)) {
                continue;
            }
            Matcher m = CCCD.matcher(line);
            if (m.find()) {
                out.add("a 12-digit number (" + m.group() + "): " + shorten(line));
            }
            for (String s : secrets) {
                if (s != null && s.length() >= 6 && line.contains(s)) {
                    out.add("a secret (" + s.substring(0, 3) + "…): " + shorten(line));
                }
            }
        }
        return out;
    }

    private static String shorten(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private final class Tee extends OutputStream {
        private final PrintStream original;

        Tee(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            original.write(b);
            synchronized (captured) {
                captured.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            synchronized (captured) {
                captured.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
