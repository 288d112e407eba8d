package com.lightningpos.pos.sale;

import static com.lightningpos.db.shop.Tables.SALES_ORDERS;

import com.lightningpos.pos.config.PosProperties;
import com.lightningpos.pos.shop.WriteStamps;
import com.lightningpos.pos.web.ApiException;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Records a paid sale in ONE local transaction: order, lines, payments, stock movements, receipt
 * number and, through the capture triggers, the outbox rows. The client's order id makes a retry
 * safe: an order that already exists is returned as it is and nothing is written. Every refusal is
 * thrown inside the transaction before or during the writes, so it leaves nothing behind.
 */
@Service
public class SaleService {

    private final DSLContext db;
    private final SalePricer pricer;
    private final OrderWriter writer;
    private final OrderQueries orders;
    private final WriteStamps stamps;
    private final Requests requests;
    private final long cashRoundingCents;

    SaleService(DSLContext db, SalePricer pricer, OrderWriter writer, OrderQueries orders, WriteStamps stamps,
            Requests requests, PosProperties properties) {
        this.db = db;
        this.pricer = pricer;
        this.writer = writer;
        this.orders = orders;
        this.stamps = stamps;
        this.requests = requests;
        this.cashRoundingCents = Math.max(1, properties.cashRoundingCents());
    }

    public SaleResult create(OrderRequest request) {
        String id = Requests.orderId(request.id());
        try {
            return db.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                // Inside the write transaction (BEGIN IMMEDIATE), so no other writer can slip in between.
                // A retry is rare: check with one indexed lookup and read the whole order only then.
                if (tx.fetchExists(SALES_ORDERS, SALES_ORDERS.ID.eq(id))) {
                    return new SaleResult(orders.find(tx, id).orElseThrow(), false);
                }
                List<NewLine> lines = pricer.price(tx, request);
                long due = lines.stream().mapToLong(NewLine::totalCents).sum();
                Settlement settlement = Tender.settle(due, offers(tx, request.payments()), cashRoundingCents);
                // The writer answers what it wrote: no second read of the order's rows.
                Order written = writer.write(tx, stamps.begin(tx),
                        new NewOrder(id, "sale", null, request.cashier(), null, lines, settlement));
                return new SaleResult(written, true);
            });
        } catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException e) {
            // The same id committed by a concurrent request first (its primary key stopped ours): same sale.
            return orders.find(id).map(o -> new SaleResult(o, false)).orElseThrow(() -> e);
        }
    }

    private List<Tender.Offer> offers(DSLContext tx, List<OrderRequest.Payment> payments) {
        if (payments == null) {
            return List.of();
        }
        return payments.stream().map(p -> {
            if (p == null || p.method() == null) {
                throw ApiException.badRequest("validation_failed", "Every payment needs a method.");
            }
            if (p.amountCents() == null || p.amountCents() <= 0) {
                throw ApiException.badRequest("validation_failed", "A payment amount must be more than zero.");
            }
            return new Tender.Offer(requests.method(tx, p.method()), p.amountCents());
        }).toList();
    }
}
