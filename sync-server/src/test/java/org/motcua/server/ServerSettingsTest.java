package org.motcua.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.ServerSettings.Key;
import org.motcua.server.ServerSettings.Source;
import org.motcua.server.admin.DatabaseOptions;

/** Settings come from the command line, then the environment, then the --config file, then the defaults. */
class ServerSettingsTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("motcua-server.properties");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theCommandLineBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws Exception {
        Path f = file("""
                # a province's file
                http.port = 1111
                tls.port = 2222
                jdbc.url = jdbc:postgresql://file-db/motcua
                jdbc.user = tu_tep
                export.endpoint = https://lgsp.example.invalid/dvcqg
                """);
        Map<String, String> env = Map.of("MOTCUA_PORT", "3333", "MOTCUA_JDBC_URL", "jdbc:postgresql://env-db/motcua",
                "MOTCUA_HOME", "/ignored");
        Map<Key, String> cli = new EnumMap<>(Key.class);
        cli.put(Key.HTTP_PORT, "4444");
        cli.put(Key.TLS_HOST, null);
        ServerSettings s = ServerSettings.load(cli, env, null, f);
        assertEquals(4444, s.integer(Key.HTTP_PORT, 8080));
        assertEquals(Source.COMMAND_LINE, s.source(Key.HTTP_PORT));
        assertEquals("jdbc:postgresql://env-db/motcua", s.get(Key.JDBC_URL).orElseThrow());
        assertEquals(Source.ENVIRONMENT, s.source(Key.JDBC_URL));
        assertEquals(2222, s.integer(Key.TLS_PORT, -1));
        assertEquals("tu_tep", s.get(Key.JDBC_USER, "motcua"));
        assertEquals(Source.FILE, s.source(Key.TLS_PORT));
        assertEquals("0.0.0.0", s.get(Key.TLS_HOST, "0.0.0.0"));
        assertEquals(Source.DEFAULT, s.source(Key.TLS_HOST));

        ServerSettings noCli = ServerSettings.load(Map.of(), env, null, f);
        assertEquals(3333, noCli.integer(Key.HTTP_PORT, 8080), "without the option the environment wins over the file");
        assertEquals(1111, ServerSettings.load(Map.of(), Map.of(), null, f).integer(Key.HTTP_PORT, 8080));
        assertEquals(8080, ServerSettings.load(Map.of(), Map.of(), null, null).integer(Key.HTTP_PORT, 8080));
    }

    @Test
    void secretsComeFromTheEnvironmentOrTheFileNeverTheCommandLine() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "phien-bi-mat\n");
        Path f = file("jdbc.url=jdbc:postgresql://db/motcua\njdbc.password=tu-tep\nexport.session-token-file=" + token + "\n");
        DatabaseOptions fromFile = new DatabaseOptions(Map.of());
        fromFile.configFile = f;
        fromFile.jdbcPasswordEnv = "MOTCUA_DB_PASSWORD";
        ServerConfig c = fromFile.config();
        assertEquals("tu-tep", c.jdbcPassword);
        assertEquals("phien-bi-mat", c.exportSessionToken);

        DatabaseOptions fromEnv = new DatabaseOptions(Map.of("PG_PASS", "tu-moi-truong", "MOTCUA_EXPORT_SESSION_TOKEN", "phien-env"));
        fromEnv.configFile = f;
        fromEnv.jdbcPasswordEnv = "PG_PASS";
        ServerConfig e = fromEnv.config();
        assertEquals("tu-moi-truong", e.jdbcPassword, "--jdbc-password-env names the variable");
        assertEquals("phien-env", e.exportSessionToken);

        Map<Key, String> cli = new EnumMap<>(Key.class);
        cli.put(Key.JDBC_PASSWORD, "tren-dong-lenh");
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.load(cli, Map.of(), null, null));
    }

    @Test
    void aMisspeltSettingOrABadNumberStopsTheStartWithItsName() throws Exception {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.load(Map.of(), Map.of(), null, file("jdbc.ulr=jdbc:h2:mem:x\n")));
        assertTrue(typo.getMessage().contains("unknown setting 'jdbc.ulr'"), typo.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.load(Map.of(), Map.of("MOTCUA_TLS_PORT", "tám"), null, null).integer(Key.TLS_PORT, -1));
        assertTrue(number.getMessage().contains("tls.port must be a whole number, not 'tám' (from ENVIRONMENT)"), number.getMessage());
    }

    /** Through the real command line: where an admin command puts its database follows the same precedence. */
    @Test
    void anAdminCommandFindsItsDatabaseByTheSamePrecedence() throws Exception {
        Path fromFile = dir.resolve("tu-tep");
        Path fromEnv = dir.resolve("tu-moi-truong");
        Path fromCli = dir.resolve("tu-dong-lenh");
        Path passphrase = dir.resolve("bi-mat").resolve("keystore.pass");
        Path f = file("data.dir=" + fromFile + "\nkeystore.passphrase-file=" + passphrase + "\n");
        Map<String, String> env = new HashMap<>();

        assertEquals(0, run(env, "import-communes", "examples/communes.csv", "--config", f.toString()));
        assertTrue(Files.exists(fromFile.resolve("motcua-server.mv.db")));
        assertTrue(Files.exists(passphrase), "the passphrase file named in the configuration was made");
        assertFalse(Files.exists(fromFile.resolve("keystore.passphrase")));

        env.put("MOTCUA_DATA_DIR", fromEnv.toString());
        assertEquals(0, run(env, "import-communes", "examples/communes.csv", "--config", f.toString()));
        assertTrue(Files.exists(fromEnv.resolve("motcua-server.mv.db")));

        assertEquals(0, run(env, "import-communes", "examples/communes.csv", "--config", f.toString(), "--data", fromCli.toString()));
        assertTrue(Files.exists(fromCli.resolve("motcua-server.mv.db")));
    }

    /** The dashboard's replica copies the primary's data: with the embedded database there is none, and the start says so. */
    @Test
    void aDashboardReplicaWithoutAPostgresPrimaryStopsTheStart() throws Exception {
        Path f = file("data.dir=" + dir.resolve("h2") + "\ndashboard.jdbc-url=jdbc:postgresql://127.0.0.1:1/motcua\n");
        StringWriter err = new StringWriter();
        var cli = SyncServerMain.commandLine(Map.of());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(1, cli.execute("--config", f.toString(), "--port", "0"));
        assertTrue(err.toString().contains("dashboard.jdbc-url is a replica of the PostgreSQL database of jdbc.url, which is not set"),
                err.toString());
    }

    private static int run(Map<String, String> env, String... args) {
        var cli = SyncServerMain.commandLine(env);
        cli.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        if (code != 0) {
            System.err.println(err);
        }
        return code;
    }
}
