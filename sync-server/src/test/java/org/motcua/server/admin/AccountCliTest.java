package org.motcua.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.ServerConfig;
import org.motcua.server.ServerServices;
import org.motcua.server.accounts.OfficerLogin;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.SyncServerMain;

/**
 * The account commands as the province admin runs them before the first login: the password on standard input (never
 * an argument), the list, a reset and a disable, each in the audit log as a command-line action.
 */
class AccountCliTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var cli = SyncServerMain.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            List<String> all = new ArrayList<>(List.of(args));
            all.add("--data");
            all.add(dir.resolve("server").toString());
            int exit = cli.execute(all.toArray(String[]::new));
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    private ServerServices open() {
        ServerConfig config = ServerConfig.embedded(dir.resolve("server"));
        return ServerServices.open(config);
    }

    @Test
    void theFirstAdminIsMadeFromTheCommandLine() throws Exception {
        Run created = run("mật-khẩu-quản-trị-1\n", "account-create", "quantri", "--role", "province-admin", "--name", "Nguyễn Văn A");
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().contains("Account quantri (province-admin) created."), created.out());

        Run noUnit = run("mật-khẩu-quản-trị-1\n", "account-create", "canbo", "--role", "commune-officer", "--name", "B");
        assertEquals(1, noUnit.exit());
        assertTrue(noUnit.err().contains("needs --unit"), noUnit.err());
        Run badRole = run("x\n", "account-create", "canbo", "--role", "mayor", "--name", "B");
        assertEquals(1, badRole.exit());
        Run shortPassword = run("ngắn\n", "account-create", "ngan", "--role", "province-leader", "--name", "C");
        assertEquals(1, shortPassword.exit());
        assertTrue(shortPassword.err().contains("12 to 200"), shortPassword.err());
        Run noPassword = run("", "account-create", "trong", "--role", "province-leader", "--name", "D");
        assertEquals(1, noPassword.exit());

        Run list = run("", "account-list");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("quantri") && list.out().contains("province-admin") && list.out().contains("active"), list.out());
        assertFalse(list.out().contains("argon2"), "no hash is printed");

        assertEquals(0, run("mật-khẩu-mới-dài-2\n", "account-reset-password", "quantri").exit());
        try (ServerServices s = open()) {
            assertEquals(OfficerLogin.Outcome.SIGNED_IN, s.officerLogin.attempt("quantri", "mật-khẩu-mới-dài-2".toCharArray(),
                    "127.0.0.1").outcome());
        }
        assertEquals(0, run("", "account-disable", "quantri").exit());
        assertEquals(1, run("", "account-disable", "quantri").exit());
        try (ServerServices s = open()) {
            assertEquals(OfficerLogin.Outcome.WRONG, s.officerLogin.attempt("quantri", "mật-khẩu-mới-dài-2".toCharArray(),
                    "127.0.0.1").outcome());
            List<AuditLog.Entry> log = AuditLog.recent(s.db, 10, null);
            assertEquals(List.of("account.disable", "account.reset-password", "account.create"),
                    log.stream().map(AuditLog.Entry::action).toList());
            assertTrue(log.stream().allMatch(e -> e.channel().equals("cli") && e.actor().equals(System.getProperty("user.name"))));
            assertTrue(log.stream().noneMatch(e -> e.detail().contains("mật-khẩu")));
        }
    }
}
