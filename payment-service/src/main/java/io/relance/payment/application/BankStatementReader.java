package io.relance.payment.application;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import io.relance.payment.domain.BankStatement;
import io.relance.payment.domain.Ibans;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.PaymentMethod;
import io.relance.payment.domain.PaymentRuleViolation;
import io.relance.payment.domain.StatementLine;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads ISO 20022 camt.053.001.08 statements and camt.054.001.08 notifications. The file is screened first by a
 * hardened StAX pass (size limit, no DOCTYPE at all, so no external entity and no entity expansion; the root must
 * be a Document in a supported namespace); only then does Prowide's model read it.
 */
public final class BankStatementReader {

    static final String CAMT_053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    static final String CAMT_054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
    private static final Map<String, String> SUPPORTED = Map.of(CAMT_053, "camt.053.001.08", CAMT_054, "camt.054.001.08");
    private static final String BOOKED = "BOOK";
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private final int maxBytes;

    public BankStatementReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public BankStatement read(byte[] xml) {
        String namespace = screen(xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        return CAMT_053.equals(namespace) ? statement(text) : notification(text);
    }

    /** Refuses anything but a plain, bounded XML document in a supported namespace; returns that namespace. */
    String screen(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw new StatementRejectedException("file must not be empty");
        }
        if (xml.length > maxBytes) {
            throw new StatementRejectedException("file must be at most " + maxBytes + " bytes, got " + xml.length, true);
        }
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        String namespace = null;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new StatementRejectedException("file must not contain a DOCTYPE or entity references: "
                                + "external entities and entity expansion are refused");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && namespace == null) {
                        namespace = Objects.requireNonNullElse(reader.getNamespaceURI(), "");
                        if (!"Document".equals(reader.getLocalName()) || !SUPPORTED.containsKey(namespace)) {
                            throw new StatementRejectedException("root must be a Document in namespace " + CAMT_053
                                    + " or " + CAMT_054 + ", got " + reader.getLocalName() + " in '" + namespace + "'");
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new StatementRejectedException("file must be well-formed XML without DOCTYPE: " + e.getMessage());
        }
        if (namespace == null) {
            throw new StatementRejectedException("file must contain a Document element");
        }
        return namespace;
    }

    private BankStatement statement(String xml) {
        MxCamt05300108 message = MxCamt05300108.parse(xml);
        if (message == null || message.getBkToCstmrStmt() == null) {
            throw new StatementRejectedException("file must be a valid camt.053.001.08 statement");
        }
        Collector collector = new Collector();
        message.getBkToCstmrStmt().getStmt().forEach(stmt -> collector.account(stmt.getId(), stmt.getAcct(), stmt.getNtry()));
        return collector.result(SUPPORTED.get(CAMT_053), message.getBkToCstmrStmt().getGrpHdr().getMsgId());
    }

    private BankStatement notification(String xml) {
        MxCamt05400108 message = MxCamt05400108.parse(xml);
        if (message == null || message.getBkToCstmrDbtCdtNtfctn() == null) {
            throw new StatementRejectedException("file must be a valid camt.054.001.08 notification");
        }
        Collector collector = new Collector();
        message.getBkToCstmrDbtCdtNtfctn().getNtfctn().forEach(n -> collector.account(n.getId(), n.getAcct(), n.getNtry()));
        return collector.result(SUPPORTED.get(CAMT_054), message.getBkToCstmrDbtCdtNtfctn().getGrpHdr().getMsgId());
    }

    /** Walks the entries of each account report, keeping customer credits and returns. */
    private static final class Collector {

        private final List<StatementLine> lines = new ArrayList<>();
        private final List<String> accounts = new ArrayList<>();
        private int ignored;

        void account(String reportId, CashAccount39 account, List<ReportEntry10> entries) {
            String iban = account == null || account.getId() == null ? null : account.getId().getIBAN();
            accounts.add(iban == null ? "unknown" : iban);
            for (int e = 0; e < entries.size(); e++) {
                entry(reportId, e, entries.get(e));
            }
        }

        private void entry(String reportId, int index, ReportEntry10 entry) {
            String status = entry.getSts() == null ? null : entry.getSts().getCd();
            boolean reversal = Boolean.TRUE.equals(entry.isRvslInd());
            List<EntryTransaction10> transactions = entry.getNtryDtls().stream().map(EntryDetails9::getTxDtls)
                    .flatMap(List::stream).toList();
            boolean returned = transactions.stream().anyMatch(t -> t.getRtrInf() != null);
            StatementLine.Kind kind = entry.getCdtDbtInd() == CreditDebitCode.CRDT && !reversal ? StatementLine.Kind.CREDIT
                    : entry.getCdtDbtInd() == CreditDebitCode.DBIT && (reversal || returned) ? StatementLine.Kind.RETURN
                    : null;
            if (!BOOKED.equals(status) || kind == null) {
                ignored++;
                return;
            }
            String entryRef = firstNonBlank(entry.getAcctSvcrRef(), entry.getNtryRef(), reportId + "#" + index);
            LocalDate valueDate = date(entry.getValDt(), date(entry.getBookgDt(), null));
            if (valueDate == null) {
                throw new StatementRejectedException("entry " + entryRef + " must have a value or booking date");
            }
            if (transactions.isEmpty()) {
                lines.add(line(kind, entryRef, money(entry.getAmt().getValue(), entry.getAmt().getCcy(), entryRef),
                        valueDate, method(entry.getBkTxCd()), null, entry));
                return;
            }
            for (int t = 0; t < transactions.size(); t++) {
                EntryTransaction10 tx = transactions.get(t);
                String ref = transactions.size() == 1 ? entryRef : entryRef + "/" + firstNonBlank(
                        tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(), String.valueOf(t + 1));
                Money amount = tx.getAmt() != null ? money(tx.getAmt().getValue(), tx.getAmt().getCcy(), ref)
                        : transactions.size() == 1 ? money(entry.getAmt().getValue(), entry.getAmt().getCcy(), ref) : null;
                if (amount == null) {
                    throw new StatementRejectedException("transaction " + ref + " of a batch entry must state its amount");
                }
                lines.add(line(kind, ref, amount, valueDate,
                        method(tx.getBkTxCd() != null ? tx.getBkTxCd() : entry.getBkTxCd()), tx, entry));
            }
        }

        private static StatementLine line(StatementLine.Kind kind, String ref, Money amount, LocalDate valueDate,
                                          PaymentMethod method, EntryTransaction10 tx, ReportEntry10 entry) {
            String name = null;
            String iban = null;
            String remittance = entry.getAddtlNtryInf();
            List<String> references = List.of();
            String endToEnd = null;
            String returnReason = null;
            if (tx != null) {
                var parties = tx.getRltdPties();
                if (parties != null) {
                    name = parties.getDbtr() != null && parties.getDbtr().getPty() != null ? parties.getDbtr().getPty().getNm() : null;
                    iban = parties.getDbtrAcct() != null && parties.getDbtrAcct().getId() != null
                            ? validIbanOrNull(parties.getDbtrAcct().getId().getIBAN()) : null;
                }
                if (tx.getRmtInf() != null) {
                    remittance = tx.getRmtInf().getUstrd().isEmpty() ? remittance : String.join(" ", tx.getRmtInf().getUstrd());
                    references = tx.getRmtInf().getStrd().stream().flatMap(s -> s.getRfrdDocInf().stream())
                            .map(d -> d.getNb()).filter(Objects::nonNull).collect(Collectors.toList());
                }
                if (tx.getRefs() != null && tx.getRefs().getEndToEndId() != null
                        && !NOT_PROVIDED.equals(tx.getRefs().getEndToEndId())) {
                    endToEnd = tx.getRefs().getEndToEndId();
                }
                if (tx.getRtrInf() != null && tx.getRtrInf().getRsn() != null) {
                    returnReason = tx.getRtrInf().getRsn().getCd();
                }
            }
            return new StatementLine(kind, ref, amount, valueDate, method, name, iban, remittance, references,
                    endToEnd, returnReason);
        }

        BankStatement result(String messageType, String messageId) {
            return new BankStatement(messageType, messageId, String.join(",", accounts), lines, ignored);
        }
    }

    /** A bank's counterparty IBAN that fails its check digits is dropped rather than failing the statement. */
    private static String validIbanOrNull(String iban) {
        try {
            return Ibans.normalize(iban, "payerIban");
        } catch (PaymentRuleViolation e) {
            return null;
        }
    }

    private static Money money(java.math.BigDecimal value, String currency, String ref) {
        try {
            return new Money(value, Money.currency(currency));
        } catch (PaymentRuleViolation e) {
            throw new StatementRejectedException("entry " + ref + " " + e.getMessage());
        }
    }

    private static LocalDate date(DateAndDateTime2Choice choice, LocalDate fallback) {
        if (choice == null) {
            return fallback;
        }
        return choice.getDt() != null ? choice.getDt() : choice.getDtTm() != null ? choice.getDtTm().toLocalDate() : fallback;
    }

    /** ISO bank transaction families (ExternalBankTransactionFamily1Code) of the PMNT domain. */
    private static PaymentMethod method(BankTransactionCodeStructure4 code) {
        String family = code == null || code.getDomn() == null || code.getDomn().getFmly() == null ? ""
                : code.getDomn().getFmly().getCd();
        return switch (family) {
            case "IDDT", "RDDT" -> PaymentMethod.SEPA_DIRECT_DEBIT;
            case "RCHQ", "ICHQ" -> PaymentMethod.CHEQUE;
            case "CCRD", "MCRD" -> PaymentMethod.CARD;
            case "CNTR" -> PaymentMethod.CASH;
            default -> PaymentMethod.TRANSFER;
        };
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value");
    }
}
