package org.motcua.server.admin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.UsbReply;
import org.motcua.server.ServerServices;
import org.motcua.server.audit.Actor;
import org.motcua.server.usb.UsbImportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Imports device export files (§11) and writes one reply file per import. Exit code 2 when a file was refused as
 * {@code usb-file-invalid} or {@code usb-manifest-invalid}, 1 for any other refused file, else 0.
 */
@Command(name = "usb-import", mixinStandardHelpOptions = true, description = "Import USB export files; write reply files.")
public final class UsbImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Option(names = "--reply-dir", required = true, description = "Where the reply files go.")
    Path replyDir;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int exit = 0;
        try (ServerServices s = ServerServices.open(database.config())) {
            for (UsbImportService.Imported i : s.usb.importAll(Actor.cli(), files, replyDir)) {
                if (i.refused()) {
                    var p = i.problem().get();
                    out.println(i.file() + ": refused, " + p.name() + " — " + p.detail());
                    boolean fileProblem = p.problemType().filter(t -> t == ProblemType.USB_FILE_INVALID
                            || t == ProblemType.USB_MANIFEST_INVALID).isPresent();
                    exit = Math.max(exit, fileProblem ? 2 : 1);
                } else {
                    long ok = i.outcomes().stream().filter(o -> o.status() == 200).count();
                    out.println(i.file() + ": " + ok + " of " + i.outcomes().size() + " batch(es) committed; reply "
                            + i.reply().get());
                    for (UsbReply.Outcome o : i.outcomes()) {
                        if (o.status() != 200) {
                            out.println("  batch " + o.batchId() + ": " + o.status() + " " + o.problemType().orElse(""));
                        }
                    }
                }
            }
        }
        out.flush();
        return exit;
    }
}
