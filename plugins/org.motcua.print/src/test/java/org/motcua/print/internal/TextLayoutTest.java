package org.motcua.print.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextLayoutTest {

    @Test
    void mixedFacesWrapAtSpacesAndNoLineIsWiderThanTheBox() throws Exception {
        BundledFonts fonts = BundledFonts.get();
        List<Span> spans = List.of(new Span("Tiếp nhận hồ sơ của: ", Face.REGULAR),
                new Span("Nguyễn Thị Ngọc Ánh Hoàng Phương Khánh", Face.BOLD), new Span(" (người nộp)", Face.ITALIC));
        List<Line> lines = TextLayout.wrap(spans, 13, 150, fonts);
        assertTrue(lines.size() > 1);
        StringBuilder all = new StringBuilder();
        for (Line l : lines) {
            assertTrue(l.width() <= 150, l.text() + " is " + l.width());
            all.append(l.text()).append(' ');
        }
        assertEquals("Tiếp nhận hồ sơ của: Nguyễn Thị Ngọc Ánh Hoàng Phương Khánh (người nộp)", all.toString().strip());
    }

    @Test
    void aDossierCodeWiderThanItsColumnBreaksAfterADashOrDot() throws Exception {
        List<Line> lines = TextLayout.wrap(Span.regular("000.00.99.H99-260309-0001"), 12, 80, BundledFonts.get());
        assertTrue(lines.size() >= 2);
        assertTrue(lines.get(0).text().endsWith("-") || lines.get(0).text().endsWith("."), lines.get(0).text());
        assertEquals("000.00.99.H99-260309-0001", lines.stream().map(Line::text).reduce("", String::concat));
    }

    @Test
    void decomposedTextIsComposedAndUnknownCharactersBecomeQuestionMarks() throws Exception {
        BundledFonts fonts = BundledFonts.get();
        String decomposed = java.text.Normalizer.normalize("Mẫu Thuận", java.text.Normalizer.Form.NFD);
        assertEquals("Mẫu Thuận", fonts.printable(decomposed));
        assertEquals("An ? ? x", fonts.printable("An 😀 漢\tx"));
        assertEquals("a\nb", fonts.printable("a\nb"));
    }

    @Test
    void everyVietnameseLetterIsCoveredByAllThreeFaces() throws Exception {
        String letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        BundledFonts fonts = BundledFonts.get();
        String both = letters + letters.toUpperCase(java.util.Locale.forLanguageTag("vi"));
        assertEquals(both, fonts.printable(both));
        for (Face face : Face.values()) {
            for (char c : both.toCharArray()) {
                assertTrue(fonts.width(String.valueOf(c), face, 1000) > 0, face + " has " + c);
            }
        }
    }
}
