package io.camrig.http.model;

/**
 * The webcam implementation, from {@code GET /gopro/webcam/version} ({@code
 * GPCAMERA_WEBCAM_VERSION_OGP}).
 *
 * @param version the webcam API version
 * @param maxLensSupport whether Max Lens Mod is supported
 * @param usb31Compatible whether the USB port is 3.1 compatible
 */
public record WebcamVersion(int version, boolean maxLensSupport, boolean usb31Compatible) {
}
