package org.motcua.boot;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The product's entry point ({@code java -jar boot/motcua-boot.jar}, what {@code motcua.sh}, {@code motcua.cmd} and
 * {@code MotCua.exe} run): picks the version to start from {@link BootState} (a staged update, or a rollback after
 * {@value BootState#MAX_TRIES} starts the desk did not confirm), then starts Equinox's own launcher from that version's
 * configuration in the same JVM, so choosing costs no second Java start.
 *
 * <p>This class is deliberately outside what an update replaces: the product's root files are never updated, so a
 * broken update cannot break the way back.
 */
public final class Boot {

    private Boot() {
    }

    public static void main(String[] args) throws Exception {
        Installation install = new Installation(installDir());
        Path configuration = choose(install);
        Path launcher = install.launcherJar(configuration).filter(Files::isRegularFile).orElseThrow(() ->
                new IllegalStateException("no Equinox launcher named in " + configuration + "; unzip the product again"));
        System.setProperty(Installation.INSTALL_DIR_PROPERTY, install.dir().toString());
        List<String> equinoxArgs = new ArrayList<>(List.of("-configuration", configuration.toUri().toString()));
        equinoxArgs.addAll(List.of(args));
        URLClassLoader loader = new URLClassLoader(new URL[] {launcher.toUri().toURL()}, Boot.class.getClassLoader());
        try {
            loader.loadClass("org.eclipse.equinox.launcher.Main").getMethod("main", String[].class)
                    .invoke(null, (Object) equinoxArgs.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /**
     * Applies the state's decision for this start, writes it back and returns the configuration to start. A state file
     * that cannot be read or written is logged and the zip's own configuration starts, which always exists.
     */
    static Path choose(Installation install) {
        try {
            BootState state = install.state();
            List<String> events = state.beforeStart();
            Path configuration = install.configuration(state.current());
            if (!Files.isRegularFile(configuration.resolve("config.ini"))) {
                events.add("no configuration for " + state.current() + ": starting the product's own");
                state = new BootState();
                configuration = install.configuration(BootState.ORIGINAL);
            }
            state.save(install.dir());
            log(install, events);
            return configuration;
        } catch (IOException | RuntimeException e) {
            log(install, List.of("the boot state could not be used (" + e + "): starting the product's own configuration"));
            return install.configuration(BootState.ORIGINAL);
        }
    }

    private static void log(Installation install, List<String> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (String e : events) {
            b.append(OffsetDateTime.now()).append(' ').append(e).append('\n');
        }
        Path log = install.dir().resolve("update").resolve("boot.log");
        try {
            Files.createDirectories(log.getParent());
            if (Files.isRegularFile(log) && Files.size(log) > 256 * 1024) {
                Files.move(log, log.resolveSibling("boot.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(log, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.print(b);
        }
    }

    /** The product folder: {@code -Dmotcua.install.dir}, else the parent of the folder this jar is in. */
    static Path installDir() throws URISyntaxException {
        return Optional.ofNullable(System.getProperty(Installation.INSTALL_DIR_PROPERTY)).map(Path::of)
                .orElse(Path.of(Boot.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                        .getParent());
    }
}
