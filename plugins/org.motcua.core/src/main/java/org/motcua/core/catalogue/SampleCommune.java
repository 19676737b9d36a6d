package org.motcua.core.catalogue;

/**
 * The demo commune of the SAMPLE data: a made-up unit so that the product can be tried and tested
 * without pretending to be a real commune. Its unit code uses the reserved-looking "99" parts so it
 * cannot be mistaken for a real electronic unit code.
 */
public record SampleCommune(String unitCode, String unitName, String province, String parentBody) {

    public static final SampleCommune DEMO = new SampleCommune(
            "000.00.99.H99",
            "UBND xã Mẫu Thuận (DỮ LIỆU MẪU)",
            "Tỉnh Mẫu (dữ liệu mẫu)",
            "UBND tỉnh Mẫu");
}
