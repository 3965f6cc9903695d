package io.relance.invoice.domain.customer;

/** French insolvency proceedings (procédures collectives): sauvegarde, redressement, liquidation judiciaire. */
public enum InsolvencyType {
    SAFEGUARD, RECEIVERSHIP, LIQUIDATION
}
