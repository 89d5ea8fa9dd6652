package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Warning;

import java.util.ArrayList;
import java.util.List;

/** The anomalies noticed while parsing one cable; a warning is data, not a log line. */
final class Warnings {

    private final List<Warning> list = new ArrayList<>(4);

    void add(String code, String message) {
        if (list.size() < 50) {
            list.add(new Warning(code, message));
        }
    }

    boolean has(String code) {
        for (Warning w : list) {
            if (w.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    List<Warning> list() {
        return list;
    }
}
