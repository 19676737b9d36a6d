package org.motcua.server.blobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;

/**
 * Re-reads every stored blob and hashes its chunks in order (for {@code verify-blobs}): a complete blob whose bytes no
 * longer hash to its name is damaged storage, since the upload checked the whole before calling it present (§9).
 */
public final class BlobAudit {

    /** One upload of a unit as stored, with the SHA-256 of the bytes actually held. */
    public record Row(String unitCode, String sha256, long length, long offset, boolean complete, String storedSha256) {
        public boolean intact() {
            return !complete || storedSha256.equals(sha256);
        }
    }

    private final ServerDatabase db;

    public BlobAudit(ServerDatabase db) {
        this.db = db;
    }

    public List<Row> run() throws SQLException {
        try (Connection c = db.connection()) {
            List<String[]> uploads = Sql.list(c, "SELECT unit_code, sha256 FROM blob_uploads ORDER BY unit_code, sha256",
                    rs -> new String[] {rs.getString(1), rs.getString(2)});
            List<Row> rows = new ArrayList<>();
            for (String[] u : uploads) {
                BlobStore.Upload up = BlobStore.upload(c, u[0], u[1]).orElseThrow();
                rows.add(new Row(u[0], u[1], up.length(), up.offset(), up.complete(), BlobStore.assembledHash(c, u[0], u[1])));
            }
            return rows;
        }
    }
}
