package org.motcua.core.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.text.VietnameseText;

/**
 * Reads the bundled SAMPLE catalogue (45 real commune procedures from public pages, see the README beside
 * {@value #RESOURCE}). Gaps in the source are filled by documented rules and flagged, never hidden.
 */
public final class SampleCatalogueLoader {

    public static final String RESOURCE = "/org/motcua/core/catalogue/sample/procedures-sample.json";

    /** Stand-in for a missing processing time; flagged with {@code processingTimeAssumed}. */
    static final ProcessingTime ASSUMED_TIME = ProcessingTime.workingDays(3);

    private static final LocalTime SAME_DAY_CUT_OFF = LocalTime.of(15, 0);

    private SampleCatalogueLoader() {
    }

    public static ProcedureCatalogue load() {
        try (InputStream in = SampleCatalogueLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from org.motcua.core");
            }
            return ProcedureCatalogue.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Procedure> read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Procedure> procedures = new ArrayList<>();
        int position = 0;
        for (JsonNode p : root) {
            position++;
            procedures.add(toProcedure(p, position));
        }
        return procedures;
    }

    private static Procedure toProcedure(JsonNode p, int position) {
        String code = text(p, "code");
        boolean national = !code.isEmpty();
        String field = text(p, "field");
        String note = VietnameseText.fold(text(p, "durationNote"));
        ProcessingTime time;
        boolean assumed = false;
        Optional<LocalTime> cutOff = Optional.empty();
        if (p.hasNonNull("durationWorkingDays")) {
            time = ProcessingTime.workingDays(p.get("durationWorkingDays").asInt());
        } else if (note.startsWith("trong ngay") || note.startsWith("ngay khi")) {
            time = ProcessingTime.sameDay();
            cutOff = note.contains("15 gio") ? Optional.of(SAME_DAY_CUT_OFF) : Optional.empty();
        } else {
            time = ASSUMED_TIME;
            assumed = true;
        }
        List<RequiredDocument> documents = new ArrayList<>();
        for (JsonNode d : p.path("documents")) {
            documents.add(new RequiredDocument(text(d, "name"), DocumentForm.fromCatalogueText(text(d, "form")),
                    Math.max(1, d.path("count").asInt(1)), d.path("required").asBoolean(true), text(d, "note")));
        }
        return new Procedure(national ? code : "LOCAL." + position, national, 1, text(p, "name"),
                VietnameseText.identifier(field), field, time, assumed, cutOff, text(p, "fee"), documents,
                OnlineLevel.fromCatalogueText(text(p, "onlineLevel")), "", true);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }
}
