package io.relance.dunning.domain;

/** Why a case is on a collector's worklist. */
public enum WorkItemKind {
    /** A policy step asked for a phone call. */
    PHONE_TASK,
    /** A promise to pay was not kept: the case escalated and the debtor should hear from a person. */
    BROKEN_PROMISE,
    /** A dispute has been open for longer than the worklist's limit. */
    DISPUTE,
    /** The case reached its hand-over step: its file goes to the collection agency or the legal department. */
    HAND_OVER
}
