/**
 * N cameras as one rig: discovery, connection with bounded concurrency, fan-out of operations
 * with per-camera error isolation, and synchronized fire. Every rig operation returns a
 * {@link io.camrig.engine.rig.RigResult} with one {@link io.camrig.engine.rig.Outcome} per camera.
 */
package io.camrig.engine.rig;
