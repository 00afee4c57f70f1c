/**
 * Whether a take really started together: {@link io.camrig.engine.sync.TakeSync#of} compares each
 * camera's start with the rig's median, from two sources: the fire (the camera-side instant the
 * encoding status implies, less the link's one-way latency) and the footage (the {@code tmcd} start
 * frame the camera wrote, translated to host time through the clock camrig set over BLE). Cameras
 * outside the {@link io.camrig.engine.sync.SyncTolerance}, and cameras whose footage disagrees with
 * the fire, are flagged with the reasons camrig saw. Pure functions of records: no I/O.
 */
package io.camrig.engine.sync;
