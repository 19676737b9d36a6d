package org.motcua.store;

import java.nio.file.Path;
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
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;

/** A real encrypted store on disk with the sample catalogue and calendar, for the store's tests. */
final class StoreFixture {

    static final char[] KEY = "test-key-for-the-store-0001".toCharArray();
    static final String UNIT = "000.00.01.H99";
    static final ProcedureCatalogue CATALOGUE = SampleCatalogueLoader.load();
    static final DeadlineCalculator DEADLINES = new DeadlineCalculator(
            HolidayCalendarLoader.sampleCalendar(WorkingSessions.standard()));

    private StoreFixture() {
    }

    static Store newStore(Path dir, String name, int deviceNumber) {
        Store store = Store.create(dir.resolve(name), KEY, DeviceIdentity.newDevice(UNIT, "UBND xã Mẫu (MẪU)", deviceNumber));
        store.addProcedures(CATALOGUE.current());
        return store;
    }

    static Procedure birthRegistration() {
        return CATALOGUE.latest("1.001193").orElseThrow();
    }

    /** A complete in-person intake of procedure {@code p} for a citizen numbered {@code n}. */
    static IntakeRequest intake(Procedure p, int n, LocalDateTime at) {
        String cid = String.format("001%d%02d%06d", 0, 85, n % 1_000_000);
        Applicant a = Applicant.citizen("Nguyễn Văn An " + n, CitizenId.parse(cid, null), LocalDate.of(1985, 3, 2),
                "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn " + (n % 12 + 1)));
        List<ReceivedDocument> docs = p.requiredDocuments().stream().map(ReceivedDocument::of).toList();
        return new IntakeRequest(p, a, docs, 1, Channel.IN_PERSON, ResultDelivery.COUNTER, at, "tiepnhan1",
                Optional.empty(), "");
    }
}
