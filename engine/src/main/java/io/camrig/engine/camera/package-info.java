/**
 * One camera over BLE: {@link io.camrig.engine.camera.Camera} and the machinery behind it — the
 * per-characteristic request queue, the inbound pipeline (packets → messages → responses or push
 * notifications) and the status cache.
 */
package io.camrig.engine.camera;
