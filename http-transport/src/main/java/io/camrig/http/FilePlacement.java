package io.camrig.http;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Puts a complete partial file under its final name without ever replacing another file: a hard
 * link, which the file system refuses atomically when the name is taken (a plain rename would
 * silently replace), then the partial name is removed. Where links are not supported, a move
 * without {@code REPLACE_EXISTING}. A taken name holding the same size and SHA-256 counts as
 * done; another file is kept and the download goes to {@code NAME~n.EXT} or is refused.
 * Public for what is fetched beside downloads (a thumbnail's small body) so it lands the same way.
 */
public final class FilePlacement {
    private static final int MAX_RENAMES = 999;

    private FilePlacement() {
    }

    /**
     * Places the complete file {@code part} (in {@code target}'s directory) under {@code target}.
     *
     * @param size its size, bytes
     * @param sha256 its SHA-256, 64 lowercase hex digits (compared with a file already at a name)
     * @return where it is and how it got there ({@code WRITTEN}, {@code IDENTICAL}: an equal file
     *     was there and {@code part} is deleted, {@code RENAMED}: as {@code NAME~n.EXT})
     * @throws DownloadTargetExistsException when another file holds the name and {@code policy}
     *     refuses ({@code part} is deleted)
     * @throws IOException when the file system refuses (999 numbered names taken, too)
     */
    public static DownloadResult place(Path part, Path target, long size, String sha256, ExistingFilePolicy policy,
            String camera, String operation) throws IOException {
        if (tryPlace(part, target)) {
            return new DownloadResult(target, size, sha256, DownloadResult.Disposition.WRITTEN);
        }
        if (identical(target, size, sha256)) {
            Files.deleteIfExists(part);
            return new DownloadResult(target, size, sha256, DownloadResult.Disposition.IDENTICAL);
        }
        if (policy == ExistingFilePolicy.REFUSE) {
            Files.deleteIfExists(part);
            throw new DownloadTargetExistsException(target, camera, operation);
        }
        for (int n = 1; n <= MAX_RENAMES; n++) {
            Path other = numbered(target, n);
            if (tryPlace(part, other)) {
                return new DownloadResult(other, size, sha256, DownloadResult.Disposition.RENAMED);
            }
            if (identical(other, size, sha256)) {
                Files.deleteIfExists(part);
                return new DownloadResult(other, size, sha256, DownloadResult.Disposition.IDENTICAL);
            }
        }
        throw new FileAlreadyExistsException(target.toString(), null, MAX_RENAMES + " numbered names taken");
    }

    /** {@code GX010001.MP4} → {@code GX010001~n.MP4}; a name without extension gets {@code ~n} at its end. */
    static Path numbered(Path target, int n) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot <= 0 ? name + "~" + n : name.substring(0, dot) + "~" + n + name.substring(dot);
        return target.resolveSibling(numbered);
    }

    private static boolean tryPlace(Path part, Path target) throws IOException {
        try {
            Files.createLink(target, part);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Files.move(part, target);
            return true;
        }
        Files.delete(part);
        return true;
    }

    private static boolean identical(Path existing, long size, String sha256) throws IOException {
        return Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS) && Files.size(existing) == size
                && Sha256.of(existing).equals(sha256);
    }
}
