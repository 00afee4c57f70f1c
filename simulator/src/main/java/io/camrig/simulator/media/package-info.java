/**
 * The virtual camera's SD card: {@link io.camrig.simulator.media.SdCard} lists the recordings a
 * camera made and produces their content on demand, deterministically and without storing it, so
 * a test can recompute the bytes it downloaded. Its parts by role: {@code CardWriter} names and
 * numbers new media, {@link io.camrig.simulator.media.RecordedVideos} keeps each video's head and
 * chapters, {@link io.camrig.simulator.media.CardGroups} the bursts, {@code RawVersions} the RAW
 * versions, {@code CardFiles} the listed files and their spooled copies, {@link
 * io.camrig.simulator.media.CardContent} every byte, {@link io.camrig.simulator.media.CardFaults}
 * the lies a hostile camera tells.
 */
package io.camrig.simulator.media;
