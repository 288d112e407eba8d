package com.lightningpos.hub.shops.ui;

import com.lightningpos.hub.shops.EnrolmentCode;
import com.lightningpos.hub.shops.ShopService;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

/** Asks for the new shop's name, provisions it and shows its enrolment code once. */
class ProvisionDialog extends Dialog {

    private final ShopService shops;
    private final Runnable onProvisioned;
    private final TextField name = new TextField("Shop name");

    ProvisionDialog(ShopService shops, Runnable onProvisioned) {
        this.shops = shops;
        this.onProvisioned = onProvisioned;
        setHeaderTitle("Provision a shop");
        name.setId("shop-name");
        name.setWidthFull();
        name.setMaxLength(ShopService.MAX_NAME_LENGTH);
        name.setRequiredIndicatorVisible(true);
        Button provision = new Button("Provision", e -> provision());
        provision.setId("provision-confirm");
        provision.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        provision.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        Button cancel = new Button("Cancel", e -> close());
        add(name);
        getFooter().add(cancel, provision);
        setWidth("32rem");
    }

    private void provision() {
        EnrolmentCode[] code = new EnrolmentCode[1];
        if (Notifications.attempt(() -> code[0] = shops.provision(name.getValue()))) {
            showCode(code[0]);
            onProvisioned.run();
        }
    }

    private void showCode(EnrolmentCode code) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Shop provisioned");
        add(new EnrolmentCodePanel(code));
        Button done = new Button("Done", e -> close());
        done.setId("enrolment-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    /** Shows a code issued elsewhere (credential rotation) in the same form. */
    static void show(EnrolmentCode code, String title) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("32rem");
        dialog.add(new EnrolmentCodePanel(code));
        Button done = new Button("Done", e -> dialog.close());
        done.setId("enrolment-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }
}
