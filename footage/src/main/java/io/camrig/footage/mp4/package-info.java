/**
 * A small ISO BMFF / QuickTime box reader for what camrig reads from a GoPro MP4: the top-level
 * boxes are walked on a {@link java.nio.channels.SeekableByteChannel} (a multi-gigabyte
 * {@code mdat} is skipped, never read), the {@code moov} box is read whole (bounded) and parsed in
 * memory. Every declared size is checked against its parent before anything is buffered.
 */
package io.camrig.footage.mp4;
