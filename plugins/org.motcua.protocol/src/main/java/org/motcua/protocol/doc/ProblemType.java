package org.motcua.protocol.doc;

import java.util.Arrays;
import java.util.Optional;
import org.motcua.protocol.Protocol;

/** Every problem type of §14 with its HTTP status. The type URI is {@link Protocol#PROBLEM_TYPE_BASE} + name. */
public enum ProblemType {
    BAD_REQUEST("bad-request", 400),
    JSON_INVALID("json-invalid", 400),
    NOT_CANONICAL("not-canonical", 400),
    SCHEMA_INVALID("schema-invalid", 400),
    UNSUPPORTED_PROTOCOL("unsupported-protocol", 400),
    PATH_BODY_MISMATCH("path-body-mismatch", 400),
    IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", 400),
    IDEMPOTENCY_KEY_INVALID("idempotency-key-invalid", 400),
    CONTENT_ENCODING_INVALID("content-encoding-invalid", 400),
    CSR_INVALID("csr-invalid", 400),
    CHUNK_DIGEST_MISSING("chunk-digest-missing", 400),
    UNKNOWN_DEVICE("unknown-device", 401),
    SIGNATURE_MISSING("signature-missing", 401),
    SIGNATURE_INVALID("signature-invalid", 401),
    TOKEN_INVALID("token-invalid", 401),
    ENROLMENT_CODE_INVALID("enrolment-code-invalid", 401),
    DEVICE_REVOKED("device-revoked", 403),
    ENROLMENT_CODE_EXPIRED("enrolment-code-expired", 403),
    ENROLMENT_CODE_MISMATCH("enrolment-code-mismatch", 403),
    NOT_FOUND("not-found", 404),
    RECEIPT_NOT_FOUND("receipt-not-found", 404),
    REQUEST_IN_PROGRESS("request-in-progress", 409),
    SEQUENCE_GAP("sequence-gap", 409),
    CHAIN_FORK("chain-fork", 409),
    EPOCH_CLOSED("epoch-closed", 409),
    EPOCH_LIMIT_EXCEEDED("epoch-limit-exceeded", 409),
    BLOBS_MISSING("blobs-missing", 409),
    ENROLMENT_CODE_USED("enrolment-code-used", 409),
    DEVICE_ID_TAKEN("device-id-taken", 409),
    UNIT_FULL("unit-full", 409),
    UPLOAD_OFFSET_MISMATCH("upload-offset-mismatch", 409),
    UPLOAD_LENGTH_MISMATCH("upload-length-mismatch", 409),
    PROTOCOL_RETIRED("protocol-retired", 410),
    LENGTH_REQUIRED("length-required", 411),
    BATCH_TOO_LARGE("batch-too-large", 413),
    INFLATE_LIMIT_EXCEEDED("inflate-limit-exceeded", 413),
    BLOB_TOO_LARGE("blob-too-large", 413),
    CHUNK_TOO_LARGE("chunk-too-large", 413),
    REQUEST_TOO_LARGE("request-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    CHAIN_INVALID("chain-invalid", 422),
    UNSUPPORTED_EVENT_TYPE("unsupported-event-type", 422),
    NONCE_REUSED("nonce-reused", 422),
    CHUNK_DIGEST_MISMATCH("chunk-digest-mismatch", 422),
    BLOB_HASH_MISMATCH("blob-hash-mismatch", 422),
    /** A byte range past the end of a product file (PROTOCOL-NOTES "Product updates"); the answer's Content-Range has its size. */
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", 416),
    RATE_LIMITED("rate-limited", 429),
    SIGNATURE_HEADER_TOO_LARGE("signature-header-too-large", 431),
    SERVER_ERROR("server-error", 500),
    UNAVAILABLE("unavailable", 503),
    USB_FILE_INVALID("usb-file-invalid", 422),
    USB_MANIFEST_INVALID("usb-manifest-invalid", 422);

    private final String problemName;
    private final int status;

    ProblemType(String problemName, int status) {
        this.problemName = problemName;
        this.status = status;
    }

    /** The name after the base URI, e.g. {@code sequence-gap}. */
    public String problemName() {
        return problemName;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return Protocol.PROBLEM_TYPE_BASE + problemName;
    }

    /** The type whose URI (or bare name) is {@code typeOrName}; empty for a type this build does not know. */
    public static Optional<ProblemType> of(String typeOrName) {
        if (typeOrName == null) {
            return Optional.empty();
        }
        String name = typeOrName.startsWith(Protocol.PROBLEM_TYPE_BASE)
                ? typeOrName.substring(Protocol.PROBLEM_TYPE_BASE.length()) : typeOrName;
        return Arrays.stream(values()).filter(t -> t.problemName.equals(name)).findFirst();
    }
}
