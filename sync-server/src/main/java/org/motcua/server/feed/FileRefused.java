package org.motcua.server.feed;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A publication file the admin gave is refused: {@code line} (1-based; 0 when the file as a whole is wrong) and the
 * reason, in words an admin can act on. Nothing was stored. The reason is a message key of the web pages' bundle
 * ({@code web/messages*.properties}, {@code publication.refused.*}) with its arguments, so the web page says it in
 * Vietnamese and the CLI in English, from one list of words.
 */
public final class FileRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** An argument that is itself a message key (what was wrong: "a procedure", "a holiday"), said in the reader's language. */
    public record Word(String key) {
    }

    private final int line;
    private final String key;
    private final transient List<Object> args;

    /** {@code args} are strings or {@link Word}s (numbers as strings: a message format would group 2027 as 2,027). */
    public FileRefused(int line, String key, Object... args) {
        super((line > 0 ? "line " + line + ": " : "") + say(key, Arrays.asList(args), EnglishWords::get));
        this.line = line;
        this.key = key;
        this.args = List.of(args);
    }

    public int line() {
        return line;
    }

    /** The message key of the reason ({@code publication.refused.…}). */
    public String key() {
        return key;
    }

    /** The reason in English (the CLI's words). */
    public String reason() {
        return say(key, args, EnglishWords::get);
    }

    /** The reason in the words {@code words} gives for a key and its (already resolved) arguments. */
    public String reason(BiFunction<String, Object[], String> words) {
        return say(key, args, words);
    }

    private static String say(String key, List<Object> args, BiFunction<String, Object[], String> words) {
        Object[] resolved = args.stream().map(a -> a instanceof Word w ? words.apply(w.key(), new Object[0]) : String.valueOf(a)).toArray();
        return words.apply(key, resolved);
    }
}
