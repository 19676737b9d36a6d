package org.motcua.server.web;

/** Ends a web request before its handler: a sign-in redirect, or a Vietnamese error page with its status. */
final class WebRefusal extends RuntimeException {

    enum Kind {
        SIGN_IN, FORBIDDEN, FORM_EXPIRED, NOT_FOUND, BAD_FORM, UPLOAD_TOO_LARGE
    }

    final Kind kind;
    /** For {@link Kind#SIGN_IN}: where to go back after logging in. */
    final String next;

    private WebRefusal(Kind kind, String next) {
        super(kind.name(), null, false, false);
        this.kind = kind;
        this.next = next;
    }

    /**
     * {@code next} is kept only when the login page would follow it (at most 300 characters, {@code LoginPages.safeNext}):
     * a 30,000-character path in the Location header overflowed Jetty's response headers, a 500 found by the fuzzer.
     */
    static WebRefusal signIn(String next) {
        return new WebRefusal(Kind.SIGN_IN, next != null && next.length() <= 300 ? next : null);
    }

    static WebRefusal forbidden() {
        return new WebRefusal(Kind.FORBIDDEN, null);
    }

    /** A POST without the session's CSRF token (or the login form's). */
    static WebRefusal formExpired() {
        return new WebRefusal(Kind.FORM_EXPIRED, null);
    }

    /** A POST whose body is not a readable URL-encoded form. */
    static WebRefusal badForm() {
        return new WebRefusal(Kind.BAD_FORM, null);
    }

    /** A multipart upload larger than any page takes, or of unannounced length: refused before it is read. */
    static WebRefusal uploadTooLarge() {
        return new WebRefusal(Kind.UPLOAD_TOO_LARGE, null);
    }

    static WebRefusal notFound() {
        return new WebRefusal(Kind.NOT_FOUND, null);
    }
}
