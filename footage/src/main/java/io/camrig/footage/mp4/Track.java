package io.camrig.footage.mp4;

import java.nio.ByteBuffer;

/**
 * One {@code trak} of a movie, as far as camrig reads it.
 *
 * @param handlerType the {@code hdlr} handler type: {@code vide}, {@code soun}, {@code tmcd},
 *     {@code meta} …
 * @param handlerName the {@code hdlr} name (GoPro: {@code "GoPro TCD"}, {@code "GoPro MET"}); as
 *     written by the camera, may hold any character
 * @param timescale the {@code mdhd} timescale, units per second
 * @param duration the {@code mdhd} duration, in {@code timescale} units
 * @param format the first {@code stsd} entry's format, e.g. {@code tmcd}, {@code gpmd}, {@code avc1}
 * @param sampleEntry the first {@code stsd} entry's body after its 8-byte header (a read-only copy)
 * @param sampleCount how many samples the track has ({@code stsz})
 * @param firstSampleOffset the file offset of the first sample (first {@code stco}/{@code co64}
 *     chunk), or -1 when the track has no sample
 * @param firstSampleSize the first sample's size in bytes, or -1
 */
public record Track(String handlerType, String handlerName, long timescale, long duration, String format,
                    ByteBuffer sampleEntry, long sampleCount, long firstSampleOffset, long firstSampleSize) {
    public Track {
        // a copy, not a view: the whole moov it was found in can then be collected once parsed
        sampleEntry = ByteBuffer.allocate(sampleEntry.remaining()).put(sampleEntry.duplicate()).flip()
                .asReadOnlyBuffer();
    }
}
