package dev.peering.asn.domain;

import dev.peering.core.ArmException;
import dev.peering.core.PublicAsnRules;
import java.util.List;
import java.util.regex.Pattern;

/** What a PeerAsn request must hold before it is stored; each broken rule names its field. */
public final class PeerAsnRules {

    private static final Pattern PEER_NAME = Pattern.compile("[\\p{L}][\\p{L} ]{0,99}");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9\\-]{1,63}(\\.[A-Za-z0-9\\-]{1,63})*\\.[A-Za-z]{2,24}");
    // Digits with the usual separators: "+1 (234) 567-8999"; 7 to 15 digits (E.164).
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-.]{7,25}");
    private static final int MAX_CONTACTS = 20;

    private PeerAsnRules() {}

    public static long requireAsn(Long peerAsn) {
        if (peerAsn == null) {
            throw ArmException.invalidField("properties.peerAsn", "is required.");
        }
        if (!PublicAsnRules.inRange(peerAsn)) {
            throw ArmException.invalidField(
                    "properties.peerAsn", "must be a 32-bit ASN from 0 to 4294967295; " + peerAsn + " is not.");
        }
        return peerAsn;
    }

    public static String requirePeerName(String peerName) {
        if (peerName == null || peerName.isBlank()) {
            throw ArmException.invalidField("properties.peerName", "is required.");
        }
        if (!PEER_NAME.matcher(peerName).matches() || peerName.endsWith(" ")) {
            throw ArmException.invalidField(
                    "properties.peerName", "may hold only letters and spaces (at most 100 characters).");
        }
        return peerName;
    }

    public static Contacts requireContacts(List<Contact> contacts) {
        if (contacts == null || contacts.isEmpty()) {
            throw ArmException.invalidField(
                    "properties.peerContactDetail", "needs at least one contact with an email or a phone.");
        }
        if (contacts.size() > MAX_CONTACTS) {
            throw ArmException.invalidField(
                    "properties.peerContactDetail", "may hold at most " + MAX_CONTACTS + " contacts.");
        }
        boolean reachable = false;
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            String field = "properties.peerContactDetail[" + i + "]";
            if (c == null) {
                throw ArmException.invalidField(field, "is empty.");
            }
            if (c.role() == null) {
                throw ArmException.invalidField(
                        field + ".role", "is required: one of Noc, Policy, Technical, Service, Escalation, Other.");
            }
            if (c.email() != null && !c.email().isEmpty() && !isEmail(c.email())) {
                throw ArmException.invalidField(field + ".email", "is not a valid e-mail address.");
            }
            if (c.phone() != null && !c.phone().isEmpty() && !isPhone(c.phone())) {
                throw ArmException.invalidField(
                        field + ".phone", "is not a valid phone number (digits, spaces, '+', '-', '(', ')').");
            }
            reachable |= isEmail(c.email()) || isPhone(c.phone());
        }
        if (!reachable) {
            throw ArmException.invalidField(
                    "properties.peerContactDetail", "needs at least one contact with a valid email or phone.");
        }
        return new Contacts(contacts);
    }

    static boolean isEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    static boolean isPhone(String phone) {
        if (phone == null || !PHONE.matcher(phone).matches()) {
            return false;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        return digits >= 7 && digits <= 15;
    }
}
