package io.camrig.engine.take;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A take's manifest ({@value TakeStore#MANIFEST}) that is there but cannot be read as one: empty,
 * cut short (the JSON ends inside an object), not JSON, a field of the wrong type or missing, a
 * camera-provided name that is a path ({@code ../x}), or a take id that is not its directory's
 * name. The message says which take, which file and why in one line: where the JSON broke (line
 * and column), or which field (e.g. {@code cameras[5].serial}) was refused. Permanent: reading the
 * same file again gives the same answer; nothing is written over it.
 *
 * <p>An {@link UncheckedIOException} (its cause the parser's or the file system's {@link
 * IOException}), so that callers that handle a manifest they cannot read keep doing so.
 */
public final class TakeManifestException extends UncheckedIOException {
    private final String takeId;
    private final transient Path file;
    private final String reason;

    /**
     * @param takeId the take's id: its directory's name
     * @param file the manifest file
     * @param reason why it cannot be read, one line, e.g. {@code truncated: the JSON ends at line 20, column 30}
     * @param cause the parser's or the file system's error
     */
    public TakeManifestException(String takeId, Path file, String reason, IOException cause) {
        super("take " + takeId + ": " + file + " cannot be read as a take manifest: " + reason, cause);
        this.takeId = Objects.requireNonNull(takeId, "takeId");
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The take whose manifest this is (its directory's name). */
    public String takeId() {
        return takeId;
    }

    /** The manifest file. */
    public Path file() {
        return file;
    }

    /** Why it cannot be read, one line. */
    public String reason() {
        return reason;
    }
}
