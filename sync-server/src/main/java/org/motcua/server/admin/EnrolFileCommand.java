package org.motcua.server.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.motcua.protocol.doc.EnrolmentFile;
import org.motcua.protocol.doc.EnrolmentRequest;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.enrol.EnrolmentService;
import org.motcua.server.wire.RequestDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Offline enrolment (§11): answers a device's {@code motcua-enrol-<codeId>.json} with the same wrapper around the
 * {@code enrolmentResponse}, after the checks of §6.1 (all but the TLS check). The answer is written to
 * {@code <out>/motcua-enrol-<codeId>-response.json}.
 */
@Command(name = "enrol-file", mixinStandardHelpOptions = true, description = "Answer an offline enrolment file.")
public final class EnrolFileCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--out", required = true, description = "Directory for the response file.")
    Path outDir;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ServerServices s = ServerServices.open(database.config())) {
            if (Files.size(file) > 4 * s.limits.maxRequestBytes()) {
                throw RequestDocuments.requestTooLarge(4 * s.limits.maxRequestBytes());
            }
            EnrolmentFile request = RequestDocuments.read(Files.readAllBytes(file), EnrolmentFile::read);
            EnrolmentService.Enrolled enrolled = s.enrolment.enrol(request.message(), request.mac(), Actor.cli());
            String codeId = RequestDocuments.read(request.message(), EnrolmentRequest::read).codeId();
            Files.createDirectories(outDir);
            Path out = outDir.resolve("motcua-enrol-" + codeId + "-response.json");
            Files.write(out, new EnrolmentFile(enrolled.mac(), enrolled.response()).canonical());
            spec.commandLine().getOut().println("Enrolled; give the device this file: " + out);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (Rejection r) {
            spec.commandLine().getErr().println("enrol-file: refused, " + r.problem().name() + " — " + r.problem().detail());
            return 1;
        }
    }
}
