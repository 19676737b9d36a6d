package org.motcua.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.SyncServerMain;

/** {@code publish-catalogue} and {@code publish-calendar} as an admin runs them: a summary, or the line and reason. */
class PublishCommandsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = SyncServerMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(dir.resolve("server").toString());
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void theExampleFilesArePublishedAndABadOneIsRefusedWithItsLine() throws Exception {
        Run catalogue = run("publish-catalogue", "--valid-days", "30", "examples/catalogue.json");
        assertEquals(0, catalogue.exit(), catalogue.err());
        assertTrue(catalogue.out().contains("14 procedure(s), 14 new or changed, 0 unchanged, 0 withdrawn"), catalogue.out());
        Run again = run("publish-catalogue", "examples/catalogue.json");
        assertTrue(again.out().contains("0 new or changed, 14 unchanged"), again.out());

        Run calendar = run("publish-calendar", "examples/calendar-2027.json");
        assertEquals(0, calendar.exit(), calendar.err());
        assertTrue(calendar.out().contains("published [2027]"), calendar.out());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("examples/calendar-2027.json")).replace("2027-05-01", "2027-5-1"));
        Run refused = run("publish-calendar", bad.toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("line 14: \"2027-5-1\" is not a date YYYY-MM-DD; nothing was published."), refused.err());
    }

    @Test
    void aLeaseForAnUnknownDeviceIsRefusedWithItsReason() {
        Run refused = run("lease-numbers", "--device", "00000000-0000-4000-8000-000000000000", "--from", "2099-01-01",
                "--to", "2099-01-31", "--first", "9000", "--last", "9099");
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(refused.err().contains("lease-numbers: no device 00000000-0000-4000-8000-000000000000 is registered; "
                + "nothing was stored."), refused.err());
    }

    @Test
    void aDecisionOnAnUnknownDossierOrWithABadStatusIsRefused() {
        Run unknown = run("decide", "--dossier", "000.00.99.H99-261130-0001", "--status", "DONE", "--by", "Sở Tư pháp");
        assertEquals(2, unknown.exit(), unknown.out());
        assertTrue(unknown.err().contains("decide: no dossier 000.00.99.H99-261130-0001 has reached the province; "
                + "nothing was stored."), unknown.err());
        Run badStatus = run("decide", "--dossier", "000.00.99.H99-261130-0001", "--status", "RETURNED", "--by", "Sở Tư pháp");
        assertEquals(2, badStatus.exit());
        assertTrue(badStatus.err().contains("not RETURNED"), badStatus.err());
    }

    @Test
    void anUpdateIsPublishedFromTheRepositoryFolderAndAFolderWithoutReleasesIsRefused() throws Exception {
        Path repo = dir.resolve("repository");
        Files.createDirectories(repo);
        Run refused = run("publish-update", repo.toString());
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(refused.err().contains("publish-update: " + repo + " holds no motcua-release/<platform>.json"), refused.err());
        assertTrue(refused.err().contains("; nothing was published."), refused.err());

        org.motcua.server.testing.ReleaseFolder f = new org.motcua.server.testing.ReleaseFolder(repo)
                .file("org.eclipse.osgi_3.23.0.jar", 3000, 1).file("org.motcua.core_0.2.0.jar", 5000, 2);
        f.release("0.2.0.202612010900", "linux.gtk.x86_64", List.of("plugins/org.eclipse.osgi_3.23.0.jar",
                "plugins/org.motcua.core_0.2.0.jar"));
        Run published = run("publish-update", repo.toString());
        assertEquals(0, published.exit(), published.err());
        assertTrue(published.out().contains("Release 0.2.0.202612010900 for linux.gtk.x86_64: 2 file(s), 2 new (8000 bytes "
                + "stored), 0 already stored (0 bytes); published."), published.out());
        Run again = run("publish-update", repo.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("is not newer than the current release, 0.2.0.202612010900 (already published); "
                + "--force publishes it anyway; nothing was published."), again.err());
    }

    @Test
    void theRosterOfAnUnregisteredUnitIsRefused() {
        Run refused = run("publish-roster", "--unit", "000.99.99.H99");
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(refused.err().contains("publish-roster: unit 000.99.99.H99 is not registered; nothing was stored."), refused.err());
    }
}
