package org.motcua.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.IntakeValidator;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierLifecycle;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.numbering.DossierCode;
import org.motcua.core.numbering.DossierNumberAllocator;
import org.motcua.core.numbering.NumberBlock;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.internal.DossierTable;
import org.motcua.store.internal.EventPayloads;
import org.motcua.store.internal.HandoverTable;
import org.motcua.store.internal.LookupTokens;
import org.motcua.store.internal.Sql;

/**
 * Receives a dossier: checks the officer's role and the input, draws the dossier code from this device's
 * number blocks, computes the due date, and writes the dossier (with a new random lookup token), its first handover
 * record, an outbox event and an audit entry in one durable transaction. When {@link #receive} returns, the receipt
 * may be printed.
 */
public final class DossierIntake {

    private final Store store;
    private final DeadlineCalculator deadlines;
    private final DossierLifecycle lifecycle = DossierLifecycle.standard();

    public DossierIntake(Store store, DeadlineCalculator deadlines) {
        this.store = store;
        this.deadlines = deadlines;
    }

    /**
     * @param role the role of the officer named in {@code request.receivedBy()}
     * @param now  the desk's clock, to refuse receptions dated in the future
     * @throws org.motcua.core.lifecycle.IllegalTransitionException when the role may not receive dossiers
     * @throws ValidationException when the input is refused; nothing is written
     */
    public Dossier receive(IntakeRequest request, Role role, LocalDateTime now) {
        return receive(request, role, now, List.of());
    }

    /**
     * Receives a dossier with the scans the officer attached at the counter: they are stored (once per SHA-256) and
     * listed in the {@code DossierReceived} event's {@code attachments} and {@code blobs}, in the same transaction.
     */
    public Dossier receive(IntakeRequest request, Role role, LocalDateTime now, List<ScanFile> scans) {
        Opening opening = checked(request, role, now);
        return store.write(c -> write(c, request, opening, now, scans));
    }

    /**
     * Receives several dossiers in ONE durable transaction, each checked and written exactly as by
     * {@link #receive}: all are stored or none. For imports of many dossiers at once (and the benchmarks'
     * data sets), where one forced write per dossier would cost minutes.
     */
    public List<Dossier> receiveAll(List<IntakeRequest> requests, Role role, LocalDateTime now) {
        List<Opening> openings = requests.stream().map(r -> checked(r, role, now)).toList();
        return store.write(c -> {
            List<Dossier> stored = new ArrayList<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                stored.add(write(c, requests.get(i), openings.get(i), now, List.of()));
            }
            return stored;
        });
    }

    /** How a dossier opens: in the field (NEW) or at the counter (RECEIVED). */
    private record Opening(DossierAction action, DossierStatus status) {
    }

    /** The opening after the role and input checks; nothing is written when they fail. */
    private Opening checked(IntakeRequest request, Role role, LocalDateTime now) {
        DossierAction action = request.assistance().isPresent() ? DossierAction.COLLECT_IN_FIELD : DossierAction.RECEIVE;
        DossierStatus status = lifecycle.open(action, role);
        IntakeValidator.validate(request, now);
        return new Opening(action, status);
    }

    private Dossier write(Connection c, IntakeRequest request, Opening opening, LocalDateTime now, List<ScanFile> scans)
            throws SQLException {
        DossierAction action = opening.action();
        DossierStatus status = opening.status();
        Procedure procedure = request.procedure();
        LocalDateTime receivedAt = request.receivedAt().truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime dueAt = deadlines.dueAt(receivedAt, procedure.processingTime(), procedure.afternoonCutOff());
        requireStoredProcedure(c, procedure);
        DossierCode code = nextCode(c, receivedAt.toLocalDate());
        String book = store.device().registerBook(receivedAt.getYear());
        Dossier dossier = new Dossier(UUID.randomUUID(), code, procedure.code(), procedure.version(),
                procedure.fieldCode(), request.applicant(), request.documents(), request.sets(), request.channel(),
                request.delivery(), receivedAt, dueAt, Optional.empty(), book, nextRegisterEntry(c, book), status,
                request.receivedBy(), request.assistance(), request.note());
        String lookupToken = LookupTokens.random();
        insert(c, dossier, lookupToken);
        HandoverRecord first = new HandoverRecord(dossier.id(), 1, action, status, "", request.receivedBy(),
                receivedAt, Optional.empty(), Optional.empty(), Optional.empty(), request.note());
        HandoverTable.append(c, first);
        List<String> attachments = ScannedDocuments.link(c, dossier.id(), scans, request.receivedBy(), receivedAt, true).stream()
                .map(ScannedDocuments.Attached::sha256).sorted().toList();
        store.appendEvent(c, EventPayloads.DOSSIER_RECEIVED, dossier.id(), now,
                CanonicalJson.write(EventPayloads.dossierReceived(dossier, lookupToken, attachments).toJson()), attachments);
        store.audit.append(c, now, request.receivedBy(), action.name(), code.format(),
                "procedure=" + procedure.key() + " applicant="
                        + request.applicant().citizenId().map(CitizenId::masked).orElse("-"));
        return dossier;
    }

    /** A code already in the table (a day counter restored from an old backup, say) is refused, not overwritten. */
    private static void insert(Connection c, Dossier dossier, String lookupToken) throws SQLException {
        try {
            DossierTable.insert(c, dossier, lookupToken);
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                throw new ValidationException(Violation.of("code", "intake.code.duplicate", dossier.code().format()));
            }
            throw e;
        }
    }

    private static void requireStoredProcedure(Connection c, Procedure p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM procedure_version WHERE code = ? AND version = ?")) {
            Sql.bind(ps, p.code(), p.version());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ValidationException(Violation.of("procedure", "intake.procedure.unknown", p.code()));
                }
            }
        }
    }

    /** The next code of this device for {@code date}; the day counter moves in the same transaction. */
    private DossierCode nextCode(Connection c, LocalDate date) throws SQLException {
        OptionalInt last = OptionalInt.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM day_counter WHERE receipt_date = ? FOR UPDATE")) {
            Sql.bind(ps, date);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    last = OptionalInt.of(rs.getInt(1));
                }
            }
        }
        DossierNumberAllocator allocator = allocator(c);
        int sequence = allocator.next(date, countFrom(c, date, allocator, last));
        Sql.update(c, "MERGE INTO day_counter (receipt_date, last_sequence) KEY (receipt_date) VALUES (?, ?)", date, sequence);
        store.chainChanged();
        return new DossierCode(store.device().unitCode(), date, sequence);
    }

    /**
     * The day's counter, unless it lies in no block valid that day. That happens when the province gave this device
     * another number at enrolment (its own was taken): the counter may still hold a number of the old range, and
     * counting from it would skip the rest of the new own range (straight into a lease) or stop intake for the day. The
     * day's next number then comes after the highest number this desk already issued that day inside its current
     * blocks (usually none): the old range is left, and no number of the new one is issued twice.
     */
    private OptionalInt countFrom(Connection c, LocalDate date, DossierNumberAllocator allocator, OptionalInt last)
            throws SQLException {
        if (last.isEmpty() || allocator.blocks().stream().anyMatch(b -> b.validOn(date) && b.contains(last.getAsInt()))) {
            return last;
        }
        String prefix = new DossierCode(store.device().unitCode(), date, 1).format();
        prefix = prefix.substring(0, prefix.length() - 4);
        OptionalInt highest = OptionalInt.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM dossier WHERE code LIKE ?")) {
            Sql.bind(ps, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = Integer.parseInt(rs.getString(1).substring(prefix.length()));
                    boolean inBlock = allocator.blocks().stream().anyMatch(b -> b.validOn(date) && b.first() <= n && n <= b.last());
                    if (inBlock && (highest.isEmpty() || n > highest.getAsInt())) {
                        highest = OptionalInt.of(n);
                    }
                }
            }
        }
        return highest;
    }

    /**
     * The device's own fixed sub-range plus the blocks the province leased (§10). The allocator takes the smallest free
     * number of the blocks valid that day, and the own range ({@code (d−1)·1000+1 .. d·1000−1}) lies below the lease
     * band 9000..9999, so a lease is drawn from only once the own range of that date is used up.
     */
    private DossierNumberAllocator allocator(Connection c) throws SQLException {
        List<NumberBlock> leased = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT first_sequence, last_sequence, valid_from, valid_to FROM number_block ORDER BY first_sequence");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                leased.add(new NumberBlock(rs.getInt(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)));
            }
        }
        return DossierNumberAllocator.beforeEnrolment(store.device().deviceNumber()).withBlocks(leased);
    }

    private static int nextRegisterEntry(Connection c, String book) throws SQLException {
        int entry = 1;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_entry FROM register_counter WHERE book = ? FOR UPDATE")) {
            Sql.bind(ps, book);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    entry = rs.getInt(1) + 1;
                }
            }
        }
        Sql.update(c, "MERGE INTO register_counter (book, last_entry) KEY (book) VALUES (?, ?)", book, entry);
        return entry;
    }
}
