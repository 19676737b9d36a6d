package org.motcua.core.dossier;

import org.motcua.core.text.VietnameseText;

/**
 * A dossier collected in a village by a community digital team member (tổ công nghệ số cộng đồng):
 * who helped and where. The center officer completes reception when the laptop comes back.
 */
public record FieldAssistance(String assistant, String place) {

    public FieldAssistance {
        assistant = VietnameseText.input(assistant);
        place = VietnameseText.input(place);
    }
}
