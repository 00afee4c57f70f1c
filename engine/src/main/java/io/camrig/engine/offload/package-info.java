/**
 * Offloading takes from cameras: {@link io.camrig.engine.offload.Offloader} fetches every file a
 * take's {@link io.camrig.engine.take.OffloadQueue} still holds, one camera at a time per host
 * Wi-Fi interface over the cameras' own APs (join, check the camera's serial, fetch, leave),
 * with bounded parallelism over COHN and USB, turbo transfer around each camera, SHA-256 while
 * streaming, and resumes of partial files. It reports {@link io.camrig.engine.offload.OffloadEvent}s.
 */
package io.camrig.engine.offload;
