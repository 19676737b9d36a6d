package org.motcua.server.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a new password for an account command: typed twice without echo at a terminal, else the first line of standard
 * input ({@code printf '%s\n' "$PW" | … account-create …}). Never from an argument, which other users see in the
 * process list and the shell keeps in its history.
 */
final class PasswordInput {

    private PasswordInput() {
    }

    /**
     * Java 22 and later return a console even when standard input is a pipe; {@code Console.isTerminal()} (22+) tells.
     * The server is built for Java 21, where a console exists only at a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static char[] read(String forWhom) {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            char[] first = console.readPassword("New password for %s: ", forWhom);
            char[] second = console.readPassword("Repeat it: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            Arrays.fill(second, ' ');
            return first;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password on standard input (give it as its first line)");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
    }
}
