package com.lightningpos.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.SchemaKind;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ContextStartsTest extends HubTestBase {

    @Autowired
    DSLContext db;

    @Test
    void hub_starts_with_a_migrated_database() {
        assertThat(db.fetchValue("select version from schema_version")).isEqualTo(SchemaKind.HUB.latestVersion());
    }
}
