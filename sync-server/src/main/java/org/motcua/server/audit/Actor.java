package org.motcua.server.audit;

/**
 * Who performs an admin action and through what: an officer's account on the web (with the client's address), or the
 * operating-system user running a CLI command on the server's machine.
 */
public record Actor(String name, Channel channel, String address) {

    /** Where an action came from; stored as its lower-case name. */
    public enum Channel {
        CLI, WEB;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
    }

    /** The OS user running an admin command (the CLI has no login of its own: whoever can run it owns the data). */
    public static Actor cli() {
        return new Actor(System.getProperty("user.name", "unknown"), Channel.CLI, null);
    }

    public static Actor web(String username, String address) {
        return new Actor(username, Channel.WEB, address);
    }
}
