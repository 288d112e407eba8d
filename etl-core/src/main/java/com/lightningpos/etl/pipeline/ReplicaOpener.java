package com.lightningpos.etl.pipeline;

import java.util.UUID;
import javax.sql.DataSource;

/** Opens the cloud replica (a shop-schema SQLite file) of one shop. */
@FunctionalInterface
public interface ReplicaOpener {

    DataSource replica(UUID shopId);
}
