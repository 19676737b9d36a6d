package org.motcua.store;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The store's SQL migrations, listed explicitly and read from this bundle.
 *
 * <p>Flyway's class-path scanning cannot see into another OSGi bundle reliably, so the scripts are named
 * here. A new migration is a new file in {@code org/motcua/store/migration} and a new line in {@link #SCRIPTS}.
 */
final class BundledMigrations implements ResourceProvider {

    static final String FOLDER = "org/motcua/store/migration/";

    /** Every migration script, oldest first. Never edit a released script: add a new one. */
    static final List<String> SCRIPTS = List.of(
            "V1__device.sql",
            "V2__dossiers.sql",
            "V3__officers.sql",
            "V4__settings.sql",
            "V5__list_order_index.sql",
            "V6__sync_state.sql",
            // V7 is a Java migration (internal.migration.V7__Rechain_outbox), registered in SchemaMigrator
            "V8__sync_constraints.sql",
            "V9__rekey_request.sql",
            "V10__result_return.sql",
            "V11__receipt_due.sql",
            "V12__outbox_result_index.sql",
            "V13__feed_reference_data.sql",
            "V14__list_indexes.sql",
            "V15__number_leases.sql",
            "V16__upstream_decisions.sql",
            "V17__scanned_documents.sql",
            "V18__restored_history.sql");

    /** The highest schema version this program's migrations reach (a backup above it is from a newer program). */
    static int latestVersion() {
        return SCRIPTS.stream().mapToInt(f -> Integer.parseInt(f.substring(1, f.indexOf("__")))).max().orElse(0);
    }

    @Override
    public LoadableResource getResource(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return SCRIPTS.contains(file) ? new Script(file) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return SCRIPTS.stream()
                .filter(f -> f.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(f::endsWith))
                .<LoadableResource>map(Script::new)
                .toList();
    }

    /** One script inside this bundle. */
    private static final class Script extends LoadableResource {
        private final String file;

        Script(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = BundledMigrations.class.getClassLoader().getResourceAsStream(FOLDER + file);
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is listed but missing from org.motcua.store");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
