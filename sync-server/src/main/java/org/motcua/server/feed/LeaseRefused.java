package org.motcua.server.feed;

import java.util.List;

/**
 * A number lease the admin asked for cannot be given; nothing was stored. The reason is a key of the web pages' bundle
 * ({@code lease.refused.*}) with its arguments: the CLI says it in English ({@link #getMessage}), the page in Vietnamese.
 */
public final class LeaseRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<String> args;

    /** {@code args} as text (a message format would group 9000 as 9,000). */
    LeaseRefused(String key, Object... args) {
        super(EnglishWords.get("lease.refused." + key, strings(args).toArray()));
        this.key = "lease.refused." + key;
        this.args = strings(args);
    }

    private static List<String> strings(Object[] args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }

    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }
}
