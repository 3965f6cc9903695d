package io.relance.kpi.messaging;

import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.Dispute;
import io.relance.kpi.domain.DunningCase;
import io.relance.kpi.domain.InvoiceFacts;
import io.relance.kpi.domain.Issue;
import io.relance.kpi.domain.Movement;
import io.relance.kpi.domain.ReminderDelivery;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A ledger in its store and changelog, read and written on every event of its customer: a compact binary form
 * (strings as modified UTF-8, dates as epoch days, amounts as exact unscaled value and scale), several times faster
 * than the JSON it replaces. The first byte is the format's version.
 */
final class LedgerSerde implements Serde<CustomerLedger> {

    private static final int VERSION = 1;
    /** Marks an absent date. */
    private static final long NONE = Long.MIN_VALUE;
    private static final int LONG_AMOUNT = 0;
    private static final int BIG_AMOUNT = 1;
    private static final int NO_AMOUNT = 2;
    private static final Movement.Kind[] KINDS = Movement.Kind.values();

    @Override
    public Serializer<CustomerLedger> serializer() {
        return (topic, ledger) -> {
            if (ledger == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                write(out, ledger);
            } catch (IOException e) {
                throw new SerializationException("cannot write the ledger of " + ledger.customerId(), e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<CustomerLedger> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                int version = in.readUnsignedByte();
                if (version != VERSION) {
                    throw new SerializationException("ledger format " + version + " is not " + VERSION
                            + ": reset the application (README, State stores)");
                }
                return read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read a ledger from " + topic, e);
            }
        };
    }

    private static void write(DataOutputStream out, CustomerLedger ledger) throws IOException {
        out.writeUTF(ledger.customerId());
        writeString(out, ledger.segment());
        out.writeInt(ledger.invoices().size());
        for (Map.Entry<String, InvoiceFacts> invoice : ledger.invoices().entrySet()) {
            out.writeUTF(invoice.getKey());
            write(out, invoice.getValue());
        }
        out.writeInt(ledger.cases().size());
        for (Map.Entry<String, DunningCase> dunningCase : ledger.cases().entrySet()) {
            out.writeUTF(dunningCase.getKey());
            DunningCase c = dunningCase.getValue();
            writeDate(out, c.startedOn());
            out.writeInt(c.invoiceIds().size());
            for (String invoiceId : c.invoiceIds()) {
                out.writeUTF(invoiceId);
            }
            out.writeInt(c.closures().size());
            for (Map.Entry<String, DunningCase.Closure> closure : c.closures().entrySet()) {
                out.writeUTF(closure.getKey());
                writeDate(out, closure.getValue().on());
                out.writeBoolean(closure.getValue().paid());
                writeString(out, closure.getValue().currency());
            }
        }
        out.writeInt(ledger.reminders().size());
        for (Map.Entry<String, ReminderDelivery> reminder : ledger.reminders().entrySet()) {
            out.writeUTF(reminder.getKey());
            ReminderDelivery r = reminder.getValue();
            writeDate(out, r.sentOn());
            writeString(out, r.channel());
            writeAmount(out, r.cost());
            writeString(out, r.currency());
        }
    }

    private static void write(DataOutputStream out, InvoiceFacts invoice) throws IOException {
        Issue issue = invoice.issue();
        out.writeBoolean(issue != null);
        if (issue != null) {
            writeDate(out, issue.issueDate());
            writeDate(out, issue.dueDate());
            writeAmount(out, issue.amount());
            out.writeUTF(issue.currency());
        }
        out.writeInt(invoice.movements().size());
        for (Map.Entry<String, Movement> movement : invoice.movements().entrySet()) {
            out.writeUTF(movement.getKey());
            out.writeByte(movement.getValue().kind().ordinal());
            writeDate(out, movement.getValue().on());
            writeAmount(out, movement.getValue().amount());
        }
        out.writeInt(invoice.disputes().size());
        for (Map.Entry<String, Dispute> dispute : invoice.disputes().entrySet()) {
            out.writeUTF(dispute.getKey());
            writeDate(out, dispute.getValue().openedOn());
            writeDate(out, dispute.getValue().resolvedOn());
        }
    }

    private static CustomerLedger read(DataInputStream in) throws IOException {
        String customerId = in.readUTF();
        String segment = readString(in);
        Map<String, InvoiceFacts> invoices = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            invoices.put(in.readUTF(), readInvoice(in));
        }
        Map<String, DunningCase> cases = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            String caseId = in.readUTF();
            LocalDate startedOn = readDate(in);
            Set<String> invoiceIds = new HashSet<>();
            for (int i = in.readInt(); i > 0; i--) {
                invoiceIds.add(in.readUTF());
            }
            Map<String, DunningCase.Closure> closures = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                closures.put(in.readUTF(), new DunningCase.Closure(readDate(in), in.readBoolean(), readString(in)));
            }
            cases.put(caseId, new DunningCase(startedOn, invoiceIds, closures));
        }
        Map<String, ReminderDelivery> reminders = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            reminders.put(in.readUTF(), new ReminderDelivery(readDate(in), readString(in), readAmount(in), readString(in)));
        }
        return new CustomerLedger(customerId, segment, invoices, cases, reminders);
    }

    private static InvoiceFacts readInvoice(DataInputStream in) throws IOException {
        Issue issue = in.readBoolean() ? new Issue(readDate(in), readDate(in), readAmount(in), in.readUTF()) : null;
        Map<String, Movement> movements = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            movements.put(in.readUTF(), new Movement(KINDS[in.readUnsignedByte()], readDate(in), readAmount(in)));
        }
        Map<String, Dispute> disputes = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            disputes.put(in.readUTF(), new Dispute(readDate(in), readDate(in)));
        }
        return new InvoiceFacts(issue, movements, disputes);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeDate(DataOutputStream out, LocalDate date) throws IOException {
        out.writeLong(date == null ? NONE : date.toEpochDay());
    }

    private static LocalDate readDate(DataInputStream in) throws IOException {
        long day = in.readLong();
        return day == NONE ? null : LocalDate.ofEpochDay(day);
    }

    private static void writeAmount(DataOutputStream out, BigDecimal amount) throws IOException {
        if (amount == null) {
            out.writeByte(NO_AMOUNT);
            return;
        }
        BigInteger unscaled = amount.unscaledValue();
        if (unscaled.bitLength() < 64) {
            out.writeByte(LONG_AMOUNT);
            out.writeLong(unscaled.longValueExact());
        } else {
            byte[] big = unscaled.toByteArray();
            out.writeByte(BIG_AMOUNT);
            out.writeInt(big.length);
            out.write(big);
        }
        out.writeInt(amount.scale());
    }

    private static BigDecimal readAmount(DataInputStream in) throws IOException {
        int form = in.readUnsignedByte();
        if (form == NO_AMOUNT) {
            return null;
        }
        BigInteger unscaled;
        if (form == LONG_AMOUNT) {
            unscaled = BigInteger.valueOf(in.readLong());
        } else {
            byte[] big = new byte[in.readInt()];
            in.readFully(big);
            unscaled = new BigInteger(big);
        }
        return new BigDecimal(unscaled, in.readInt());
    }
}
