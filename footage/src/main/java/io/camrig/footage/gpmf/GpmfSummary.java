package io.camrig.footage.gpmf;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What camrig takes from a GPMF payload: the devices ({@code DEVC}: {@code DVID}, {@code DVNM})
 * and their streams' names ({@code STRM/STNM}), the first microsecond timestamp ({@code STMP},
 * HERO6 and later), and the GPS time ({@code GPSU}, type {@code U}: {@code yymmddhhmmss.sss} in
 * UTC, years 20xx) with its fix ({@code GPSF}: 0 none, 2 2D, 3 3D).
 *
 * @param devices every device, in payload order
 * @param firstTimestampMicros the first {@code STMP} seen, µs since the camera's telemetry epoch
 * @param gpsUtc the first {@code GPSU}, UTC; empty when absent or unparsable
 * @param gpsFix the first {@code GPSF}; empty when absent
 */
public record GpmfSummary(List<Device> devices, OptionalLong firstTimestampMicros, Optional<LocalDateTime> gpsUtc,
                          OptionalLong gpsFix) {
    private static final DateTimeFormatter GPSU = DateTimeFormatter.ofPattern("yyMMddHHmmss.SSS");

    public GpmfSummary {
        devices = List.copyOf(devices);
    }

    /**
     * One telemetry device.
     *
     * @param id {@code DVID} as a number ({@code L}) or text ({@code F}), or empty
     * @param name {@code DVNM}, as the camera wrote it
     * @param streams the {@code STNM} of each stream (the stream's first data key when unnamed)
     */
    public record Device(String id, String name, List<String> streams) {
        public Device {
            streams = List.copyOf(streams);
        }
    }

    /** {@code true} when the GPS had a 2D or 3D fix and gave a time. */
    public boolean gpsLocked() {
        return gpsUtc.isPresent() && gpsFix.isPresent() && gpsFix.getAsLong() >= 2;
    }

    /** Summarizes a parsed payload. */
    public static GpmfSummary of(List<Klv> payload) {
        List<Device> devices = new ArrayList<>();
        long[] stmp = {-1};
        long[] fix = {-1};
        LocalDateTime[] utc = {null};
        for (Klv devc : payload) {
            if (!devc.key().equals("DEVC")) {
                continue;
            }
            String id = devc.child("DVID").map(k -> k.type() == 'F' ? k.text()
                    : k.firstInteger().map(String::valueOf).orElse("")).orElse("");
            String name = devc.child("DVNM").map(Klv::text).orElse("");
            List<String> streams = new ArrayList<>();
            for (Klv strm : devc.children()) {
                if (!strm.key().equals("STRM")) {
                    continue;
                }
                streams.add(strm.child("STNM").map(Klv::text).orElseGet(() -> dataKey(strm)));
                for (Klv k : strm.children()) {
                    switch (k.key()) {
                        case "STMP" -> {
                            if (stmp[0] < 0) {
                                k.firstInteger().ifPresent(v -> stmp[0] = v);
                            }
                        }
                        case "GPSF" -> {
                            if (fix[0] < 0) {
                                k.firstInteger().ifPresent(v -> fix[0] = v);
                            }
                        }
                        case "GPSU" -> {
                            if (utc[0] == null) {
                                utc[0] = parseGpsu(k.text());
                            }
                        }
                        default -> { }
                    }
                }
            }
            devices.add(new Device(id, name, streams));
        }
        return new GpmfSummary(devices, stmp[0] < 0 ? OptionalLong.empty() : OptionalLong.of(stmp[0]),
                Optional.ofNullable(utc[0]), fix[0] < 0 ? OptionalLong.empty() : OptionalLong.of(fix[0]));
    }

    private static String dataKey(Klv strm) {
        return strm.children().stream().filter(k -> !k.nested() && k.repeat() > 1).map(Klv::key)
                .reduce((a, b) -> b).orElse("");
    }

    private static LocalDateTime parseGpsu(String text) {
        try {
            return LocalDateTime.parse(text.trim(), GPSU);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
