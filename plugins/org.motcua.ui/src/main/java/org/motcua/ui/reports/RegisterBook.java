package org.motcua.ui.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.print.RegisterData;
import org.motcua.print.RegisterEntry;
import org.motcua.ui.parts.ReturnWords;
import org.motcua.store.DossierQuery;
import org.motcua.store.Page;
import org.motcua.store.ReceivedDossiers;
import org.motcua.store.ReceivedDossiers.Received;
import org.motcua.ui.desk.Desk;

/**
 * The register book (form 07) of a date range from the store: every dossier received in the range, page by page,
 * with the name and deciding body of the procedure version it was received under. Headless; run it in a job.
 */
public final class RegisterBook {

    private final Desk desk;

    public RegisterBook(Desk desk) {
        this.desk = desk;
    }

    /**
     * @throws org.motcua.core.validation.ValidationException when the desk's role may not read the register or the
     *                                                         range is reversed
     */
    public RegisterData between(LocalDate from, LocalDate to) {
        ReportReaders.require(desk.role());
        ReportReaders.requireRange(from, to);
        ReceivedDossiers received = new ReceivedDossiers(desk.store());
        List<RegisterEntry> entries = new ArrayList<>();
        Set<String> books = new LinkedHashSet<>();
        Page<Received> page;
        do {
            page = received.between(from, to, entries.size(), DossierQuery.MAX_LIMIT);
            for (Received r : page.items()) {
                entries.add(entry(r));
                books.add(r.dossier().registerBook());
            }
        } while (page.hasMore());
        String book = books.isEmpty() ? desk.store().device().registerBook(from.getYear()) : String.join(", ", books);
        return new RegisterData(book, from, to, entries, desk.now());
    }

    private RegisterEntry entry(Received r) {
        Dossier d = r.dossier();
        Optional<Procedure> p = desk.catalogue().version(d.procedureCode(), d.procedureVersion());
        return new RegisterEntry(d, p.map(Procedure::name).orElse(d.procedureCode()),
                p.map(Procedure::decidingBody).orElse(""), r.returnedAt(),
                r.howReturned().map(ReturnWords::forRegister).orElse(""));
    }
}
