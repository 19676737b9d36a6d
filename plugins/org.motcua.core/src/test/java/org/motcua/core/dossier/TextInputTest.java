package org.motcua.core.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.text.Normalizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text typed in decomposed Unicode (base letter + combining marks) is stored and sent in NFC. */
class TextInputTest {

    private static final String COMPOSED = "Nguyễn Thị Ánh";
    private static final String DECOMPOSED = Normalizer.normalize(COMPOSED, Normalizer.Form.NFD);

    @Test
    void namesAddressesNotesAndDocumentsAreNormalisedToNfc() {
        assertNotEquals(COMPOSED, DECOMPOSED, "the test needs a really decomposed spelling");
        Applicant a = new Applicant(ApplicantKind.CITIZEN, " " + DECOMPOSED + " ", Optional.empty(), Optional.empty(), "", "",
                new Address(DECOMPOSED, DECOMPOSED, DECOMPOSED), Optional.of(new AuthorisedPerson(DECOMPOSED, Optional.empty(), "")));
        assertEquals(COMPOSED, a.fullName());
        assertEquals(COMPOSED, a.address().province());
        assertEquals(COMPOSED, a.address().commune());
        assertEquals(COMPOSED, a.address().detail());
        assertEquals(COMPOSED, a.authorised().orElseThrow().fullName());
        assertEquals(COMPOSED, new FieldAssistance(DECOMPOSED, DECOMPOSED).place());
        assertEquals(COMPOSED, new ReceivedDocument(DECOMPOSED, org.motcua.core.catalogue.DocumentForm.ORIGINAL, 1).name());
    }
}
