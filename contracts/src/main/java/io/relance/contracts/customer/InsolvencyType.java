package io.relance.contracts.customer;

/** The French insolvency proceedings (procédures collectives) a customer can be under. */
public enum InsolvencyType {
    /** Procédure de sauvegarde. */
    SAFEGUARD,
    /** Redressement judiciaire. */
    RECEIVERSHIP,
    /** Liquidation judiciaire. */
    LIQUIDATION
}
