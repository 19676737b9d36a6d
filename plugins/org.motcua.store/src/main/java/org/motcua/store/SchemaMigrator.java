package org.motcua.store;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.motcua.store.internal.migration.V7__Rechain_outbox;

/**
 * Brings the store's schema up to date with Flyway, from the SQL scripts listed in {@link BundledMigrations} and the
 * Java migrations named in {@link #migrate} (where a step computes, e.g. re-chaining the outbox).
 *
 * <p>Flyway is given its own class loader, so it finds its database support through
 * {@code META-INF/services} inside OSGi, and the scripts through {@link BundledMigrations}.
 */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    /** Applies every pending migration; returns the schema version reached. */
    public static String migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            Flyway flyway = Flyway.configure(Flyway.class.getClassLoader())
                    .dataSource(dataSource)
                    .resourceProvider(new BundledMigrations())
                    // Java migrations are named here for the same reason as the scripts: no scanning inside OSGi.
                    .javaMigrations(new V7__Rechain_outbox())
                    .validateMigrationNaming(true)
                    .load();
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null ? "0" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new StoreException(StoreException.Reason.OTHER, "the database schema could not be brought up to date: "
                    + e.getMessage(), e);
        }
    }
}
