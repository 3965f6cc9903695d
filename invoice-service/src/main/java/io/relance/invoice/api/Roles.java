package io.relance.invoice.api;

/** The roles bearer tokens carry in their "groups" claim. */
public final class Roles {

    /** ERP systems: create customers and invoices, issue credit notes, cancel. */
    public static final String ERP = "erp";
    /** Credit controllers: read, open and resolve disputes. */
    public static final String COLLECTOR = "collector";
    /** Finance managers: what collectors do, and write-offs. */
    public static final String MANAGER = "manager";
    /** Everything, including GDPR erasure. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
