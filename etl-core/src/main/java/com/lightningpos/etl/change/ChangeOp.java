package com.lightningpos.etl.change;

/** What happened to a row. Deletes of catalog rows are tombstones (UPDATE with deleted = 1). */
public enum ChangeOp { INSERT, UPDATE, DELETE }
