/**
 * What a GoPro recorded about itself in its MP4, read after the fact: {@link
 * io.camrig.footage.FootageReader} turns a file into {@link io.camrig.footage.FootageFacts}
 * (firmware and camera id from {@code udta}, creation time and duration from {@code mvhd}, the
 * start timecode from the {@code tmcd} track, devices, streams, timestamps and GPS time from the
 * GPMF track). The box reader is in {@code mp4}, the GPMF (KLV) reader in {@code gpmf}. Nothing here
 * talks to a camera; the engine compares these facts with the rig's fire figures.
 */
package io.camrig.footage;
