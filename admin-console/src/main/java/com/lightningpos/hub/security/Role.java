package com.lightningpos.hub.security;

/** Console roles. HEAD_OFFICE may do everything; SUPPORT watches, and settles conflicts and quarantine. */
public enum Role {
    HEAD_OFFICE, SUPPORT;

    public static final String HEAD_OFFICE_NAME = "HEAD_OFFICE";
    public static final String SUPPORT_NAME = "SUPPORT";
}
