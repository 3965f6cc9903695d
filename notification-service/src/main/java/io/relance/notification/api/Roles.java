package io.relance.notification.api;

/** The roles bearer tokens carry in their "groups" claim; ERP systems have nothing to read here. */
final class Roles {

    /** Credit controllers: what was sent to a debtor, the letters as posted, the templates' wording. */
    static final String COLLECTOR = "collector";
    static final String MANAGER = "manager";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
