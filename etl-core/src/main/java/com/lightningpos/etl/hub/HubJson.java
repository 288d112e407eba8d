package com.lightningpos.etl.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** JSON text of wire rows, as stored in catalog_changes, logs and conflict records. */
public final class HubJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HubJson() {
    }

    public static String write(Map<String, Object> row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A row could not be written as JSON", e);
        }
    }
}
