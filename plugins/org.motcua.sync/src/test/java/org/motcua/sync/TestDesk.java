package org.motcua.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.calendar.HolidayCalendarLoader;
import org.motcua.core.calendar.WorkingSessions;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.core.catalogue.SampleCatalogueLoader;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DeviceIdentity;
import org.motcua.store.DossierIntake;
import org.motcua.store.Store;
import org.motcua.store.sync.SyncOutbox;

/**
 * One desk for the sync tests: a real encrypted store in a temporary directory with the sample catalogue, and its own
 * sync engine with short timeouts and no automatic schedule (tests drive {@link SyncEngine#syncAndWait()}).
 */
final class TestDesk implements AutoCloseable {

    static final char[] KEY = "sync-test-key-0123456789".toCharArray();
    static final ProcedureCatalogue CATALOGUE = SampleCatalogueLoader.load();
    static final DeadlineCalculator DEADLINES = new DeadlineCalculator(
            HolidayCalendarLoader.sampleCalendar(WorkingSessions.standard()));
    static final LocalDateTime MORNING = LocalDateTime.of(2026, 3, 10, 8, 0);

    final Path dir;
    final String name;
    final Store store;
    final SyncEngine engine;
    final SyncOutbox outbox;
    /** The engine's clock: the system's unless a test skews it. */
    final ShiftableClock clock;
    private int received;

    private TestDesk(Path dir, String name, Store store, Duration responseTimeout) throws Exception {
        this(dir, name, store, responseTimeout, Duration.ofHours(1));
    }

    private TestDesk(Path dir, String name, Store store, Duration responseTimeout, Duration debounce) throws Exception {
        this(dir, name, store, SyncConfig.of(Files.createDirectories(dir.resolve(name + "-blobs")))
                .withTimeouts(Duration.ofSeconds(2), responseTimeout).withSchedule(debounce, Duration.ofHours(1)));
    }

    private TestDesk(Path dir, String name, Store store, SyncConfig config) {
        this(dir, name, store, config, new ShiftableClock());
    }

    private TestDesk(Path dir, String name, Store store, SyncConfig config, ShiftableClock clock) {
        this.dir = dir;
        this.name = name;
        this.store = store;
        this.clock = clock;
        this.engine = new SyncEngine(store, config.withClock(clock));
        this.outbox = new SyncOutbox(store);
    }

    static TestDesk create(Path dir, String name, int deviceNumber) throws Exception {
        return create(dir, name, FakeProvince.UNIT, deviceNumber);
    }

    /** A new desk of unit {@code unit}. */
    static TestDesk create(Path dir, String name, String unit, int deviceNumber) throws Exception {
        Store store = Store.create(dir.resolve(name), KEY, DeviceIdentity.newDevice(unit, "UBND xã Mẫu", deviceNumber));
        store.addProcedures(CATALOGUE.current());
        return new TestDesk(dir, name, store, Duration.ofSeconds(3));
    }

    /**
     * A replacement PC: a new, empty store that takes over {@code identity} (the device id the province's admin bound
     * a re-enrolment code to, and the device's unit and number).
     */
    static TestDesk replacement(Path dir, String name, DeviceIdentity identity) throws Exception {
        Store store = Store.create(dir.resolve(name), KEY, identity);
        store.addProcedures(CATALOGUE.current());
        return new TestDesk(dir, name, store, Duration.ofSeconds(3));
    }

    /** A desk whose engine, once started, syncs {@code debounce} after each new event. */
    static TestDesk createBackground(Path dir, String name, int deviceNumber, Duration debounce) throws Exception {
        Store store = Store.create(dir.resolve(name), KEY, DeviceIdentity.newDevice(FakeProvince.UNIT, "UBND xã Mẫu", deviceNumber));
        store.addProcedures(CATALOGUE.current());
        return new TestDesk(dir, name, store, Duration.ofSeconds(3), debounce);
    }

    /** A desk of unit {@code unit} whose engine has the production timeouts and schedule (started by the caller). */
    static TestDesk createWithProductionConfig(Path dir, String name, String unit, int deviceNumber) throws Exception {
        Store store = Store.create(dir.resolve(name), KEY, DeviceIdentity.newDevice(unit, "UBND xã Mẫu", deviceNumber));
        store.addProcedures(CATALOGUE.current());
        return new TestDesk(dir, name, store, SyncConfig.of(Files.createDirectories(dir.resolve(name + "-blobs"))));
    }

    /** Opens an existing desk's store again (e.g. after restoring a backup). */
    static TestDesk reopen(Path dir, String name, Store store) throws Exception {
        return new TestDesk(dir, name, store, Duration.ofSeconds(3));
    }

    /** Opens an existing desk's store again with {@code clock} (a desk restarted keeps its skewed clock). */
    static TestDesk reopen(Path dir, String name, Store store, ShiftableClock clock) throws Exception {
        return new TestDesk(dir, name, store, SyncConfig.of(Files.createDirectories(dir.resolve(name + "-blobs")))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)).withSchedule(Duration.ofHours(1),
                        Duration.ofHours(1)), clock);
    }

    Path blobDirectory() {
        return dir.resolve(name + "-blobs");
    }

    /** Enrols through the real flow: code typed, answer verified, fingerprint "compared", confirmed. */
    EnrolmentOffer enrol(FakeProvince province) {
        EnrolmentOffer offer = engine.beginEnrolment(province.baseUrl(), province.newCode()).join();
        engine.confirmEnrolment(offer).join();
        return offer;
    }

    /** Enrols with a real province server: the code its admin tool printed, the answer verified, then confirmed. */
    EnrolmentOffer enrol(java.net.URI server, String code) {
        EnrolmentOffer offer = engine.beginEnrolment(server, code).join();
        engine.confirmEnrolment(offer).join();
        return offer;
    }

    /** Receives one dossier at the counter, as the intake part does. */
    Dossier receive() {
        received++;
        LocalDateTime at = MORNING.plusMinutes(received);
        Procedure p = CATALOGUE.latest("1.001193").orElseThrow();
        String cid = String.format("001085%06d", received);
        Applicant a = Applicant.citizen("Nguyễn Văn An " + received, CitizenId.parse(cid, null), LocalDate.of(1985, 3, 2),
                "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 3"));
        List<ReceivedDocument> docs = p.requiredDocuments().stream().map(ReceivedDocument::of).toList();
        return new DossierIntake(store, DEADLINES).receive(new IntakeRequest(p, a, docs, 1, Channel.IN_PERSON,
                ResultDelivery.COUNTER, at, "tiepnhan1", Optional.empty(), ""), Role.RECEIVING_OFFICER, at.plusMinutes(1));
    }

    /** Receives one dossier at the counter with scans attached, as the intake part does. */
    Dossier receiveWithScans(List<org.motcua.store.ScanFile> scans) {
        received++;
        LocalDateTime at = MORNING.plusMinutes(received);
        Procedure p = CATALOGUE.latest("1.001193").orElseThrow();
        Applicant a = Applicant.citizen("Nguyễn Văn An " + received, CitizenId.parse(String.format("001085%06d", received), null),
                LocalDate.of(1985, 3, 2), "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 3"));
        List<ReceivedDocument> docs = p.requiredDocuments().stream().map(ReceivedDocument::of).toList();
        return new DossierIntake(store, DEADLINES).receive(new IntakeRequest(p, a, docs, 1, Channel.IN_PERSON,
                ResultDelivery.COUNTER, at, "tiepnhan1", Optional.empty(), ""), Role.RECEIVING_OFFICER, at.plusMinutes(1), scans);
    }

    /** Receives one dossier of {@code p} at {@code at} with {@code deadlines}, as the intake part does with the desk's own. */
    Dossier receive(Procedure p, DeadlineCalculator deadlines, LocalDateTime at) {
        received++;
        String cid = String.format("001085%06d", received);
        Applicant a = Applicant.citizen("Nguyễn Văn An " + received, CitizenId.parse(cid, null), LocalDate.of(1985, 3, 2),
                "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 3"));
        List<ReceivedDocument> docs = p.requiredDocuments().stream().map(ReceivedDocument::of).toList();
        return new DossierIntake(store, deadlines).receive(new IntakeRequest(p, a, docs, 1, Channel.IN_PERSON,
                ResultDelivery.COUNTER, at, "tiepnhan1", Optional.empty(), ""), Role.RECEIVING_OFFICER, at.plusMinutes(1));
    }

    org.motcua.store.sync.FeedStore outboxFeed() {
        return new org.motcua.store.sync.FeedStore(store);
    }

    SyncStatus sync() {
        return engine.syncAndWait();
    }

    @Override
    public void close() {
        engine.close();
        store.close();
    }
}
