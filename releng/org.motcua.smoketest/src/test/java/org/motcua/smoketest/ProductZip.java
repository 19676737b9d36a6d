package org.motcua.smoketest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Unzips a product zip as an officer's unzip tool would, keeping the Unix permissions the zip records (the start script
 * and the runtime's executables must stay executable). The JDK's zip file system reads them when asked to.
 */
final class ProductZip {

    private ProductZip() {
    }

    static void unzip(Path zip, Path into) throws IOException {
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", "true"))) {
            Path root = fs.getPath("/");
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(root)) {
                entries = walk.toList();
            }
            for (Path entry : entries) {
                Path target = into.resolve(root.relativize(entry).toString()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the target folder: " + entry);
                }
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entry, target);
                    Files.setPosixFilePermissions(target,
                            Files.getFileAttributeView(entry, PosixFileAttributeView.class).readAttributes().permissions());
                }
            }
        }
    }
}
