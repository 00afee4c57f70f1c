/**
 * GPMF, GoPro's KLV telemetry format (github.com/gopro/gpmf-parser, README "KLV Design"): a
 * four-character key, a type byte, a structure size byte and a 16-bit repeat count, big-endian,
 * payload padded to 32 bits, nested when the type is 0. {@link io.camrig.footage.gpmf.GpmfParser}
 * reads a payload into {@link io.camrig.footage.gpmf.Klv} trees; {@link
 * io.camrig.footage.gpmf.GpmfSummary} picks out devices, streams, timestamps and GPS time.
 */
package io.camrig.footage.gpmf;
