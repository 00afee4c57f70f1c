/**
 * What the per-camera read and write commands ({@code settings}, {@code status}, {@code preset})
 * share: which rig to talk to ({@link io.camrig.cli.rig.RigSourceOptions}, a simulated rig today; a
 * real rig plugs in as another {@link io.camrig.ble.spi.BleCentral}), which of its cameras
 * ({@link io.camrig.cli.rig.CameraSelection}, by serial suffix), both as one mixin
 * ({@link io.camrig.cli.rig.SelectedCameras}), connecting them with per-camera results
 * ({@link io.camrig.cli.rig.ConnectedRig}), and plain-text tables ({@link io.camrig.cli.rig.Table}).
 */
package io.camrig.cli.rig;
