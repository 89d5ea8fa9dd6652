package io.cablestream.store.persistence.write;

/** The sending post of a cable as its canonical id names it: {@code 09USOSCE86} -> {@code USOSCE}. */
final class CableOrigin {

    private CableOrigin() {
    }

    static String of(String cableId) {
        if (cableId == null || cableId.length() < 3) {
            return null;
        }
        int end = cableId.length();
        while (end > 2 && Character.isDigit(cableId.charAt(end - 1))) {
            end--;
        }
        return cableId.substring(2, end);
    }
}
