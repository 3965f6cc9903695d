package io.relance.payment.application;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads ISO 20022 camt.053.001.08 and camt.053.001.02 statements (the older version many French banks still send)
 * and camt.054.001.08 notifications. The file is screened first by a
 * hardened StAX pass (size limit, no DOCTYPE at all, so no external entity and no entity expansion; the root must
 * be a Document in a supported namespace); only then does Prowide's model read it.
 */
public final class BankStatementReader {

    static final String CAMT_053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    static final String CAMT_053_V2 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
    static final String CAMT_054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
    private static final Map<String, String> SUPPORTED = Map.of(CAMT_053, "camt.053.001.08",
            CAMT_053_V2, "camt.053.001.02", CAMT_054, "camt.054.001.08");
    private static final String BOOKED = "BOOK";
    private static final String NOT_PROVIDED = "NOTPROVIDED";
    /** A camt.053 nests about a dozen deep; far deeper is an attack on the parsers' stacks, refused while screening. */
    static final int MAX_DEPTH = 64;

    private final int maxBytes;

    public BankStatementReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public BankStatement read(byte[] xml) {
        String namespace = screen(xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        try {
            return switch (namespace) {
                case CAMT_053 -> statement(text);
                case CAMT_053_V2 -> statementV2(text);
                default -> notification(text);
            };
        } catch (StatementRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // A mandatory element left out (a statement without its group header, say) reads as null in Prowide's model.
            throw new StatementRejectedException("file must be a valid " + SUPPORTED.get(namespace)
                    + " message with its mandatory elements: " + e.getClass().getSimpleName());
        }
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
        int depth = 0;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
                        throw new StatementRejectedException("file must not nest elements more than " + MAX_DEPTH + " deep");
                    }
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new StatementRejectedException("file must not contain a DOCTYPE or entity references: "
                                + "external entities and entity expansion are refused");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && namespace == null) {
                        namespace = Objects.requireNonNullElse(reader.getNamespaceURI(), "");
                        if (!"Document".equals(reader.getLocalName()) || !SUPPORTED.containsKey(namespace)) {
                            throw new StatementRejectedException("root must be a Document in namespace " + CAMT_053
                                    + ", " + CAMT_053_V2 + " or " + CAMT_054 + ", got " + reader.getLocalName() + " in '" + namespace + "'");
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
        message.getBkToCstmrStmt().getStmt().forEach(stmt -> collector.account(stmt.getId(), iban(stmt.getAcct()),
                stmt.getNtry().stream().map(BankStatementReader::entry).toList()));
        return collector.result(SUPPORTED.get(CAMT_053), message.getBkToCstmrStmt().getGrpHdr().getMsgId());
    }

    private BankStatement statementV2(String xml) {
        MxCamt05300102 message = MxCamt05300102.parse(xml);
        if (message == null || message.getBkToCstmrStmt() == null) {
            throw new StatementRejectedException("file must be a valid camt.053.001.02 statement");
        }
        Collector collector = new Collector();
        message.getBkToCstmrStmt().getStmt().forEach(stmt -> collector.account(stmt.getId(),
                stmt.getAcct() == null || stmt.getAcct().getId() == null ? null : stmt.getAcct().getId().getIBAN(),
                stmt.getNtry().stream().map(BankStatementReader::entry).toList()));
        return collector.result(SUPPORTED.get(CAMT_053_V2), message.getBkToCstmrStmt().getGrpHdr().getMsgId());
    }

    private BankStatement notification(String xml) {
        MxCamt05400108 message = MxCamt05400108.parse(xml);
        if (message == null || message.getBkToCstmrDbtCdtNtfctn() == null) {
            throw new StatementRejectedException("file must be a valid camt.054.001.08 notification");
        }
        Collector collector = new Collector();
        message.getBkToCstmrDbtCdtNtfctn().getNtfctn().forEach(n -> collector.account(n.getId(), iban(n.getAcct()),
                n.getNtry().stream().map(BankStatementReader::entry).toList()));
        return collector.result(SUPPORTED.get(CAMT_054), message.getBkToCstmrDbtCdtNtfctn().getGrpHdr().getMsgId());
    }

    /** What an entry says, whatever the message version: the versions differ in their types, not in these facts. */
    private record Entry(String status, CreditDebitCode direction, boolean reversal, String acctSvcrRef, String ntryRef,
                         LocalDate valueDate, LocalDate bookingDate, Amount amount, BankTransactionCodeStructure4 code,
                         String additionalInfo, List<Tx> transactions) {
    }

    /** One transaction of an entry; {@code amount} null when the bank states none. */
    private record Tx(String acctSvcrRef, Amount amount, BankTransactionCodeStructure4 code, String debtorName,
                      String debtorIban, List<String> unstructured, List<String> references, String endToEndId,
                      boolean returned, String returnReason) {
    }

    private record Amount(BigDecimal value, String currency) {
    }

    private static String iban(CashAccount39 account) {
        return account == null || account.getId() == null ? null : account.getId().getIBAN();
    }

    private static Entry entry(ReportEntry10 entry) {
        List<Tx> transactions = entry.getNtryDtls().stream().map(EntryDetails9::getTxDtls).flatMap(List::stream)
                .map(tx -> {
                    var parties = tx.getRltdPties();
                    String name = parties != null && parties.getDbtr() != null && parties.getDbtr().getPty() != null
                            ? parties.getDbtr().getPty().getNm() : null;
                    String iban = parties != null && parties.getDbtrAcct() != null && parties.getDbtrAcct().getId() != null
                            ? parties.getDbtrAcct().getId().getIBAN() : null;
                    return new Tx(tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
                            tx.getAmt() == null ? null : new Amount(tx.getAmt().getValue(), tx.getAmt().getCcy()),
                            tx.getBkTxCd(), name, iban,
                            tx.getRmtInf() == null ? List.of() : tx.getRmtInf().getUstrd(),
                            tx.getRmtInf() == null ? List.of() : tx.getRmtInf().getStrd().stream()
                                    .flatMap(st -> st.getRfrdDocInf().stream()).map(d -> d.getNb()).filter(Objects::nonNull).toList(),
                            tx.getRefs() == null ? null : tx.getRefs().getEndToEndId(),
                            tx.getRtrInf() != null,
                            tx.getRtrInf() == null || tx.getRtrInf().getRsn() == null ? null : tx.getRtrInf().getRsn().getCd());
                }).toList();
        return new Entry(entry.getSts() == null ? null : entry.getSts().getCd(), entry.getCdtDbtInd(),
                Boolean.TRUE.equals(entry.isRvslInd()), entry.getAcctSvcrRef(), entry.getNtryRef(),
                date(entry.getValDt()), date(entry.getBookgDt()),
                new Amount(entry.getAmt().getValue(), entry.getAmt().getCcy()), entry.getBkTxCd(),
                entry.getAddtlNtryInf(), transactions);
    }

    /** camt.053.001.02: the status is a bare code, a transaction's amount sits in AmtDtls, parties are not wrapped. */
    private static Entry entry(ReportEntry2 entry) {
        List<Tx> transactions = entry.getNtryDtls().stream().map(EntryDetails1::getTxDtls).flatMap(List::stream)
                .map(tx -> {
                    var parties = tx.getRltdPties();
                    var txAmount = tx.getAmtDtls() == null || tx.getAmtDtls().getTxAmt() == null ? null
                            : tx.getAmtDtls().getTxAmt().getAmt();
                    return new Tx(tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
                            txAmount == null ? null : new Amount(txAmount.getValue(), txAmount.getCcy()),
                            tx.getBkTxCd(),
                            parties != null && parties.getDbtr() != null ? parties.getDbtr().getNm() : null,
                            parties != null && parties.getDbtrAcct() != null && parties.getDbtrAcct().getId() != null
                                    ? parties.getDbtrAcct().getId().getIBAN() : null,
                            tx.getRmtInf() == null ? List.of() : tx.getRmtInf().getUstrd(),
                            tx.getRmtInf() == null ? List.of() : tx.getRmtInf().getStrd().stream()
                                    .flatMap(st -> st.getRfrdDocInf().stream()).map(d -> d.getNb()).filter(Objects::nonNull).toList(),
                            tx.getRefs() == null ? null : tx.getRefs().getEndToEndId(),
                            tx.getRtrInf() != null,
                            tx.getRtrInf() == null || tx.getRtrInf().getRsn() == null ? null : tx.getRtrInf().getRsn().getCd());
                }).toList();
        return new Entry(entry.getSts() == null ? null : entry.getSts().value(), entry.getCdtDbtInd(),
                Boolean.TRUE.equals(entry.isRvslInd()), entry.getAcctSvcrRef(), entry.getNtryRef(),
                date(entry.getValDt()), date(entry.getBookgDt()),
                new Amount(entry.getAmt().getValue(), entry.getAmt().getCcy()), entry.getBkTxCd(),
                entry.getAddtlNtryInf(), transactions);
    }

    /** Walks the entries of each account report, keeping customer credits and returns. */
    private static final class Collector {

        private final List<StatementLine> lines = new ArrayList<>();
        private final List<String> accounts = new ArrayList<>();
        private int ignored;

        void account(String reportId, String iban, List<Entry> entries) {
            accounts.add(iban == null ? "unknown" : iban);
            for (int e = 0; e < entries.size(); e++) {
                entry(reportId, e, entries.get(e));
            }
        }

        private void entry(String reportId, int index, Entry entry) {
            boolean returned = entry.transactions().stream().anyMatch(Tx::returned);
            StatementLine.Kind kind = entry.direction() == CreditDebitCode.CRDT && !entry.reversal() ? StatementLine.Kind.CREDIT
                    : entry.direction() == CreditDebitCode.DBIT && (entry.reversal() || returned) ? StatementLine.Kind.RETURN
                    : null;
            if (!BOOKED.equals(entry.status()) || kind == null) {
                ignored++;
                return;
            }
            String entryRef = firstNonBlank(entry.acctSvcrRef(), entry.ntryRef(), reportId + "#" + index);
            LocalDate valueDate = entry.valueDate() != null ? entry.valueDate() : entry.bookingDate();
            if (valueDate == null) {
                throw new StatementRejectedException("entry " + entryRef + " must have a value or booking date");
            }
            List<Tx> transactions = entry.transactions();
            if (transactions.isEmpty()) {
                lines.add(line(kind, entryRef, money(entry.amount(), entryRef), valueDate, method(entry.code()), null, entry));
                return;
            }
            for (int t = 0; t < transactions.size(); t++) {
                Tx tx = transactions.get(t);
                String ref = transactions.size() == 1 ? entryRef : entryRef + "/" + firstNonBlank(tx.acctSvcrRef(), String.valueOf(t + 1));
                Money amount = tx.amount() != null ? money(tx.amount(), ref)
                        : transactions.size() == 1 ? money(entry.amount(), ref) : null;
                if (amount == null) {
                    throw new StatementRejectedException("transaction " + ref + " of a batch entry must state its amount");
                }
                lines.add(line(kind, ref, amount, valueDate, method(tx.code() != null ? tx.code() : entry.code()), tx, entry));
            }
        }

        private static StatementLine line(StatementLine.Kind kind, String ref, Money amount, LocalDate valueDate,
                                          PaymentMethod method, Tx tx, Entry entry) {
            if (tx == null) {
                return new StatementLine(kind, ref, amount, valueDate, method, null, null, entry.additionalInfo(),
                        List.of(), null, null);
            }
            String remittance = tx.unstructured().isEmpty() ? entry.additionalInfo() : String.join(" ", tx.unstructured());
            String endToEnd = tx.endToEndId() == null || NOT_PROVIDED.equals(tx.endToEndId()) ? null : tx.endToEndId();
            return new StatementLine(kind, ref, amount, valueDate, method, tx.debtorName(), validIbanOrNull(tx.debtorIban()),
                    remittance, tx.references(), endToEnd, tx.returnReason());
        }

        BankStatement result(String messageType, String messageId) {
            return new BankStatement(messageType, messageId, String.join(",", accounts), lines, ignored);
        }
    }

    /** A bank's counterparty IBAN that fails its check digits is dropped rather than failing the statement. */
    private static String validIbanOrNull(String iban) {
        if (iban == null) {
            return null;
        }
        try {
            return Ibans.normalize(iban, "payerIban");
        } catch (PaymentRuleViolation e) {
            return null;
        }
    }

    private static Money money(Amount amount, String ref) {
        try {
            return new Money(amount.value(), Money.currency(amount.currency()));
        } catch (PaymentRuleViolation e) {
            throw new StatementRejectedException("entry " + ref + " " + e.getMessage());
        }
    }

    private static LocalDate date(DateAndDateTime2Choice choice) {
        if (choice == null) {
            return null;
        }
        return choice.getDt() != null ? choice.getDt() : choice.getDtTm() != null ? choice.getDtTm().toLocalDate() : null;
    }

    private static LocalDate date(DateAndDateTimeChoice choice) {
        if (choice == null) {
            return null;
        }
        return choice.getDt() != null ? choice.getDt() : choice.getDtTm() != null ? choice.getDtTm().toLocalDate() : null;
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
