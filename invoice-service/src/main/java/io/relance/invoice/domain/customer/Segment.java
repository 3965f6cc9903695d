package io.relance.invoice.domain.customer;

/** Customer segment: chooses the dunning policy and groups the KPIs. */
public enum Segment {
    REGULAR, OCCASIONAL, NEW, RISKY
}
