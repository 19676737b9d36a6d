package org.motcua.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A withdrawn procedure keeps its versions for the dossiers received under them but is no longer offered. */
class WithdrawnProcedureTest {

    @Test
    void aWithdrawnCodeIsNeitherCurrentNorFoundButItsVersionsStay() {
        ProcedureCatalogue sample = SampleCatalogueLoader.load();
        ProcedureCatalogue withdrawn = ProcedureCatalogue.of(sample.current(), Set.of("1.001193"));
        assertEquals(sample.current().size() - 1, withdrawn.current().size());
        assertTrue(withdrawn.search("khai sinh").stream().noneMatch(p -> p.code().equals("1.001193")));
        assertTrue(withdrawn.version("1.001193", 1).isPresent());
        assertTrue(withdrawn.isWithdrawn("1.001193"));
        assertFalse(withdrawn.isWithdrawn("1.000894"));
        assertFalse(withdrawn.isWithdrawn("9.999999"), "an unknown code is not withdrawn, it is unknown");
    }
}
