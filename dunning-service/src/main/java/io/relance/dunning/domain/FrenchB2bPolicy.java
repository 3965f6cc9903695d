package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** The default French B2B policy of the design: D-3, D+7, D+21, D+30, D+45 formal notice, D+60 hand-over. */
public final class FrenchB2bPolicy {

    public static final String ID = "fr-b2b-default";
    public static final int FORMAL_NOTICE_STEP = 4;
    /** Below this open amount an invoice is not handed over: the agency's fee would exceed what it recovers. */
    public static final BigDecimal HAND_OVER_THRESHOLD = new BigDecimal("1000.00");
    /** "Sous huitaine": the usual delay a mise en demeure gives the debtor. */
    public static final int FORMAL_NOTICE_RESPONSE_DAYS = 8;

    private FrenchB2bPolicy() {
    }

    public static Policy create() {
        return new Policy(ID, 1, "French B2B default", List.of(
                new PolicyStep("preventive reminder", -3, List.of(Channel.EMAIL), "preventive",
                        Tone.FRIENDLY, null, Set.of(), null),
                new PolicyStep("first reminder", 7, List.of(Channel.EMAIL), "reminder",
                        Tone.FRIENDLY, null, Set.of(), null),
                new PolicyStep("second reminder", 21, List.of(Channel.EMAIL, Channel.SMS), "reminder",
                        Tone.FIRM, null, Set.of(), null),
                new PolicyStep("phone call", 30, List.of(Channel.PHONE_TASK), "task.phone-call",
                        Tone.FIRM, null, Set.of(), null),
                new PolicyStep("formal notice", 45, List.of(Channel.REGISTERED_LETTER, Channel.EMAIL),
                        "formal-notice", Tone.FORMAL, null,
                        Set.of(Charge.LATE_INTEREST, Charge.RECOVERY_INDEMNITY), FORMAL_NOTICE_RESPONSE_DAYS),
                new PolicyStep("hand-over", 60, List.of(Channel.COLLECTION_AGENCY), "handover.agency",
                        Tone.FORMAL, HAND_OVER_THRESHOLD, Set.of(), null)),
                false);
    }
}
