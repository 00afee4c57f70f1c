package io.camrig.engine.take;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camrig.http.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.FileOutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes under one media directory: creates a take's directory with a fresh id, reads and writes
 * its manifest ({@value #MANIFEST}) atomically (a temporary file in the same directory, forced to
 * disk, renamed over the old one, the directory forced to disk, so a reader, a killed process or a
 * power cut sees the old manifest or the new one), lists takes and re-hashes a take's files against its manifest.
 *
 * <p>Blocking file I/O: call it from a bounded-elastic thread, the CLI or tests. Not synchronized:
 * one writer per take at a time (see {@link OffloadQueue}).
 *
 * <p>Closing: a process that stops (the rig service, a cluster node) calls {@link #close(Duration)}:
 * from then on this store, and every copy made from it with {@link #withManifestName}, refuses to
 * write ({@link TakeStoreClosedException}), and the call returns once the writes already under way
 * have finished, so nothing writes a manifest or creates a take's directory under the media
 * directory afterwards. A manifest write is not torn by a thread interrupt (a cancelled
 * subscription's): once started it finishes.
 */
public final class TakeStore {
    /** The manifest's file name in a take's directory. */
    public static final String MANIFEST = "take.json";

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path mediaDir;
    private final Clock clock;
    private final String manifestName;
    private final WriteGate gate;

    /** A store under {@code mediaDir}, ids from the UTC wall clock. */
    public TakeStore(Path mediaDir) {
        this(mediaDir, Clock.systemUTC());
    }

    /** A store under {@code mediaDir} with {@code clock} for take ids (tests). */
    public TakeStore(Path mediaDir, Clock clock) {
        this(mediaDir, clock, MANIFEST);
    }

    private TakeStore(Path mediaDir, Clock clock, String manifestName) {
        this(mediaDir, clock, manifestName, new WriteGate());
    }

    private TakeStore(Path mediaDir, Clock clock, String manifestName, WriteGate gate) {
        // Normalized: a file's path is checked to stay under its take's directory after normalizing it.
        this.mediaDir = Objects.requireNonNull(mediaDir, "mediaDir").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.manifestName = io.camrig.http.model.PathNames.requireSegment(manifestName, "manifest name");
        this.gate = gate;
    }

    /**
     * The same media directory with each take's manifest kept in {@code fileName} instead of
     * {@value #MANIFEST}: a node of a rig across hosts keeps its own offload queue beside the
     * coordinator's {@value #MANIFEST} when both share a media directory.
     */
    public TakeStore withManifestName(String fileName) {
        return new TakeStore(mediaDir, clock, fileName, gate);
    }

    /**
     * Stops writing: every later write, creation or opening that would write fails with {@link
     * TakeStoreClosedException}; waits up to {@code timeout} for the writes under way to finish
     * (also when the calling thread is interrupted: the interrupt is kept for the caller).
     *
     * @return {@code true} when no write is under way any more; {@code false} when one still was
     *     at the timeout (it finishes by itself, atomically)
     */
    public boolean close(java.time.Duration timeout) {
        return gate.close(timeout);
    }

    /** {@code true} once {@link #close} was called on this store or a copy of it. */
    public boolean isClosed() {
        return gate.closed();
    }

    /**
     * The take {@code takeId} as another process named it: its manifest when this store has one,
     * else its directory (created when absent) and a first manifest with no cameras.
     *
     * @throws UncheckedIOException when the directory or manifest cannot be written
     */
    public TakeManifest open(String rigId, String takeId) {
        return read(takeId).orElseGet(() -> {
            TakeManifest m = new TakeManifest(TakeManifest.SCHEMA, rigId, takeId,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), null, List.of(), null);
            write(m);
            return m;
        });
    }

    /** The media directory. */
    public Path mediaDir() {
        return mediaDir;
    }

    /** A take's directory. */
    public Path takeDir(String takeId) {
        return mediaDir.resolve(io.camrig.http.model.PathNames.requireSegment(takeId, "take id"));
    }

    /**
     * Creates a new take: its directory (named by a fresh id) and its first manifest, with no
     * cameras yet.
     *
     * @throws UncheckedIOException when the directory cannot be created (the OS's reason is the cause)
     */
    public TakeManifest create(String rigId) {
        String base = ID.format(clock.instant());
        gate.enter(mediaDir);
        try {
            Files.createDirectories(mediaDir);
            for (int n = 1; ; n++) {
                String id = n == 1 ? base : base + "-" + n;
                try {
                    Files.createDirectory(mediaDir.resolve(id));
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                TakeManifest m = new TakeManifest(TakeManifest.SCHEMA, rigId, id,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), null, List.of(), null);
                write(m);
                return m;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a take in " + mediaDir + ": " + reason(e), e);
        } finally {
            gate.exit();
        }
    }

    /** Writes {@code manifest} to its take's directory atomically and durably. */
    public void write(TakeManifest manifest) {
        Path dir = takeDir(manifest.takeId());
        Path target = dir.resolve(manifestName);
        gate.enter(mediaDir);
        try {
            Files.createDirectories(dir);
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            // Default permissions (the user's umask), like the media beside it; the name is unique per writer.
            Path tmp = dir.resolve("." + manifestName + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                Files.createFile(tmp);
                // A stream, not a FileChannel: an interrupt (a cancelled subscription's) cannot tear the write.
                try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                    out.write(bytes);
                    out.getFD().sync();
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                // The rename is durable only once the directory is: a file deleted from its camera
                // after this returns must never come back PENDING after a power cut.
                forceDirectory(dir);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            gate.exit();
        }
    }

    /**
     * Forces a directory's entries to disk where the platform can open a directory (not on
     * Windows). A channel is closed by a thread interrupt, so the interrupt is set aside while it
     * forces (a write, once started, finishes) and given back after.
     */
    private static void forceDirectory(Path dir) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            for (int attempt = 1; ; attempt++) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir,
                        java.nio.file.StandardOpenOption.READ)) {
                    ch.force(true);
                    return;
                } catch (java.nio.channels.ClosedByInterruptException e) {
                    interrupted |= Thread.interrupted();
                    if (attempt == 3) {
                        throw e;
                    }
                } catch (java.nio.file.AccessDeniedException | UnsupportedOperationException e) {
                    return;   // such a platform makes a rename durable by other means
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The manifest of {@code takeId}, if that take exists.
     *
     * @throws TakeManifestException when its manifest is there but cannot be read as one (empty,
     *     cut short, not JSON, a refused value, another take's id)
     * @throws IllegalArgumentException when {@code takeId} cannot name a directory ({@code ../x})
     */
    public Optional<TakeManifest> read(String takeId) {
        Path file = takeDir(takeId).resolve(manifestName);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(ManifestFile.read(JSON, file, takeId));
    }

    /**
     * Every take under the media directory that has a manifest, oldest first (by id): each with
     * its manifest, or with why that manifest cannot be read. Directories without a manifest and
     * names that cannot be take ids are left out.
     *
     * @throws UncheckedIOException when the media directory cannot be listed
     */
    public List<TakeListing> scan() {
        List<TakeListing> out = new ArrayList<>();
        if (!Files.isDirectory(mediaDir)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(mediaDir, Files::isDirectory)) {
            for (Path d : dirs) {
                String id = d.getFileName().toString();
                if (io.camrig.http.model.PathNames.isSafeSegment(id) && Files.isRegularFile(d.resolve(manifestName))) {
                    try {
                        read(id).ifPresent(m -> out.add(TakeListing.of(m)));
                    } catch (TakeManifestException e) {
                        out.add(TakeListing.unreadable(e));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + mediaDir + ": " + reason(e), e);
        }
        out.sort(Comparator.comparing(TakeListing::takeId));
        return out;
    }

    /** Every take with a readable manifest, oldest first (by id); a manifest that cannot be read is left out ({@link #scan} says why). */
    public List<TakeManifest> list() {
        return scan().stream().flatMap(l -> l.manifest().stream()).toList();
    }

    /**
     * The newest take (by id), if any.
     *
     * @throws TakeManifestException when the newest take's manifest cannot be read (an older take
     *     is never answered in its place)
     */
    public Optional<TakeManifest> latest() {
        List<TakeListing> all = scan();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        TakeListing newest = all.get(all.size() - 1);
        if (newest.error().isPresent()) {
            throw newest.error().get();
        }
        return newest.manifest();
    }

    /** Where a camera's file lands: {@code <take>/<serial>/<folder>/<name>}. */
    public Path target(String takeId, String serial, TakeFile file) {
        return takeDir(takeId).resolve(io.camrig.http.model.PathNames.requireSegment(serial, "serial"))
                .resolve(file.folder()).resolve(file.name());
    }

    /**
     * Re-hashes every verified file of a take and compares it with its manifest. On a rig across
     * hosts each node keeps its cameras' files in its own media directory: a camera of a node
     * ({@link TakeCamera#node()}) with no directory under this take here is held on that node
     * ({@link FileCheck.Result#ELSEWHERE}, not missing); once its directory is here (copied, or a
     * media directory the nodes share), its files are checked like any other.
     *
     * @return one check per file of every camera, pending ones included
     */
    public List<FileCheck> verify(TakeManifest manifest) {
        List<FileCheck> out = new ArrayList<>();
        Path dir = takeDir(manifest.takeId());
        for (TakeCamera c : manifest.cameras()) {
            boolean elsewhere = c.node() != null && !Files.isDirectory(dir.resolve(c.serial()), LinkOption.NOFOLLOW_LINKS);
            for (TakeFile f : c.files()) {
                out.add(elsewhere && f.verified()
                        ? new FileCheck(c.serial(), f, FileCheck.Result.ELSEWHERE, "held on node " + c.node())
                        : check(dir, c.serial(), f));
            }
        }
        return out;
    }

    /**
     * Re-hashes one file of take {@code takeId} as {@link #verify} does (blocking: reads it whole).
     *
     * @return {@link FileCheck.Result#OK} when its size and SHA-256 are the manifest's
     */
    public FileCheck check(String takeId, String serial, TakeFile f) {
        return check(takeDir(takeId), serial, f);
    }

    private static FileCheck check(Path dir, String serial, TakeFile f) {
        if (!f.verified()) {
            return new FileCheck(serial, f, FileCheck.Result.PENDING, f.state() == TakeFile.State.FAILED && f.error() != null
                    ? "not offloaded: " + f.error() : "not offloaded yet");
        }
        Path p = dir.resolve(f.path()).normalize();
        if (!p.startsWith(dir) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return new FileCheck(serial, f, FileCheck.Result.MISSING, f.path() + " is missing");
        }
        try {
            long size = Files.size(p);
            if (size != f.size()) {
                return new FileCheck(serial, f, FileCheck.Result.CHANGED, "size " + size + " instead of " + f.size());
            }
            String sha = Sha256.of(p);
            return sha.equals(f.sha256()) ? new FileCheck(serial, f, FileCheck.Result.OK, "")
                    : new FileCheck(serial, f, FileCheck.Result.CHANGED, "SHA-256 differs from the manifest");
        } catch (IOException e) {
            return new FileCheck(serial, f, FileCheck.Result.MISSING, "cannot read: " + reason(e));
        }
    }

    /** The OS's reason for an I/O failure, one line. */
    static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    /**
     * The result of re-hashing one file.
     *
     * @param serial the camera
     * @param file the manifest's entry
     * @param result OK, MISSING, CHANGED (size or SHA-256), PENDING (never offloaded) or ELSEWHERE
     *     (verified by the node that holds it, not on this host)
     * @param detail why, one line; {@code ""} when OK
     */
    public record FileCheck(String serial, TakeFile file, Result result, String detail) {
        /** What re-hashing found. */
        public enum Result { OK, MISSING, CHANGED, PENDING, ELSEWHERE }
    }
}
