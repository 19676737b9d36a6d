package org.motcua.server.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** §6.1 rules beyond the conformance cases: numbers, quarantine, re-enrolment, throttling, bad requests. */
class EnrolmentRulesTest {

    @TempDir
    Path data;

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Backend.H2, data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http.Answer enrolNew(TestDevice sameUnit, Optional<Integer> provisional) {
        EnrolmentCode code = sameUnit.newCode(null);
        return sameUnit.sendEnrolment(requestFor(java.util.UUID.randomUUID().toString(), code, DeviceKeys.generate(), provisional), code);
    }

    private static byte[] requestFor(String deviceId, EnrolmentCode code, KeyPair keys, Optional<Integer> provisional) {
        return new org.motcua.protocol.doc.EnrolmentRequest(code.codeId(), org.motcua.protocol.pki.Csrs.create(keys, deviceId),
                new org.motcua.protocol.doc.EnrolmentRequest.DeviceFacts("0.1.0", "pc", TestDevice.CREATED_AT, "Linux", "6",
                        provisional), deviceId, new byte[16], TestDevice.CREATED_AT).canonical();
    }

    @Test
    void numbersAreTheProvisionalOneWhenFreeThenTheLowestUntilTheUnitIsFull() {
        TestDevice first = TestDevice.enrol(server);
        assertEquals(1, first.deviceNumber);
        Http.Answer seven = enrolNew(first, Optional.of(7));
        assertEquals(201, seven.status(), seven.text());
        assertTrue(seven.text().contains("\"deviceNumber\":7"));
        Http.Answer taken = enrolNew(first, Optional.of(7));
        assertTrue(taken.text().contains("\"deviceNumber\":2"), "7 is held: the lowest free number");
        for (int i = 0; i < 6; i++) {
            assertEquals(201, enrolNew(first, Optional.empty()).status());
        }
        DbSnapshot before = DbSnapshot.of(server.services.db, List.of("devices", "device_certificates"));
        Http.Answer full = enrolNew(first, Optional.empty());
        assertEquals(409, full.status());
        assertEquals("unit-full", full.problem());
        assertEquals(before, DbSnapshot.of(server.services.db, List.of("devices", "device_certificates")));
    }

    @Test
    void aRevokedDevicesNumberIsQuarantinedForSevenDays() throws Exception {
        TestDevice first = TestDevice.enrol(server);
        assertTrue(server.admin().revoke(first.deviceId));
        Http.Answer next = enrolNew(first, Optional.of(1));
        assertTrue(next.text().contains("\"deviceNumber\":2"), next.text());
        Tx.durable(server.services.db, c -> Sql.update(c, "UPDATE devices SET revoked_at = ? WHERE device_id = ?",
                java.time.Instant.now().minus(java.time.Duration.ofDays(8)), first.deviceId));
        Http.Answer later = enrolNew(first, Optional.of(1));
        assertTrue(later.text().contains("\"deviceNumber\":1"), later.text());
    }

    @Test
    void reEnrolmentKeepsNumberAndEpochsWithANewKey() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        Chain chain = new Chain(d.deviceId);
        assertEquals(200, d.send(d.batch(chain, d.receptionWithAction(chain, null, 1))).status());
        assertTrue(server.admin().revoke(d.deviceId));
        EnrolmentCode code = d.newCode(d.deviceId);
        KeyPair newKeys = DeviceKeys.generate();
        Http.Answer a = d.sendEnrolment(requestFor(d.deviceId, code, newKeys, Optional.empty()), code);
        assertEquals(201, a.status(), a.text());
        String oldSerial = d.certificate.getSerialNumber().toString(16);
        d.keys = newKeys;
        d.accept(a, code);
        assertEquals(1, d.deviceNumber);
        assertNotEquals(oldSerial, d.certificate.getSerialNumber().toString(16));
        String state = d.state().text();
        assertTrue(state.contains("\"ackedSeq\":2") && state.contains("\"currentEpoch\":\"" + chain.epoch + "\""), state);
        assertEquals(200, d.send(d.batch(chain, List.of(d.receptionWithAction(chain, null, 2).get(0)))).status(),
                "the chain continues under the new key");
    }

    @Test
    void aReenrolmentCodeIsBoundToItsDevice() {
        TestDevice d = TestDevice.enrol(server);
        EnrolmentCode code = d.newCode(d.deviceId);
        Http.Answer a = d.sendEnrolment(requestFor(java.util.UUID.randomUUID().toString(), code, DeviceKeys.generate(),
                Optional.empty()), code);
        assertEquals(403, a.status());
        assertEquals("enrolment-code-mismatch", a.problem());
    }

    @Test
    void aNewCodeForATakenDeviceIdIsRefused() {
        TestDevice d = TestDevice.enrol(server);
        EnrolmentCode code = d.newCode(null);
        Http.Answer a = d.sendEnrolment(requestFor(d.deviceId, code, DeviceKeys.generate(), Optional.empty()), code);
        assertEquals(409, a.status());
        assertEquals("device-id-taken", a.problem());
    }

    @Test
    void tenWrongMacsAnHourThrottleTheCodeWithoutBurningIt() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        EnrolmentCode code = d.newCode(null);
        byte[] request = requestFor(java.util.UUID.randomUUID().toString(), code, DeviceKeys.generate(), Optional.empty());
        Map<String, String> wrong = Map.of("Content-Type", "application/json", "MotCua-Enrolment-Mac", B64u.encode(new byte[32]));
        for (int i = 0; i < 10; i++) {
            assertEquals("enrolment-code-invalid", Http.send("POST", server.url("/api/v1/enrolments"), wrong, request).problem());
        }
        Http.Answer throttled = d.sendEnrolment(request, code);
        assertEquals(429, throttled.status());
        assertEquals("rate-limited", throttled.problem());
        assertTrue(Long.parseLong(throttled.header("Retry-After")) > 3000);
        Tx.durable(server.services.db, c -> Sql.update(c, "UPDATE enrolment_codes SET mac_failures_since = ? WHERE code_id = ?",
                java.time.Instant.now().minus(java.time.Duration.ofMinutes(61)), code.codeId()));
        assertEquals(201, d.sendEnrolment(request, code).status(), "after the hour the code still works");
    }

    @Test
    void badCsrAndBadJsonAreRefusedPrecisely() {
        TestDevice d = TestDevice.enrol(server);
        EnrolmentCode code = d.newCode(null);
        String deviceId = java.util.UUID.randomUUID().toString();
        byte[] bad = new org.motcua.protocol.doc.EnrolmentRequest(code.codeId(), "not a csr".getBytes(StandardCharsets.US_ASCII),
                new org.motcua.protocol.doc.EnrolmentRequest.DeviceFacts("0.1.0", "pc", TestDevice.CREATED_AT, "Linux", "6",
                        Optional.empty()), deviceId, new byte[16], TestDevice.CREATED_AT).canonical();
        assertEquals("csr-invalid", d.sendEnrolment(bad, code).problem());
        assertEquals("json-invalid", d.sendEnrolment("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), code).problem());
        Http.Answer schema = d.sendEnrolment("{\"kind\":\"enrolmentRequest\",\"protocol\":1}".getBytes(StandardCharsets.UTF_8), code);
        assertEquals("schema-invalid", schema.problem());
        assertTrue(schema.problemDocument().extensions().get("errors").size() > 3);
        assertEquals(201, d.sendEnrolment(requestFor(deviceId, code, DeviceKeys.generate(), Optional.empty()), code).status(),
                "none of them used the code");
    }
}
