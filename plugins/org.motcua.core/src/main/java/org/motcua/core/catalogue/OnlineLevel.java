package org.motcua.core.catalogue;

import java.util.Locale;
import java.util.Optional;
import org.motcua.core.text.VietnameseText;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/** How far a procedure can be done online (mức độ dịch vụ công trực tuyến). */
public enum OnlineLevel implements Localizable {
    FULL, PARTIAL, INFORMATION_ONLY;

    /** "toàn trình" / "một phần" / "cung cấp thông tin"; anything else is unknown. */
    public static Optional<OnlineLevel> fromCatalogueText(String text) {
        String f = VietnameseText.fold(text);
        if (f.contains("toan trinh")) {
            return Optional.of(FULL);
        }
        if (f.contains("mot phan")) {
            return Optional.of(PARTIAL);
        }
        if (f.contains("thong tin")) {
            return Optional.of(INFORMATION_ONLY);
        }
        return Optional.empty();
    }

    @Override
    public String displayName(Locale locale) {
        return Texts.format(DocumentForm.LABELS, "onlineLevel." + name(), locale);
    }
}
