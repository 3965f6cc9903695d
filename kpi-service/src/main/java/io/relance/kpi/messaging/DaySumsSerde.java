package io.relance.kpi.messaging;

import io.relance.kpi.domain.DaySums;
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
import java.util.Map;

/**
 * A day's sums in their store and changelog, in a compact binary form read on every query: only the non-zero
 * fields, each amount as its exact unscaled value and scale.
 */
final class DaySumsSerde implements Serde<DaySums> {

    private static final DaySums.Money[] MONEY = DaySums.Money.values();
    private static final DaySums.Count[] COUNT = DaySums.Count.values();

    @Override
    public Serializer<DaySums> serializer() {
        return (topic, sums) -> {
            if (sums == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(out, sums);
                out.writeShort(sums.later().size());
                for (Map.Entry<LocalDate, DaySums> later : sums.later().entrySet()) {
                    out.writeInt((int) later.getKey().toEpochDay());
                    write(out, later.getValue());
                }
            } catch (IOException e) {
                throw new SerializationException("cannot write day sums", e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<DaySums> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                DaySums sums = read(in);
                for (int n = in.readShort(); n > 0; n--) {
                    LocalDate from = LocalDate.ofEpochDay(in.readInt());
                    sums.countedFrom(from).add(read(in), 1);
                }
                return sums;
            } catch (IOException e) {
                throw new SerializationException("cannot read day sums", e);
            }
        };
    }

    private static void write(DataOutputStream out, DaySums sums) throws IOException {
        int moneyMask = 0;
        for (DaySums.Money field : MONEY) {
            if (sums.money(field).signum() != 0) {
                moneyMask |= 1 << field.ordinal();
            }
        }
        out.writeInt(moneyMask);
        for (DaySums.Money field : MONEY) {
            if ((moneyMask & 1 << field.ordinal()) != 0) {
                BigDecimal amount = sums.money(field);
                BigInteger unscaled = amount.unscaledValue();
                out.writeByte(amount.scale());
                if (unscaled.bitLength() < 64) {
                    out.writeByte(0);
                    out.writeLong(unscaled.longValueExact());
                } else {
                    byte[] big = unscaled.toByteArray();
                    out.writeByte(big.length);
                    out.write(big);
                }
            }
        }
        int countMask = 0;
        for (DaySums.Count field : COUNT) {
            if (sums.count(field) != 0) {
                countMask |= 1 << field.ordinal();
            }
        }
        out.writeInt(countMask);
        for (DaySums.Count field : COUNT) {
            if ((countMask & 1 << field.ordinal()) != 0) {
                out.writeLong(sums.count(field));
            }
        }
        out.writeShort(sums.remindersByChannel().size());
        for (Map.Entry<String, Long> channel : sums.remindersByChannel().entrySet()) {
            out.writeUTF(channel.getKey());
            out.writeLong(channel.getValue());
        }
    }

    private static DaySums read(DataInputStream in) throws IOException {
        DaySums sums = new DaySums();
        int moneyMask = in.readInt();
        for (DaySums.Money field : MONEY) {
            if ((moneyMask & 1 << field.ordinal()) != 0) {
                int scale = in.readByte();
                int length = in.readUnsignedByte();
                BigDecimal amount;
                if (length == 0) {
                    amount = BigDecimal.valueOf(in.readLong(), scale);
                } else {
                    byte[] big = new byte[length];
                    in.readFully(big);
                    amount = new BigDecimal(new BigInteger(big), scale);
                }
                sums.add(field, amount);
            }
        }
        int countMask = in.readInt();
        for (DaySums.Count field : COUNT) {
            if ((countMask & 1 << field.ordinal()) != 0) {
                sums.add(field, in.readLong());
            }
        }
        for (int n = in.readShort(); n > 0; n--) {
            sums.addReminders(in.readUTF(), in.readLong());
        }
        return sums;
    }
}
