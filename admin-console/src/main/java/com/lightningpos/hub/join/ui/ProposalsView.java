package com.lightningpos.hub.join.ui;

import com.lightningpos.hub.join.ProposalRow;
import com.lightningpos.hub.join.ProposalService;
import com.lightningpos.hub.join.ProposalStatus;
import com.lightningpos.hub.security.Role;
import com.lightningpos.hub.ui.Formats;
import com.lightningpos.hub.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Items joining tills brought that the hub's catalog does not have: head office accepts one (it
 * becomes a hub item under the till's id) or rejects it (the till loses it), each after a confirmation.
 */
@Route("proposals")
@PageTitle("Catalog proposals · Lightning POS Sync")
@RolesAllowed(Role.HEAD_OFFICE_NAME)
public class ProposalsView extends VerticalLayout {

    private final ProposalService proposals;
    private final Grid<ProposalRow> grid = new Grid<>();
    private final Select<String> status = new Select<>();
    private final Span total = new Span();

    public ProposalsView(ProposalService proposals) {
        this.proposals = proposals;
        setSizeFull();

        status.setId("proposal-status");
        status.setLabel("Status");
        status.setItems("open", "accepted", "rejected", "all");
        status.setValue("open");
        status.addValueChangeListener(e -> refresh());
        total.setId("proposal-total");
        FlexLayout filters = new FlexLayout(new H3("Catalog proposals"), status, total);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");

        grid.setId("proposals-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(ProposalRow::shopName).setHeader("Shop").setAutoWidth(true);
        grid.addColumn(p -> text(p.sku())).setHeader("SKU").setAutoWidth(true);
        grid.addColumn(p -> text(p.barcode())).setHeader("Barcode").setAutoWidth(true);
        grid.addColumn(p -> text(p.name())).setHeader("Name").setFlexGrow(2);
        grid.addColumn(p -> p.priceCents() == null ? "—" : Formats.money(p.priceCents())).setHeader("Price").setAutoWidth(true);
        grid.addColumn(p -> String.join(", ", p.notes())).setHeader("Notes").setFlexGrow(2);
        grid.addColumn(p -> Formats.time(p.createdAt())).setHeader("Proposed").setAutoWidth(true);
        grid.addColumn(p -> p.open() ? "open" : p.status() + " by " + p.decidedBy()).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Decision").setAutoWidth(true);
        grid.setItems(q -> proposals.list(wanted(), q.getOffset(), q.getLimit()).stream(), q -> proposals.count(wanted()));

        add(filters, grid);
        refresh();
    }

    private Component actions(ProposalRow proposal) {
        if (!proposal.open()) {
            return new Span();
        }
        Button accept = new Button("Accept", e -> confirm(proposal, true));
        accept.setId("accept-proposal-" + proposal.id());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", e -> confirm(proposal, false));
        reject.setId("reject-proposal-" + proposal.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(accept, reject);
    }

    private void confirm(ProposalRow proposal, boolean accept) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle((accept ? "Accept " : "Reject ") + text(proposal.name()));
        dialog.add(new Paragraph(accept
                ? "The item becomes part of the chain's catalog and is sent to every shop."
                : "The item is removed from " + proposal.shopName() + "'s till; its past sales keep their line names."));
        Button confirm = new Button(accept ? "Accept item" : "Reject item", e -> {
            if (Notifications.attempt(() -> {
                if (accept) {
                    proposals.accept(proposal.id());
                } else {
                    proposals.reject(proposal.id());
                }
            })) {
                Notifications.success((accept ? "Accepted " : "Rejected ") + text(proposal.name()));
                dialog.close();
                refresh();
            }
        });
        confirm.setId("confirm-proposal");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, accept ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private ProposalStatus wanted() {
        return ProposalStatus.parse(status.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(proposals.count(wanted()) + " proposals");
    }

    private static String text(String value) {
        return value == null ? "—" : value;
    }
}
