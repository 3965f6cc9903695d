package io.relance.kpi.api;

/** The roles bearer tokens carry in their "groups" claim; ERP systems read no KPIs. */
final class Roles {

    /** Credit controllers follow the figures of the book they work. */
    static final String COLLECTOR = "collector";
    /** Finance managers: the KPIs are theirs. */
    static final String MANAGER = "manager";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
