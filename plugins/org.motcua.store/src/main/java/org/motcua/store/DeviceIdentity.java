package org.motcua.store;

import java.util.Objects;
import java.util.UUID;
import org.motcua.core.numbering.DossierCode;
import org.motcua.core.numbering.DossierNumberAllocator;

/**
 * Who this installation is: the receiving unit (commune) it works for and its device number there.
 * Written once by the setup wizard; every outbox event carries the device id.
 *
 * @param unitCode     the unit's electronic code, the first part of every dossier code
 * @param deviceNumber 1..9, distinct for each PC or laptop of the unit (decides its number sub-range)
 */
public record DeviceIdentity(UUID deviceId, String unitCode, String unitName, int deviceNumber) {

    public DeviceIdentity {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(unitName, "unitName");
        if (!DossierCode.isUnitCode(unitCode)) {
            throw new IllegalArgumentException("not a unit code: " + unitCode);
        }
        if (deviceNumber < 1 || deviceNumber > DossierNumberAllocator.MAX_DEVICE_NUMBER) {
            throw new IllegalArgumentException("device number must be 1.." + DossierNumberAllocator.MAX_DEVICE_NUMBER);
        }
    }

    public static DeviceIdentity newDevice(String unitCode, String unitName, int deviceNumber) {
        return new DeviceIdentity(UUID.randomUUID(), unitCode, unitName, deviceNumber);
    }

    /** The register book this device writes in during {@code year}: "2026-M1" for device 1. */
    public String registerBook(int year) {
        return year + "-M" + deviceNumber;
    }
}
