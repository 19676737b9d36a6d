package org.motcua.core.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.motcua.core.text.VietnameseText;

/**
 * All known versions of all procedures. Immutable: a new catalogue from upstream is a new instance, and
 * old versions stay so that dossiers received under them keep their rules.
 */
public final class ProcedureCatalogue {

    /** code → versions, oldest first. */
    private final Map<String, List<Procedure>> byCode;

    private ProcedureCatalogue(Map<String, List<Procedure>> byCode) {
        this.byCode = byCode;
    }

    public static ProcedureCatalogue of(Collection<Procedure> procedures) {
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
        return new ProcedureCatalogue(map);
    }

    /** The newest version of each procedure, ordered by code. */
    public List<Procedure> current() {
        return byCode.values().stream().map(v -> v.get(v.size() - 1)).toList();
    }

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
