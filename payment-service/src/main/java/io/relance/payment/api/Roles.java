package io.relance.payment.api;

/** The roles of the platform's bearer tokens ({@code groups} claim). */
final class Roles {

    static final String ERP = "erp";
    static final String COLLECTOR = "collector";
    static final String MANAGER = "manager";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
