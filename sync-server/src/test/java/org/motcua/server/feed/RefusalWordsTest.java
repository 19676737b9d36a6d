package org.motcua.server.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.motcua.server.web.Messages;

/**
 * Every refusal the publication readers and the lease publisher can give has its words in both bundles: a key missing
 * from one would show on the page as "[publication.refused.…]". The keys are read from the sources, so a new refusal is
 * checked without being listed here.
 */
class RefusalWordsTest {

    private static final Path SOURCES = Path.of("src/main/java/org/motcua/server/feed");

    @Test
    void everyRefusalKeyHasVietnameseAndEnglishWords() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (String file : new String[] {"CatalogueFile.java", "CalendarFile.java"}) {
            String source = Files.readString(SOURCES.resolve(file));
            collect(keys, source, "refuse\\([^;]*?,\\s*\"([a-z-]+)\"", "publication.refused.");
            collect(keys, source, "(?:requireObject|unknownMembers)\\([^;{}\\n]*?,\\s*\"([a-z-]+)\",", "publication.what.");
            collect(keys, source, "(?:requireObject|unknownMembers)\\([^;{}\\n]*?,\\s*[A-Z_]+,\\s*\"([a-z-]+)\"\\)", "publication.what.");
        }
        collect(keys, Files.readString(SOURCES.resolve("PublicationFile.java")), "new FileRefused\\(\\w+, \"([a-z.-]+)\"", "");
        collect(keys, Files.readString(SOURCES.resolve("NumberLeasePublisher.java")), "new LeaseRefused\\(\"([a-z-]+)\"", "lease.refused.");
        assertTrue(keys.size() > 40, "the sources were read: " + keys);
        Properties en = load("/web/messages.properties");
        Properties vi = load("/web/messages_vi.properties");
        for (String key : keys) {
            assertTrue(en.containsKey(key), "English words for " + key);
            assertTrue(vi.containsKey(key), "Vietnamese words for " + key);
            assertFalse(Messages.vietnamese().get(key, "a", "b", "c", "d").startsWith("["), key);
        }
    }

    @Test
    void theCliKeepsItsEnglishAndThePageSaysItInVietnamese() {
        FileRefused e = new FileRefused(14, "publication.refused.date-format", "2027-5-1");
        assertEquals("line 14: \"2027-5-1\" is not a date YYYY-MM-DD", e.getMessage());
        assertEquals("“2027-5-1” không phải ngày dạng YYYY-MM-DD", e.reason(Messages.vietnamese()::get));
        FileRefused member = new FileRefused(3, "publication.refused.unknown-member", "cdoe", new FileRefused.Word("publication.what.procedure"));
        assertEquals("unknown member \"cdoe\" in a procedure (a typo?)", member.reason());
        assertEquals("thuộc tính lạ “cdoe” trong một thủ tục (gõ nhầm?)", member.reason(Messages.vietnamese()::get));
        LeaseRefused lease = new LeaseRefused("band", 9000, 9999, 8990, 9010);
        assertEquals("leased numbers lie within 9000..9999 (below is the devices' own ranges): 8990..9010", lease.getMessage());
    }

    private static void collect(Set<String> keys, String source, String regex, String prefix) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(source);
        while (m.find()) {
            keys.add(prefix + m.group(1));
        }
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(RefusalWordsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
