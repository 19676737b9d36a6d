package org.motcua.core.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.motcua.core.text.VietnameseText;

/**
 * All known versions of all procedures. Immutable: a new catalogue from upstream is a new instance, and
 * old versions stay so that dossiers received under them keep their rules. A withdrawn procedure keeps its versions
 * (dossiers refer to them) but is no longer offered: {@link #current()} and {@link #search} leave it out.
 */
public final class ProcedureCatalogue {

    /** code → versions, oldest first. */
    private final Map<String, List<Procedure>> byCode;
    private final Set<String> withdrawn;

    private ProcedureCatalogue(Map<String, List<Procedure>> byCode, Set<String> withdrawn) {
        this.byCode = byCode;
        this.withdrawn = withdrawn;
    }

    public static ProcedureCatalogue of(Collection<Procedure> procedures) {
        return of(procedures, Set.of());
    }

    /** Every version of {@code procedures}; the codes in {@code withdrawn} are no longer offered for new dossiers. */
    public static ProcedureCatalogue of(Collection<Procedure> procedures, Set<String> withdrawn) {
        Map<String, List<Procedure>> map = new TreeMap<>();
        for (Procedure p : procedures) {
            map.computeIfAbsent(p.code(), c -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Procedure>> e : map.entrySet()) {
            List<Procedure> versions = e.getValue();
            versions.sort(Comparator.comparingInt(Procedure::version));
            for (int i = 1; i < versions.size(); i++) {
                if (versions.get(i).version() == versions.get(i - 1).version()) {
                    throw new IllegalArgumentException("procedure " + e.getKey() + " has version "
                            + versions.get(i).version() + " twice");
                }
            }
            e.setValue(List.copyOf(versions));
        }
        return new ProcedureCatalogue(map, Set.copyOf(withdrawn));
    }

    /** The newest version of each procedure still offered, ordered by code. */
    public List<Procedure> current() {
        return byCode.values().stream().map(v -> v.get(v.size() - 1)).filter(p -> !withdrawn.contains(p.code())).toList();
    }

    /** True when {@code code} is known but no longer offered for new dossiers. */
    public boolean isWithdrawn(String code) {
        return withdrawn.contains(code) && byCode.containsKey(code);
    }

    /** The newest version of {@code code}, withdrawn or not. */
    public Optional<Procedure> latest(String code) {
        List<Procedure> versions = byCode.get(code);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Optional<Procedure> version(String code, int version) {
        return byCode.getOrDefault(code, List.of()).stream().filter(p -> p.version() == version).findFirst();
    }

    /**
     * Current procedures matching what an officer typed: a code prefix ("1.0009") or words of the name
     * or field in any order, with or without diacritics ("khai sinh", "dang ky ket hon").
     */
    public List<Procedure> search(String typed) {
        String query = VietnameseText.fold(typed);
        if (query.isEmpty()) {
            return current();
        }
        List<String> words = Arrays.asList(query.split(" "));
        return current().stream().filter(p -> p.code().startsWith(query) || containsAll(
                VietnameseText.fold(p.name() + " " + p.fieldName()), words)).toList();
    }

    private static boolean containsAll(String haystack, List<String> words) {
        return words.stream().allMatch(haystack::contains);
    }

    public int size() {
        return byCode.size();
    }
}
