package org.motcua.print;

import java.util.Objects;
import org.motcua.core.catalogue.SampleCommune;

/**
 * The unit printed at the top left of every form.
 *
 * @param parentBody the governing body (cơ quan chủ quản) printed above the unit's name; may be empty
 * @param unitName   the unit (e.g. "UBND xã Mẫu Thuận"), printed in capitals
 * @param place      the place name of the date line ("Mẫu Thuận, ngày ... tháng ... năm ...")
 * @param deskName   the desk's name in the body text; empty means the edition's wording
 *                   ("Bộ phận Một cửa" in 2025, "Bộ phận Tiếp nhận và Trả kết quả" in 2018)
 */
public record IssuingUnit(String parentBody, String unitName, String place, String deskName) {

    public IssuingUnit {
        Objects.requireNonNull(unitName, "unitName");
        parentBody = parentBody == null ? "" : parentBody.strip();
        unitName = unitName.strip();
        place = place == null ? "" : place.strip();
        deskName = deskName == null ? "" : deskName.strip();
    }

    /** The made-up demo commune of the sample data. */
    public static IssuingUnit demo() {
        SampleCommune c = SampleCommune.DEMO;
        return new IssuingUnit(c.parentBody(), c.unitName(), "Mẫu Thuận", "");
    }
}
