package org.motcua.server.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.motcua.protocol.codec.Sha256;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A province's ten years for the dashboard's benchmark, written with PostgreSQL's COPY: {@code units} communes with
 * five devices each, and {@code total} dossiers received evenly over the ten years before {@code now}. Those older
 * than 20 days have ended (60 % early, 35 % on time, 5 % late); the last 20 days' are a mix of open statuses, about a
 * tenth of them past their due date, each open one with a handover step (the late list reads who holds it). The
 * dossiers' secondary indexes are dropped during the load and built again afterwards from their own definitions, as a
 * bulk load into PostgreSQL is done; then ANALYZE. Every dossier has a national-shape code ({@code
 * <unit>-<YYMMDD>-<NNNN>}, numbered per commune and day) and the hash of a lookup token that {@link #token} gives back
 * from the dossier's id, so the lookup benchmark can ask for any of them as a citizen would.
 */
final class DossierGenerator {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.ofHours(7));
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX").withZone(ZoneOffset.UTC);
    private static final int CHUNK = 50_000;
    private static final String[] FIELDS = {"Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Tư pháp", "Lao động", "Bảo trợ xã hội",
        "Giáo dục", "Y tế", "Nông nghiệp"};

    private DossierGenerator() {
    }

    static void generate(Connection c, int units, long total, Instant now) throws SQLException {
        c.setAutoCommit(true);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder u = new StringBuilder();
        StringBuilder d = new StringBuilder();
        StringBuilder e = new StringBuilder();
        for (int i = 0; i < units; i++) {
            String unit = unit(i);
            u.append(unit).append(",Xã số ").append(i + 1).append(',').append(TS.format(now.minus(Duration.ofDays(3650)))).append('\n');
            for (int n = 1; n <= 5; n++) {
                String device = device(i, n);
                // A device silent for up to three days: its held-back estimate is not zero.
                Instant lastSync = now.minus(Duration.ofMinutes((i * 7L + n * 131L) % 4320));
                d.append(device).append(',').append(unit).append(',').append(n).append(",active,\\x00,serial-").append(device)
                        .append(",pc-").append(n).append(",0.1.0,Windows 10,").append(TS.format(now.minus(Duration.ofDays(3650))))
                        .append(',').append(TS.format(lastSync)).append('\n');
                e.append(device).append(",epoch-").append(device, 0, 8).append(",open,").append(5000 + i * 10L + n).append(",")
                        .append("0".repeat(64)).append(',').append(TS.format(now.minus(Duration.ofDays(60)))).append('\n');
            }
        }
        copyIn(copy, "COPY units (unit_code, unit_name, created_at) FROM STDIN (FORMAT csv)", u);
        copyIn(copy, "COPY devices (device_id, unit_code, device_number, status, certificate, certificate_serial, hostname, "
                + "client_version, os, enrolled_at, last_sync_at) FROM STDIN (FORMAT csv)", d);
        copyIn(copy, "COPY epochs (device_id, epoch_id, status, acked_seq, acked_hash, opened_at) FROM STDIN (FORMAT csv)", e);

        List<String> indexes = new ArrayList<>();
        try (Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('dossiers', 'dossier_steps') "
                        + "AND indexname NOT LIKE '%pkey'")) {
            while (rs.next()) {
                indexes.add(rs.getString(2));
                try (Statement drop = c.createStatement()) {
                    drop.execute("DROP INDEX " + rs.getString(1));
                }
            }
        }
        SplittableRandom random = new SplittableRandom(20260601);
        long span = Duration.ofDays(3650).toSeconds();
        Instant start = now.minus(Duration.ofDays(3650));
        Instant openSince = now.minus(Duration.ofDays(20));
        StringBuilder rows = new StringBuilder();
        StringBuilder steps = new StringBuilder();
        String[] unitDay = new String[units];
        int[] unitNumber = new int[units];
        for (long k = 0; k < total; k++) {
            int unitIndex = random.nextInt(units);
            String unit = unit(unitIndex);
            String device = device(unitIndex, 1 + random.nextInt(5));
            Instant received = start.plusSeconds(span * k / total);
            String day = DAY.format(received);
            if (!day.equals(unitDay[unitIndex])) {
                unitDay[unitIndex] = day;
                unitNumber[unitIndex] = 0;
            }
            String code = unit + "-" + day + "-" + String.format(Locale.ROOT, "%04d", ++unitNumber[unitIndex] % 10_000);
            Instant due = received.plus(Duration.ofDays(1 + random.nextInt(10)));
            int procedure = random.nextInt(400);
            String id = id(k);
            int status;
            Instant done = null;
            String timeliness = "";
            if (received.isBefore(openSince)) {
                int r = random.nextInt(100);
                timeliness = r < 60 ? "EARLY" : r < 95 ? "ON_TIME" : "LATE";
                done = "LATE".equals(timeliness) ? due.plus(Duration.ofHours(1 + random.nextInt(96)))
                        : due.minus(Duration.ofHours("EARLY".equals(timeliness) ? 24 + random.nextInt(48) : random.nextInt(8)));
                status = random.nextInt(10) == 0 ? 9 : 10;
            } else {
                status = new int[] {2, 4, 4, 4, 5, 6}[random.nextInt(6)];
                if (random.nextInt(10) == 0) {
                    due = now.minus(Duration.ofHours(1 + random.nextInt(24 * 20)));
                }
                steps.append(id, 0, 19).append("9").append(id, 20, 36).append(',').append(id).append(",C-").append(k).append(",2,HAND_OVER_FOR_PROCESSING,")
                        .append(status).append(",officer-1,chuyenvien-").append(procedure % 7).append(',')
                        .append(TS.format(received.plusSeconds(3600))).append(",\"\",").append(device).append(',')
                        .append(TS.format(received.plusSeconds(3700))).append('\n');
            }
            rows.append(id).append(',').append(code).append(',').append(unit).append(",1.").append(procedure)
                    .append(",1,").append(FIELDS[procedure % FIELDS.length]).append(',').append(status).append(',')
                    .append(TS.format(received)).append(',').append(TS.format(due)).append(',').append(TS.format(due)).append(',')
                    .append(done == null ? "" : TS.format(done)).append(',').append(status == 10 ? TS.format(done.plusSeconds(86_400)) : "")
                    .append(",2,").append(device).append(",event-").append(k).append(',').append(TS.format(received)).append(',')
                    .append(timeliness).append(',').append(Sha256.hex(token(k).getBytes(StandardCharsets.UTF_8))).append('\n');
            if ((k + 1) % CHUNK == 0 || k + 1 == total) {
                copyIn(copy, "COPY dossiers (dossier_id, dossier_code, unit_code, procedure_code, procedure_version, procedure_field, "
                        + "status, received_at, due_at, original_due_at, done_at, returned_at, last_step, origin_device_id, "
                        + "origin_event_id, updated_at, timeliness, lookup_token_sha256) FROM STDIN (FORMAT csv)", rows);
                copyIn(copy, "COPY dossier_steps (event_id, dossier_id, dossier_code, step, action, status, from_officer, to_officer, "
                        + "acted_at, note, device_id, received_at) FROM STDIN (FORMAT csv)", steps);
                rows.setLength(0);
                steps.setLength(0);
            }
        }
        try (Statement st = c.createStatement()) {
            for (String index : indexes) {
                st.execute(index);
            }
            st.execute("VACUUM ANALYZE dossiers");
            st.execute("VACUUM ANALYZE dossier_steps");
            st.execute("ANALYZE");
        }
    }

    private static void copyIn(CopyManager copy, String sql, StringBuilder data) throws SQLException {
        if (data.isEmpty()) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(data.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    /** The dossier number {@code k}'s id, as written. */
    static String id(long k) {
        return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", k >>> 16, k);
    }

    /** The number back from a generated dossier's id. */
    static long number(String dossierId) {
        return Long.parseLong(dossierId.substring(24), 16);
    }

    /** The lookup token printed on dossier {@code k}'s receipt: 8 characters of Crockford's base32, spread by a multiplier. */
    static String token(long k) {
        long v = (k * 0x9E3779B97F4A7C15L) >>> 24;
        char[] out = new char[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = CROCKFORD.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    static String unit(int i) {
        return String.format(Locale.ROOT, "%03d.%02d.%02d.H%02d", 100 + i / 10_000, i / 100 % 100, i % 100, i % 97);
    }

    private static String device(int unit, int n) {
        return String.format(Locale.ROOT, "%08d-0000-4000-8000-%012d", unit, n);
    }
}
