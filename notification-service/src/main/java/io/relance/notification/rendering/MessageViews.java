package io.relance.notification.rendering;

import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Contact;
import io.relance.notification.domain.Reminder;
import io.relance.notification.domain.ReminderLine;
import io.relance.notification.domain.Tone;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Builds the data of a message from a reminder and the customer's contact, in the customer's language. */
public final class MessageViews {

    private MessageViews() {
    }

    public static MessageView of(Reminder reminder, Contact contact, Channel channel, MessageView.Sender sender,
                                 String paymentLinkTemplate, int defaultDeadlineDays) {
        Formats formats = new Formats(contact.language());
        String currency = reminder.currency();
        List<MessageView.Line> lines = reminder.lines().stream()
                .map(line -> new MessageView.Line(line.invoiceNumber(), formats.date(line.issueDate()),
                        formats.date(line.dueDate()), formats.money(line.amountOpen(), currency),
                        formats.money(line.lateInterest(), currency), formats.money(line.recoveryIndemnity(), currency)))
                .toList();
        List<String> address = contact.address() == null ? List.of() : contact.address().printedLines();
        return new MessageView(
                contact.customerId(),
                contact.legalName(),
                address,
                lines,
                lines.size(),
                formats.money(reminder.totalOpen(), currency),
                formats.money(reminder.totalLateInterest(), currency),
                formats.money(reminder.totalRecoveryIndemnity(), currency),
                formats.money(commonIndemnity(reminder.lines()), currency),
                formats.money(reminder.totalClaimed(), currency),
                formats.date(reminder.deadline(defaultDeadlineDays)),
                formats.date(reminder.businessDate()),
                paymentLinkTemplate.replace("{customerId}", contact.customerId()),
                sender,
                reminder.tone() == Tone.FRIENDLY,
                reminder.tone() == Tone.FIRM,
                reminder.tone() == Tone.FORMAL,
                channel == Channel.REGISTERED_LETTER);
    }

    /** The indemnity every invoice carries, when they all carry the same one (40 EUR in France); else null. */
    private static BigDecimal commonIndemnity(List<ReminderLine> lines) {
        List<BigDecimal> distinct = lines.stream().map(ReminderLine::recoveryIndemnity).filter(Objects::nonNull)
                .map(BigDecimal::stripTrailingZeros).distinct().toList();
        boolean everyLine = lines.stream().allMatch(line -> line.recoveryIndemnity() != null);
        return everyLine && distinct.size() == 1 ? distinct.get(0) : null;
    }

}
