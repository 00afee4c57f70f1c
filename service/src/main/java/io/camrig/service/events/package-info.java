/**
 * The live event stream: {@link io.camrig.service.events.EventHub} (best-effort multicast of
 * rendered events), {@link io.camrig.service.events.CameraFeed} (per-camera coalescing of the
 * rig's changes into tile events, at most 10/s per camera) and
 * {@link io.camrig.service.events.ClientStream} (one client's conflating buffer, which tells a
 * slow client what it lost and never holds the rig up).
 */
package io.camrig.service.events;
