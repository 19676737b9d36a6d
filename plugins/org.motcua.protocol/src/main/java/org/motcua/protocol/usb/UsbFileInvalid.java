package org.motcua.protocol.usb;

/**
 * A USB file refused before anything in it was used: {@code usb-file-invalid} with {@link #check()} naming what failed
 * ({@code zip}, {@code file-size}, {@code name}, {@code duplicate}, {@code method}, {@code entry-size}, {@code ratio}).
 */
public final class UsbFileInvalid extends Exception {

    private final String check;

    public UsbFileInvalid(String check, String message) {
        super(message, null, false, false);
        this.check = check;
    }

    public String check() {
        return check;
    }
}
