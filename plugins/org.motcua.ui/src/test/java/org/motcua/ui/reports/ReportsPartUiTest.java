package org.motcua.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.has;
import static org.motcua.ui.testing.Widgets.named;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.print.FormKind;
import org.motcua.print.OnTimeReportData.Grouping;
import org.motcua.print.PrintedForm;
import org.motcua.store.OnTimeStatistics;
import org.motcua.store.OnTimeStatistics.By;
import org.motcua.ui.Messages;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** The reports part on a real desk in a real Shell: the figures, the chart, the CSV and the register book. */
@ExtendWith(VietnameseDisplay.class)
class ReportsPartUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private ReportScenario scenario;
    private Shell shell;
    private Desk desk;
    private final List<PrintedForm> shown = new ArrayList<>();

    @BeforeEach
    void open() {
        scenario = new ReportScenario(dir);
        shell = new Shell(display);
        shell.setSize(1100, 800);
        shell.setLayout(new FillLayout());
    }

    @AfterEach
    void close() {
        shell.dispose();
        if (desk != null) {
            desk.close();
        }
    }

    private ReportsPart part(Role role) {
        desk = scenario.login(role);
        ReportsPart part = new ReportsPart(desk, new DeskForms(desk, dir), (form, s) -> {
            shown.add(form);
            return "shown " + form.fileName();
        });
        part.createControls(shell);
        shell.layout(true, true);
        shell.open();
        return part;
    }

    private void range(LocalDate from, LocalDate to, Grouping grouping) {
        named(shell, DateTime.class, "reports.from").setDate(from.getYear(), from.getMonthValue() - 1, from.getDayOfMonth());
        named(shell, DateTime.class, "reports.to").setDate(to.getYear(), to.getMonthValue() - 1, to.getDayOfMonth());
        named(shell, Combo.class, "reports.grouping").select(grouping.ordinal());
    }

    private void run(ReportsPart part) throws InterruptedException {
        named(shell, Button.class, "reports.run").notifyListeners(org.eclipse.swt.SWT.Selection, null);
        Widgets.settle(display, part.lastJob(), () -> named(shell, Button.class, "reports.run").getEnabled());
    }

    @Test
    void theTableShowsTheStoresFiguresForTheRangeByProcedureAndByField() throws Exception {
        ReportsPart part = part(Role.LEADER);
        for (Grouping g : List.of(Grouping.PROCEDURE, Grouping.FIELD, Grouping.MONTH)) {
            range(ReportScenario.FROM, ReportScenario.TO, g);
            run(part);
            List<OnTimeStatistics.Row> expected = new OnTimeStatistics(desk.store())
                    .finishedBetween(ReportScenario.FROM, ReportScenario.TO, OnTimeReports.by(g));
            Table table = named(shell, Table.class, "reports.table");
            assertEquals(expected.size() + 1, table.getItemCount(), g + ": one row per group and the total");
            long early = 0, onTime = 0, late = 0;
            for (int i = 0; i < expected.size(); i++) {
                OnTimeStatistics.Row e = expected.get(i);
                TableItem item = table.getItem(i);
                assertEquals(List.of(Long.toString(e.early()), Long.toString(e.onTime()), Long.toString(e.late()),
                        Long.toString(e.total()), String.format(Locale.forLanguageTag("vi"), "%.1f", e.inTimeRate() * 100),
                        String.format(Locale.forLanguageTag("vi"), "%.1f", e.lateRate() * 100)),
                        List.of(item.getText(1), item.getText(2), item.getText(3), item.getText(4), item.getText(5),
                                item.getText(6)));
                early += e.early();
                onTime += e.onTime();
                late += e.late();
            }
            TableItem total = table.getItem(expected.size());
            assertEquals("Tổng cộng", total.getText(0));
            assertEquals(List.of(Long.toString(early), Long.toString(onTime), Long.toString(late)),
                    List.of(total.getText(1), total.getText(2), total.getText(3)));
            assertEquals(6, early + onTime + late, "six dossiers were finished from 1 to 8 March");
        }
        // the last run was by month; by procedure the rows are named and carry the scenario's counts
        range(ReportScenario.FROM, ReportScenario.TO, Grouping.PROCEDURE);
        run(part);
        Table table = named(shell, Table.class, "reports.table");
        assertEquals("Thủ tục hành chính", table.getColumn(0).getText());
        // in the store's order, by procedure code: 1.001731 before 1.005461
        assertEquals(desk.catalogue().latest(ReportScenario.SOCIAL).orElseThrow().name(), table.getItem(0).getText(0));
        assertEquals(List.of("1", "0", "1", "2", "50,0", "50,0"), texts(table.getItem(0)));
        assertEquals(desk.catalogue().latest(ReportScenario.CIVIL).orElseThrow().name(), table.getItem(1).getText(0));
        assertEquals(List.of("2", "1", "1", "4", "75,0", "25,0"), texts(table.getItem(1)));

        range(ReportScenario.FROM, ReportScenario.TO, Grouping.FIELD);
        run(part);
        List<String> fields = List.of(table.getItem(0).getText(0), table.getItem(1).getText(0));
        assertTrue(fields.contains("Hộ tịch") && fields.contains("Bảo trợ xã hội"), fields.toString());
    }

    private static List<String> texts(TableItem item) {
        return List.of(item.getText(1), item.getText(2), item.getText(3), item.getText(4), item.getText(5), item.getText(6));
    }

    @Test
    void theCsvIsUtf8WithABomAVietnameseHeaderAndQuotedFields() throws Exception {
        ReportsPart part = part(Role.LEADER);
        range(ReportScenario.FROM, ReportScenario.TO, Grouping.PROCEDURE);
        run(part);
        Path file = dir.resolve("bao-cao.csv");
        part.exportCsv(file);

        byte[] bytes = Files.readAllBytes(file);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
        String civil = desk.catalogue().latest(ReportScenario.CIVIL).orElseThrow().name();
        String social = desk.catalogue().latest(ReportScenario.SOCIAL).orElseThrow().name();
        assertEquals("\uFEFF\"Thủ tục hành chính\",\"Sớm hạn\",\"Đúng hạn\",\"Trễ hạn\",\"Tổng số\",\"Tỷ lệ đúng hạn (%)\",\"Tỷ lệ trễ hạn (%)\","
                + "\"Hài lòng\",\"Chấp nhận được\",\"Không hài lòng\"\r\n"
                + "\"" + social + "\",\"1\",\"0\",\"1\",\"2\",\"50.0\",\"50.0\",\"0\",\"0\",\"0\"\r\n"
                + "\"" + civil + "\",\"2\",\"1\",\"1\",\"4\",\"75.0\",\"25.0\",\"1\",\"0\",\"1\"\r\n"
                + "\"Tổng cộng\",\"3\",\"1\",\"2\",\"6\",\"66.7\",\"33.3\",\"1\",\"0\",\"1\"\r\n",
                new String(bytes, StandardCharsets.UTF_8));
        assertTrue(named(shell, Label.class, "reports.status").getText().startsWith("Đã lưu tệp CSV: "));
    }

    @Test
    void forVietnameseExcelTheCsvUsesSemicolonsAndDecimalCommasAndTheDeskRemembers() throws Exception {
        ReportsPart part = part(Role.LEADER);
        range(ReportScenario.FROM, ReportScenario.TO, Grouping.PROCEDURE);
        run(part);
        org.eclipse.swt.widgets.Button excel = named(shell, org.eclipse.swt.widgets.Button.class, "reports.csv.vietnameseExcel");
        assertEquals(false, excel.getSelection(), "the RFC's commas until someone chooses otherwise");
        excel.setSelection(true);
        excel.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        Path file = dir.resolve("bao-cao-vn.csv");
        part.exportCsv(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n\"Tổng cộng\";\"3\";\"1\";\"2\";\"6\";\"66,7\";\"33,3\";\"1\";\"0\";\"1\"\r\n"), text);
        assertEquals("true", new org.motcua.store.DeskSettings(desk.store()).get(
                org.motcua.store.DeskSettings.Key.CSV_VIETNAMESE_EXCEL));
    }

    @Test
    void aQuoteInsideAFieldIsDoubled() throws IOException {
        var data = new org.motcua.print.OnTimeReportData(ReportScenario.FROM, ReportScenario.TO, Grouping.FIELD,
                List.of(new org.motcua.print.OnTimeReportData.Row("Lĩnh vực \"A\", phụ", 1, 0, 0)),
                ReportScenario.TODAY.atTime(9, 0));
        java.io.StringWriter out = new java.io.StringWriter();
        new ReportCsv(Messages.forLocale(Locale.forLanguageTag("vi"))).write(data, out);
        assertTrue(out.toString().contains("\r\n\"Lĩnh vực \"\"A\"\", phụ\",\"1\",\"0\",\"0\",\"1\",\"100.0\",\"0.0\",\"0\",\"0\",\"0\"\r\n"),
                out.toString());
    }

    @Test
    void theChartHasRedOnlyWhenSomethingWasLate() throws Exception {
        ReportsPart part = part(Role.LEADER);
        range(ReportScenario.FROM, ReportScenario.TO, Grouping.PROCEDURE);
        run(part);
        assertTrue(redPixels(part.chart()) > 0, "late dossiers from 1 to 8 March draw red");
        assertTrue(pixels(part.chart(), OnTimeChart.EARLY) > 0, "and green for the early ones");

        // 9 March alone: one dossier finished early, none late
        range(ReportScenario.TODAY, ReportScenario.TODAY, Grouping.PROCEDURE);
        run(part);
        assertEquals(1, named(shell, Table.class, "reports.table").getItemCount() - 1);
        assertEquals(0, redPixels(part.chart()), "no late dossier, no red");
        assertTrue(pixels(part.chart(), OnTimeChart.EARLY) > 0);
    }

    private int redPixels(OnTimeChart chart) {
        return pixels(chart, OnTimeChart.LATE);
    }

    /** Paints the chart into an image and counts the pixels of {@code color} in its bars. */
    private int pixels(OnTimeChart chart, RGB color) {
        Image image = new Image(display, 700, 300);
        try {
            GC gc = new GC(image);
            try {
                chart.paint(gc, new Rectangle(0, 0, 700, 300));
            } finally {
                gc.dispose();
            }
            ImageData data = image.getImageData();
            Rectangle bars = chart.barArea();
            int n = 0;
            for (int y = bars.y; y < bars.y + bars.height; y++) {
                for (int x = bars.x; x < bars.x + bars.width; x++) {
                    if (data.palette.getRGB(data.getPixel(x, y)).equals(color)) {
                        n++;
                    }
                }
            }
            return n;
        } finally {
            image.dispose();
        }
    }

    @Test
    void thePdfGoesToTheFormOutput() throws Exception {
        ReportsPart part = part(Role.ADMIN);
        range(ReportScenario.FROM, ReportScenario.TO, Grouping.FIELD);
        run(part);
        named(shell, Button.class, "reports.exportPdf").notifyListeners(org.eclipse.swt.SWT.Selection, null);
        Widgets.settle(display, part.lastJob(), () -> !shown.isEmpty());
        assertEquals(1, shown.size());
        assertEquals(FormKind.ON_TIME_REPORT, shown.get(0).kind());
        String text = text(shown.get(0));
        assertTrue(text.contains("Lĩnh vực") && text.contains("Hộ tịch") && text.contains("Tổng cộng 3 1 2 6 66,7 33,3"), text);
        assertEquals("shown " + shown.get(0).fileName(), named(shell, Label.class, "reports.status").getText());
    }

    @Test
    void theRegisterListsEveryDossierReceivedInTheRangeAndNoOther() throws Exception {
        ReportsPart part = part(Role.RECEIVING_OFFICER);
        LocalDate from = LocalDate.of(2026, 3, 2);
        LocalDate to = LocalDate.of(2026, 3, 3);
        range(from, to, Grouping.PROCEDURE);
        named(shell, Button.class, "reports.register").notifyListeners(org.eclipse.swt.SWT.Selection, null);
        Widgets.settle(display, part.lastJob(), () -> !shown.isEmpty());

        assertEquals(1, shown.size());
        PrintedForm form = shown.get(0);
        assertEquals(FormKind.REGISTER, form.kind());
        String text = text(form);
        int inside = 0;
        for (Dossier d : scenario.all) {
            LocalDate received = d.receivedAt().toLocalDate();
            boolean inRange = !received.isBefore(from) && !received.isAfter(to);
            assertEquals(inRange, text.contains(d.code().format()), d.code().format() + " received " + received);
            inside += inRange ? 1 : 0;
        }
        assertEquals(5, inside, "five dossiers were received on 2 and 3 March");
        assertTrue(text.contains("Tổng số hồ sơ: 5"), text);
        // the dossier returned on 3 March says how: collected by the applicant in person
        assertTrue(text.replaceAll("\\s+", " ").contains("03/03/2026, trực tiếp")
                || text.replaceAll("\\s+", " ").contains("03/03, trực tiếp"), text);
    }

    @Test
    void rolesThatMayNotReadReportsAreRefusedInThePartAndInTheHeadlessCode() {
        part(Role.PROCESSING_OFFICER);
        assertFalse(has(shell, Button.class, "reports.run"));
        assertTrue(named(shell, Label.class, "reports.refused").getText().startsWith(
                "Báo cáo và sổ theo dõi hồ sơ chỉ dành cho lãnh đạo"));
        ValidationException refused = assertThrows(ValidationException.class,
                () -> new OnTimeReports(desk, Messages.current()).finishedBetween(ReportScenario.FROM, ReportScenario.TO,
                        Grouping.MONTH));
        assertEquals("report.role.refused", refused.violations().get(0).code());
        assertThrows(ValidationException.class, () -> new RegisterBook(desk).between(ReportScenario.FROM, ReportScenario.TO));
        desk.close();
        try (Desk assistant = scenario.login(Role.COMMUNITY_ASSISTANT)) {
            assertThrows(ValidationException.class, () -> new RegisterBook(assistant).between(ReportScenario.FROM,
                    ReportScenario.TO));
        }
    }

    private static String text(PrintedForm form) throws IOException {
        try (PDDocument doc = Loader.loadPDF(form.pdf())) {
            return java.text.Normalizer.normalize(new PDFTextStripper().getText(doc), java.text.Normalizer.Form.NFC)
                    .replaceAll("\\s+", " ");
        }
    }
}
