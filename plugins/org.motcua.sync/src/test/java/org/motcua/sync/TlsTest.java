package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.Protocol;
import org.motcua.store.sync.DeviceEnrolments;
import org.motcua.sync.internal.CycleFailure;
import org.motcua.sync.internal.HttpTransport;

/** §12 transport: only the pinned CA is trusted, the host name is checked, plain http only to loopback. */
class TlsTest {

    @TempDir
    Path dir;

    @Test
    void theProvinceOfThePinnedCaIsTrustedOverTls() throws Exception {
        try (FakeProvince province = new FakeProvince(true); TestDesk desk = TestDesk.create(dir, "desk", 1)) {
            assertTrue(province.baseUrl().toString().startsWith("https://"));
            desk.enrol(province);   // includes the bootstrap check of the enrolment connection's chain
            desk.receive();
            SyncStatus s = desk.sync();
            assertEquals(Optional.empty(), s.problem());
            assertEquals(0, s.eventsWaiting());
        }
    }

    @Test
    void aServerWithACertificateOfAnotherCaIsRefused() throws Exception {
        try (FakeProvince ours = new FakeProvince(true); FakeProvince other = new FakeProvince(true)) {
            try (HttpTransport pinned = HttpTransport.pinned(other.baseUrl(), ours.ca.certificate(),
                    HttpTransport.Timeouts.DEFAULT)) {
                IOException e = assertThrows(IOException.class, () -> pinned.http().exchange("GET",
                        Protocol.BASE_PATH + "/health", Map.of(), null, null, null));
                assertEquals(SyncProblem.TLS_UNTRUSTED, CycleFailure.io(e).problem());
            }
            try (HttpTransport pinned = HttpTransport.pinned(ours.baseUrl(), ours.ca.certificate(),
                    HttpTransport.Timeouts.DEFAULT)) {
                assertEquals(200, pinned.http().exchange("GET", Protocol.BASE_PATH + "/health", Map.of(), null, null, null)
                        .status());
            }
        }
    }

    @Test
    void theHostNameMustBeInTheCertificate() throws Exception {
        // the certificate names only "sync.example.invalid"; the desk reaches the server as 127.0.0.1
        try (FakeProvince province = new FakeProvince(true, false, java.util.List.of("sync.example.invalid"))) {
            try (HttpTransport pinned = HttpTransport.pinned(province.baseUrl(), province.ca.certificate(),
                    HttpTransport.Timeouts.DEFAULT)) {
                IOException e = assertThrows(IOException.class, () -> pinned.http().exchange("GET",
                        Protocol.BASE_PATH + "/health", Map.of(), null, null, null));
                assertEquals(SyncProblem.TLS_UNTRUSTED, CycleFailure.io(e).problem());
            }
        }
    }

    @Test
    void anEnrolmentAnswerOverAConnectionNotFromItsCaIsDiscarded() throws Exception {
        try (FakeProvince intercepted = new FakeProvince(true, true); TestDesk desk = TestDesk.create(dir, "desk", 1)) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> desk.engine.beginEnrolment(intercepted.baseUrl(), intercepted.newCode()).join());
            assertEquals(SyncFailure.Reason.INTERCEPTION_SUSPECTED, assertInstanceOf(SyncFailure.class, e.getCause()).reason());
            assertFalse(desk.engine.status().enrolled());
            assertTrue(new DeviceEnrolments(desk.store).pending().isEmpty(), "everything of that exchange is discarded");
        }
    }

    @Test
    void plainHttpIsRefusedUnlessTheHostIsLoopback() throws Exception {
        try (TestDesk desk = TestDesk.create(dir, "desk", 1)) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> desk.engine.beginEnrolment(URI.create("http://192.0.2.10:8080"), "Q4M7-XK2P-7K3Q-W9ZD-2HXM-4TNB-8VRC-6JPF-GA").join());
            assertEquals(SyncFailure.Reason.ADDRESS_REFUSED, assertInstanceOf(SyncFailure.class, e.getCause()).reason());
            assertTrue(new DeviceEnrolments(desk.store).pending().isEmpty(), "nothing stored for a refused address");
        }
        for (String refused : new String[] {"http://sync.example.invalid", "http://10.0.0.1", "ftp://127.0.0.1"}) {
            assertThrows(IllegalArgumentException.class, () -> HttpTransport.requireAllowedScheme(URI.create(refused)), refused);
        }
        for (String allowed : new String[] {"http://127.0.0.1:8080", "http://localhost", "http://[::1]:80", "http://127.1.2.3",
                "https://sync.example.invalid"}) {
            HttpTransport.requireAllowedScheme(URI.create(allowed));
        }
    }
}
