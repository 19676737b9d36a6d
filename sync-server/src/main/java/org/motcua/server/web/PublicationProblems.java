package org.motcua.server.web;

import org.motcua.server.feed.FileRefused;

/** A refused publication file in the admin's words: "Dòng 14: …" or "Cả tệp: …", the reason in Vietnamese. */
final class PublicationProblems {

    private PublicationProblems() {
    }

    static String describe(Messages m, FileRefused e) {
        String reason = e.reason(m::get);
        return e.line() > 0 ? m.get("publish.problem.line", String.valueOf(e.line()), reason) : m.get("publish.problem.file", reason);
    }
}
