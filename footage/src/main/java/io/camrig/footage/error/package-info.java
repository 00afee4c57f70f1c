/**
 * The error of reading footage: {@link io.camrig.footage.error.FootageFormatException}, signalled
 * by the MP4 box reader ({@code mp4}), the GPMF reader ({@code gpmf}) and {@link
 * io.camrig.footage.FootageReader}. Below all three, so the readers do not depend on the package
 * that uses them.
 */
package io.camrig.footage.error;
