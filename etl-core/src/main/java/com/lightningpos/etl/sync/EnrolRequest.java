package com.lightningpos.etl.sync;

/** A new till trades the one-time enrolment code from provisioning for permanent credentials. */
public record EnrolRequest(String enrolmentCode) {

    @Override
    public String toString() {
        return "EnrolRequest[enrolmentCode=***]";
    }
}
