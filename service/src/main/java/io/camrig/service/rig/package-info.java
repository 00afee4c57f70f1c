/**
 * The service's side of the rig: {@link io.camrig.service.rig.RigAccess}, the one class that
 * talks to the engine's {@code RigApi} (a rig of this host, or the distributed rig of the nodes
 * on a broker), the tiles' snapshots ({@link io.camrig.service.rig.CameraView}, built by
 * {@link io.camrig.service.rig.CameraViews}) and per-camera outcomes
 * ({@link io.camrig.service.rig.CameraOutcome}).
 */
package io.camrig.service.rig;
