/**
 * Takes: one fire-on/fire-off across the rig, its media and its manifest.
 *
 * <p>Layout on disk ({@link io.camrig.engine.take.TakeStore}):
 * <pre>
 * &lt;media-dir&gt;/&lt;take id&gt;/take.json                                 the manifest ({@link io.camrig.engine.take.TakeManifest}), replaced atomically
 * &lt;media-dir&gt;/&lt;take id&gt;/&lt;serial&gt;/&lt;camera folder&gt;/&lt;file&gt;          the media, e.g. C3501324500001/100GOPRO/GX010001.MP4
 * &lt;media-dir&gt;/&lt;take id&gt;/&lt;serial&gt;/&lt;camera folder&gt;/.&lt;file&gt;.camrig-part  a partial download, resumed by the next offload
 * </pre>
 * Every camera-provided name that becomes a path segment (serial, folder, file) is checked with
 * {@link io.camrig.http.model.PathNames#requireSegment}. The manifest is the persistent offload
 * queue: a file whose state is not {@code VERIFIED} is still to fetch ({@link
 * io.camrig.engine.take.OffloadQueue}).
 */
package io.camrig.engine.take;
