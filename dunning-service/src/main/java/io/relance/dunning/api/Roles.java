package io.relance.dunning.api;

/** The roles bearer tokens carry in their "groups" claim; ERP systems have nothing to do here. */
final class Roles {

    /** Credit controllers: read cases, policies and the preview; work the worklist, promises, plans and holds. */
    static final String COLLECTOR = "collector";
    /** Finance managers: what collectors do, and what changes policy or money: policies, assignments, rates. */
    static final String MANAGER = "manager";
    /** Everything. */
    static final String ADMIN = "admin";

    private Roles() {
    }
}
