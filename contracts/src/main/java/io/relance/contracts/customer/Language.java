package io.relance.contracts.customer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Language the customer is written to in; travels as its ISO 639-1 code. */
public enum Language {
    @JsonProperty("fr")
    FR,
    @JsonProperty("en")
    EN
}
