package com.lightningpos.hub.shops.ui;

import com.lightningpos.hub.shops.EnrolmentCode;
import com.lightningpos.hub.ui.Formats;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Shows a freshly issued enrolment code and the command to run at the shop. The code is not shown again. */
class EnrolmentCodePanel extends VerticalLayout {

    EnrolmentCodePanel(EnrolmentCode code) {
        setPadding(false);
        Span value = new Span(code.code());
        value.setId("enrolment-code");
        value.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-xxl)")
                .set("letter-spacing", "0.1em");
        Pre command = new Pre(code.command());
        command.setId("enrolment-command");
        command.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
        add(new Paragraph("Enrolment code for " + code.shopName() + " (valid until " + Formats.time(code.expiresAt()) + "):"),
                value,
                new Paragraph("Run this on the shop's till server; it enrols once and keeps its own credentials:"),
                command,
                new Paragraph("Write the code down now: it is shown only once. A lost code can be replaced by rotating "
                        + "the shop's credentials."));
    }
}
