package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files the admin's pages take ({@code multipart/form-data}), bounded twice: {@link WebAccess} refuses any multipart
 * request announcing more than {@link #MAX_REQUEST_BYTES} (or not announcing its length) before a byte of it is read,
 * and each page refuses a file above its own bound with its own words, before the file reaches the operation.
 */
final class Uploads {

    static final long MB = 1024 * 1024;
    /** A publication file (catalogue, calendar): 5000 procedures fit in a few MB. */
    static final long PUBLICATION_MAX_BYTES = 8 * MB;
    /** A USB export through the web page; a larger one goes through {@code usb-import} on the server. */
    static final long USB_MAX_BYTES = 512 * MB;
    /** The largest multipart body: the largest file plus the form's other fields and boundaries. */
    static final long MAX_REQUEST_BYTES = USB_MAX_BYTES + MB;

    /** The chosen file is above the page's bound. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private Uploads() {
    }

    /** Whether a multipart request may be read at all: its announced length is within {@link #MAX_REQUEST_BYTES}. */
    static boolean acceptable(Context ctx) {
        long length = ctx.contentLength();
        return length >= 0 && length <= MAX_REQUEST_BYTES;
    }

    /** The bytes of the file in {@code field}; null when none was chosen (or it is empty). */
    static byte[] bytes(Context ctx, String field, long max) throws TooLarge {
        UploadedFile file = ctx.uploadedFile(field);
        if (file == null || file.size() == 0) {
            return null;
        }
        if (file.size() > max) {
            throw new TooLarge();
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The file in {@code field} copied to {@code target}; false when none was chosen (or it is empty). */
    static boolean copy(Context ctx, String field, long max, Path target) throws TooLarge, IOException {
        UploadedFile file = ctx.uploadedFile(field);
        if (file == null || file.size() == 0) {
            return false;
        }
        if (file.size() > max) {
            throw new TooLarge();
        }
        try (InputStream in = file.content()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    /** Whole megabytes, for the pages' words. */
    static String megabytes(long bytes) {
        return String.valueOf(bytes / MB);
    }
}
