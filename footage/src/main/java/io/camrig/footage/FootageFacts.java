package io.camrig.footage;

import io.camrig.footage.gpmf.GpmfSummary;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What one recording says about itself: read by {@link FootageReader} from its MP4.
 *
 * @param file the file's name as given to the reader
 * @param sizeBytes the file's size, bytes
 * @param majorBrand the {@code ftyp} major brand ({@code mp41} on GoPro), or empty
 * @param firmware {@code udta/FIRM}: the firmware that wrote the file, e.g. {@code HD5.02.02.00.00};
 *     empty when absent. Written by the camera: may hold any character
 * @param cameraId {@code udta/CAME}: the camera's id bytes, or an empty array when absent
 * @param creationTime {@code mvhd} creation time as the camera's local clock (GoPro writes local
 *     time, no zone), whole seconds; empty when 0, or past the year 9999 (then with a warning)
 * @param durationMillis {@code mvhd} duration, ms
 * @param timecode the start timecode from the {@code tmcd} track; empty without one
 * @param telemetry the first GPMF payload of the {@code gpmd} track; empty without one
 * @param tracks one line per track: handler type, format, handler name
 * @param warnings what could not be read (a part missing or malformed) while the rest could
 */
public record FootageFacts(String file, long sizeBytes, String majorBrand, String firmware, byte[] cameraId,
                           Optional<LocalDateTime> creationTime, double durationMillis, Optional<Timecode> timecode,
                           Optional<GpmfSummary> telemetry, List<String> tracks, List<String> warnings) {
    public FootageFacts {
        cameraId = cameraId.clone();
        tracks = List.copyOf(tracks);
        warnings = List.copyOf(warnings);
    }

    @Override
    public byte[] cameraId() {
        return cameraId.clone();
    }

    /**
     * The camera id for display: the text when every byte is printable ASCII (after trailing NULs
     * are dropped), else lower-case hex; empty when absent.
     */
    public String cameraIdText() {
        int end = cameraId.length;
        while (end > 0 && cameraId[end - 1] == 0) {
            end--;
        }
        boolean printable = end > 0;
        for (int i = 0; i < end; i++) {
            printable &= cameraId[i] >= 0x20 && cameraId[i] < 0x7F;
        }
        return printable ? new String(cameraId, 0, end, java.nio.charset.StandardCharsets.US_ASCII)
                : HexFormat.of().formatHex(cameraId);
    }
}
