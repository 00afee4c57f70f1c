package io.camrig.footage.error;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * A recording that cannot be read as a GoPro MP4: a box whose declared size runs past its parent
 * or the file, a truncated header, a missing {@code moov}, a GPMF KLV whose length overruns its
 * payload, or a part over the reader's size limits. Permanent: reading the same bytes again gives
 * the same answer. The message names the file (as the "camera" of the error), the box or key, and
 * the byte offset.
 */
public class FootageFormatException extends PermanentCamrigException {
    private final String detail;

    public FootageFormatException(String message, String file, Throwable cause) {
        super(message, file, "read footage", cause);
        this.detail = message;
    }

    public FootageFormatException(String message) {
        this(message, null, null);
    }

    /** What is wrong, without the file and operation {@link #getMessage()} puts before it. */
    public String detail() {
        return detail;
    }

    /** The same error, naming the file it was found in. */
    public FootageFormatException inFile(String file) {
        return new FootageFormatException(detail, file, this);
    }
}
