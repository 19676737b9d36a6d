package org.motcua.server.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.EnrolmentFile;
import org.motcua.protocol.doc.EnrolmentRequest;
import org.motcua.protocol.doc.EnrolmentResponse;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.protocol.enrol.Macs;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.Csrs;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.protocol.usb.UsbLayout;
import org.motcua.protocol.usb.UsbZipReader;
import org.motcua.server.SyncServerMain;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.UsbExports;

/**
 * The admin CLI against one data directory, as an operator uses it: a code printed once, an offline enrolment by file,
 * the device list, USB imports (twice, and a bad file), revocation.
 */
class AdminCliTest {

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
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anOperatorsDay() throws Exception {
        String unit = "000.17.22.H56";
        Run code = run("enrolment-code", "--unit", unit, "--unit-name", "Xã Hòa Bình", "--hours", "2");
        assertEquals(0, code.exit(), code.err());
        Matcher m = Pattern.compile("([0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){8})").matcher(code.out());
        assertTrue(m.find(), code.out());
        EnrolmentCode printed = EnrolmentCode.parse(m.group(1));
        Matcher fp = Pattern.compile("CA fingerprint: ((?:[0-9A-F]{4} ){15}[0-9A-F]{4})").matcher(code.out());
        assertTrue(fp.find(), code.out());
        assertSecretNotStored(printed);

        // Offline enrolment by file (§11).
        String deviceId = UUID.randomUUID().toString();
        KeyPair keys = DeviceKeys.generate();
        byte[] request = new EnrolmentRequest(printed.codeId(), Csrs.create(keys, deviceId), new EnrolmentRequest.DeviceFacts("0.1.0",
                "pc-offline", TestDevice.CREATED_AT, "Windows", "10", Optional.of(3)), deviceId, new byte[16], TestDevice.CREATED_AT)
                .canonical();
        Path requestFile = dir.resolve("motcua-enrol-" + printed.codeId() + ".json");
        Files.write(requestFile, new EnrolmentFile(Macs.hmacSha256(printed.macKey(), request), request).canonical());
        Path outDir = dir.resolve("answers");
        Run enrol = run("enrol-file", requestFile.toString(), "--out", outDir.toString());
        assertEquals(0, enrol.exit(), enrol.err());
        EnrolmentFile answer = Docs.parse(Files.readAllBytes(outDir.resolve("motcua-enrol-" + printed.codeId() + "-response.json")),
                EnrolmentFile::read);
        assertTrue(Macs.equal(answer.mac(), Macs.hmacSha256(printed.macKey(), answer.message())));
        EnrolmentResponse response = Docs.parse(answer.message(), EnrolmentResponse::read);
        assertEquals(3, response.deviceNumber());
        assertEquals(Sha256.hex(request), response.requestSha256());
        assertEquals(fp.group(1), Certificates.fingerprint(Certificates.parse(response.caCertificate())));
        Run again = run("enrol-file", requestFile.toString(), "--out", outDir.toString());
        assertEquals(0, again.exit(), "an offline enrolment answered twice gives the same answer: " + again.err());

        Run devices = run("devices");
        assertEquals(0, devices.exit());
        assertTrue(devices.out().contains(deviceId) && devices.out().contains(unit) && devices.out().contains("active")
                && devices.out().contains("never"), devices.out());

        // USB import twice, then a broken file.
        TestDevice device = TestDevice.offline(deviceId, unit, keys, Certificates.parse(response.deviceCertificate()), 3);
        Chain chain = new Chain(deviceId);
        var batch = device.batch(chain, device.receptionWithAction(chain, null, 1));
        Path export = UsbExports.write(dir, "motcua-up-" + unit + "-d3-20250531-0d8f6c2e.zip",
                UsbExports.entries(device, chain.epoch, 1, List.of(batch), List.of(), Optional.empty(), Map.of()));
        Path replies = dir.resolve("replies");
        Run first = run("usb-import", export.toString(), "--reply-dir", replies.toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("1 of 1 batch(es) committed"), first.out());
        Run second = run("usb-import", export.toString(), "--reply-dir", replies.toString());
        assertEquals(0, second.exit());
        List<Path> replyFiles;
        try (Stream<Path> s = Files.list(replies)) {
            replyFiles = s.sorted().toList();
        }
        assertEquals(2, replyFiles.size());
        assertArrayEquals(entry(replyFiles.get(0), UsbLayout.receipt(batch.batchId())), entry(replyFiles.get(1),
                UsbLayout.receipt(batch.batchId())));
        assertTrue(replyFiles.get(0).getFileName().toString().startsWith("motcua-down-" + unit + "-d3-"));

        Path junk = dir.resolve("junk.zip");
        Files.write(junk, "not a zip at all".getBytes(StandardCharsets.US_ASCII));
        Run bad = run("usb-import", junk.toString(), "--reply-dir", replies.toString());
        assertEquals(2, bad.exit(), bad.out());
        assertTrue(bad.out().contains("usb-file-invalid"), bad.out());

        Run revoke = run("revoke", deviceId);
        assertEquals(0, revoke.exit(), revoke.err());
        assertTrue(run("devices").out().contains("revoked"));
        Run revoked = run("usb-import", export.toString(), "--reply-dir", replies.toString());
        assertEquals(1, revoked.exit(), revoked.out());
        assertTrue(revoked.out().contains("device-revoked"), revoked.out());
        assertEquals(1, run("revoke", deviceId).exit(), "revoking twice says so");

        // Every one of those admin actions is in the audit log, as the command line's, oldest last.
        try (var services = org.motcua.server.ServerServices.open(org.motcua.server.ServerConfig.embedded(dir.resolve("server")))) {
            List<org.motcua.server.audit.AuditLog.Entry> log = org.motcua.server.audit.AuditLog.recent(services.db, 20, null);
            assertEquals(List.of("usb.import", "device.revoke", "usb.import", "usb.import", "usb.import", "device.enrol-file",
                    "enrolment-code.create"), log.stream().map(org.motcua.server.audit.AuditLog.Entry::action).toList());
            assertTrue(log.stream().allMatch(e -> e.channel().equals("cli")));
            assertEquals(deviceId, log.get(1).target());
            assertTrue(log.get(0).detail().contains("device-revoked"), log.get(0).detail());
            assertTrue(log.get(2).detail().contains("junk.zip") && log.get(2).detail().contains("usb-file-invalid"), log.get(2).detail());
            assertTrue(log.get(5).detail().contains("number=3"), log.get(5).detail());
        }
    }

    @Test
    void aCodeForAnUnknownUnitNeedsItsName() {
        Run r = run("enrolment-code", "--unit", "000.17.22.H57");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("--unit-name"), r.err());
        assertFalse(r.out().contains("CA fingerprint"));
    }

    /** The code's secret is nowhere in the database: only codeId and the derived MAC key are. */
    private void assertSecretNotStored(EnrolmentCode code) throws Exception {
        String secret = code.grouped().replace("-", "").substring(8);
        try (var services = org.motcua.server.ServerServices.open(org.motcua.server.ServerConfig.embedded(dir.resolve("server")))) {
            for (String table : List.of("enrolment_codes", "units")) {
                try (var c = services.db.connection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            String text = v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v);
                            assertFalse(text.contains(secret), table + " holds the code's secret");
                        }
                    }
                }
            }
        }
    }

    private static byte[] entry(Path zip, String name) throws Exception {
        try (UsbZipReader r = UsbZipReader.open(zip, UsbLayout.REPLY, new UsbZipReader.Caps(1L << 31, 1 << 22, 16_384, 1 << 20,
                1 << 25, 100))) {
            return r.read(name);
        }
    }
}
