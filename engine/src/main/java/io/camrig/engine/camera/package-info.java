/**
 * One camera over BLE: {@link io.camrig.engine.camera.Camera} (the connection, its
 * per-characteristic request queues, the inbound pipeline and the status cache) and its operation
 * groups — {@link io.camrig.engine.camera.CameraControl}, {@link io.camrig.engine.camera.CameraInfo},
 * {@link io.camrig.engine.camera.CameraSettings}, {@link io.camrig.engine.camera.CameraStatuses},
 * {@link io.camrig.engine.camera.CameraPresets}, {@link io.camrig.engine.camera.CameraNetwork},
 * {@link io.camrig.engine.camera.CameraCohn}, {@link io.camrig.engine.camera.CameraLivestream} —
 * covering every BLE operation of the protocol catalog. Each method that performs a catalog
 * operation carries {@link io.camrig.engine.camera.Implements}; push registrations are {@code Flux}
 * streams that unregister when the last subscriber cancels.
 */
package io.camrig.engine.camera;
