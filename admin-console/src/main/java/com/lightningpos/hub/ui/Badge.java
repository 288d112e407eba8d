package com.lightningpos.hub.ui;

import com.vaadin.flow.component.html.Span;

/**
 * A small coloured label. Styled inline with Lumo's colour properties: Lumo's optional badge
 * stylesheet would need a theme folder and a frontend build.
 */
public final class Badge {

    public enum Tone { SUCCESS, WARNING, ERROR, CONTRAST, PRIMARY }

    private Badge() {
    }

    public static Span of(String text, Tone tone) {
        Span badge = new Span(text);
        String color = switch (tone) {
            case SUCCESS -> "success";
            case WARNING -> "warning";
            case ERROR -> "error";
            case PRIMARY -> "primary";
            case CONTRAST -> "contrast";
        };
        badge.getStyle()
                .set("display", "inline-block")
                .set("padding", "0 var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("line-height", "1.6")
                .set("font-weight", "500")
                .set("white-space", "nowrap")
                .set("color", tone == Tone.CONTRAST ? "var(--lumo-body-text-color)" : "var(--lumo-" + color + "-text-color)")
                .set("background", tone == Tone.CONTRAST ? "var(--lumo-contrast-10pct)" : "var(--lumo-" + color + "-color-10pct)");
        badge.getElement().setAttribute("data-tone", color);
        return badge;
    }
}
