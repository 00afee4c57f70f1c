package io.camrig.engine.offload;

import io.camrig.engine.take.TakeFile;
import io.camrig.http.DownloadResult;

/** What an {@link Offloader} run reports, per camera and file; cameras interleave. */
public sealed interface OffloadEvent {

    /** The camera's serial. */
    String serial();

    /**
     * The camera is checked (its serial answered over HTTP) and its files are about to be fetched.
     *
     * @param files how many files are queued
     * @param bytes their total listed size, bytes (a group member's size is not listed: not counted)
     * @param bytesOnDisk what their partial files already hold from an earlier run (resumed with
     *     {@code Range}, not fetched again), bytes; 0 for a fresh offload
     */
    record CameraStarted(String serial, int files, long bytes, long bytesOnDisk) implements OffloadEvent {
        /** A camera with nothing on disk yet. */
        public CameraStarted(String serial, int files, long bytes) {
            this(serial, files, bytes, 0);
        }
    }

    /**
     * Bytes of one file on disk so far, of {@code total}.
     *
     * @param bytesDone bytes of the file on disk, resumed ones included
     * @param total the file's size, bytes
     * @param resumedFrom bytes its partial file already held when this run started it (0 for a
     *     fresh download): {@code bytesDone - resumedFrom} came over the link in this run, which
     *     is what a rate or an ETA is computed from
     */
    record Progress(String serial, TakeFile file, long bytesDone, long total, long resumedFrom) implements OffloadEvent {
        /** A file fetched from its first byte. */
        public Progress(String serial, TakeFile file, long bytesDone, long total) {
            this(serial, file, bytesDone, total, 0);
        }

        /** Bytes of this file that came over the link in this run (never negative). */
        public long bytesFetched() {
            return Math.max(0, bytesDone - resumedFrom);
        }
    }

    /** One file is on disk, size-checked, with its SHA-256 in the manifest. */
    record Verified(String serial, TakeFile file, DownloadResult result) implements OffloadEvent {
    }

    /** One file was deleted from the camera after it was verified ({@code --delete-after-verify}). */
    record DeletedFromCamera(String serial, TakeFile file) implements OffloadEvent {
    }

    /**
     * One verified file was left on the camera although {@code --delete-after-verify} asked to
     * delete it. It stays verified in the manifest (its bytes are safe on disk); only the card
     * keeps it.
     *
     * @param reason why it was kept
     * @param detail what was seen, one line, never a secret
     */
    record KeptOnCamera(String serial, TakeFile file, KeptReason reason, String detail) implements OffloadEvent {
    }

    /** Why a verified file was not deleted from its camera ({@link KeptOnCamera}). */
    enum KeptReason {
        /** Another camera answers at the address now (its serial over HTTP): nothing is deleted from it. */
        OTHER_CAMERA,
        /** The camera's file at that path is not the one verified (its media info's size or creation time differs). */
        FILE_CHANGED,
        /** The camera could not be asked (its media info or serial did not come), so nothing was risked. */
        UNCONFIRMED,
        /** The camera answered the delete with an error. */
        REFUSED,
        /** The camera said it deleted the file but still describes it (its media info answers). */
        STILL_ON_CAMERA,
        /**
         * The photo's RAW version ({@code .GPR}) is not verified yet: deleting the photo may delete
         * it too on the camera, so the photo stays until a run has fetched both.
         */
        RAW_NOT_FETCHED,
        /**
         * A file an earlier run verified no longer matches its manifest on disk (size or SHA-256,
         * or missing): the camera's copy may be the only good one.
         */
        LOCAL_COPY_CHANGED
    }

    /** One file failed (it stays in the queue), or the whole camera when {@code file} is null. */
    record Failed(String serial, TakeFile file, Throwable error) implements OffloadEvent {
    }

    /** A step around the files did not work out; the offload goes on (turbo, delete). */
    record Warning(String serial, String message) implements OffloadEvent {
    }

    /** The camera is done: how many of its queued files are verified and how many are not. */
    record CameraDone(String serial, int verified, int remaining) implements OffloadEvent {
    }
}
