/**
 * One virtual camera: identity, statuses, the GATT server behaviour (request handling, push
 * notifications) and its recordings.
 */
package io.camrig.simulator.camera;
